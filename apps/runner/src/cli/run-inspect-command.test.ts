import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import type { ApiInspection } from './api-inspection.js';
import { runCli } from './run-cli.js';

// A FastAPI app with fastapi-pagination, as FastAPI writes it: the ordering enum behind
// `allOf: [{$ref}]` beside a default, and an unpaginated list that takes `skip`.
const fastapi = {
  openapi: '3.1.0',
  info: { title: 'fastapi app', version: '0.1.0' },
  paths: {
    '/users/': {
      get: {
        operationId: 'list_users',
        parameters: [
          {
            name: 'order_by',
            in: 'query',
            schema: { allOf: [{ $ref: '#/components/schemas/Order' }], default: 'name' },
          },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'size', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Page_User_' } } },
          },
        },
      },
    },
    '/logs/': {
      get: {
        operationId: 'list_logs',
        parameters: [{ name: 'skip', in: 'query', schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: { type: 'object', properties: { line: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Order: { type: 'string', enum: ['name', '-name', 'created', '-created'] },
      User: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, created: { type: 'string' } },
      },
      Page_User_: {
        type: 'object',
        required: ['items', 'page', 'size'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/User' } },
          total: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
          page: { type: 'integer' },
          size: { type: 'integer' },
          pages: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        },
      },
    },
  },
};

const dir = mkdtempSync(join(tmpdir(), 'assay-inspect-'));
const fastapiFile = join(dir, 'openapi.json');
writeFileSync(fastapiFile, JSON.stringify(fastapi));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay inspect', () => {
  it('prints per operation what was understood, as JSON', async () => {
    const out = captureIo();
    expect(await runCli(['inspect', fastapiFile, '--json'], out.io)).toBe(0);
    const inspection = JSON.parse(out.stdout) as ApiInspection;
    const users = inspection.operations.find((o) => o.operationId === 'list_users')!;
    expect(users.list?.pagination).toMatchObject({
      convention: 'fastapi-pagination Page',
      style: 'page-number',
      firstPage: 1,
      parameters: { page: 'page', pageSize: 'size' },
      body: { count: '/total', totalPages: '/pages', current: '/page', pageSize: '/size' },
      defaultPageSize: 50,
      maxPageSize: 100,
    });
    expect(users.list?.items).toBe('/items');
    expect(users.list?.ordering).toEqual({ param: 'order_by', fields: ['name', 'created'], syntax: 'minus' });
    const logs = inspection.operations.find((o) => o.operationId === 'list_logs')!;
    expect(logs.list?.pagination).toBeUndefined();
    expect(logs.unresolved.some((line) => line.startsWith('pagination: it takes skip'))).toBe(true);
    expect(inspection.summary).toEqual({
      operations: 2,
      lists: 2,
      byConvention: { 'fastapi-pagination Page': 1 },
      notUnderstood: 1,
    });
  });

  it('prints the same as text, with what it could not tell', async () => {
    const out = captureIo();
    expect(await runCli(['inspect', fastapiFile], out.io)).toBe(0);
    expect(out.stdout).toContain('pagination: fastapi-pagination Page (page-number, first page 1)');
    expect(out.stdout).toContain('ordering: order_by by name, created, syntax minus');
    expect(out.stdout).toMatch(/could not tell: pagination: it takes skip/);
  });

  it('reads the example spec: authentik page object and its auth', async () => {
    const out = captureIo();
    expect(await runCli(['inspect', identificationSpec, '--json'], out.io)).toBe(0);
    const inspection = JSON.parse(out.stdout) as ApiInspection;
    const list = inspection.operations.find((o) => o.list !== undefined)!;
    expect(list.list?.pagination?.convention).toBe('authentik page object');
    expect(list.auth.length).toBeGreaterThan(0);
  });

  it('refuses a missing spec and an unknown flag with one line and exit 2', async () => {
    const none = captureIo();
    expect(await runCli(['inspect'], none.io)).toBe(2);
    expect(none.stderr).toMatch(/^assay: usage: assay inspect: missing <spec>/);
    const flag = captureIo();
    expect(await runCli(['inspect', fastapiFile, '--jsn'], flag.io)).toBe(2);
    expect(flag.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
