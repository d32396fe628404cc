import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRequest } from '@assay/model';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../transport/create-transport.js';
import { createKit } from '../create-kit.js';
import { judgeOutcome } from '../exchange/judge-outcome.js';
import { type ExecuteRunOptions, executeRun } from '../execute-run.js';
import { operationContext } from '../operation-context.js';
import { runContext } from '../run-context.js';
import { dropOptional } from './drop-optional.js';

// A server that fails on one thing only: `kind=b` in the query, or `"kind":"b"` in the body. Every
// optional parameter and property a request carries besides is noise the reproduction must lose.
const document = {
  openapi: '3.0.3',
  info: { title: 'noise', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'list',
        parameters: [
          { name: 'kind', in: 'query', required: true, schema: { type: 'string', enum: ['a', 'b'] } },
          { name: 'q', in: 'query', schema: { type: 'string', minLength: 3 } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
          { name: 'x-trace', in: 'header', schema: { type: 'string', minLength: 3 } },
        ],
        responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
      },
      post: {
        operationId: 'create',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['kind'],
                properties: {
                  kind: { type: 'string', enum: ['a', 'b'] },
                  note: { type: 'string', minLength: 3 },
                  size: { type: 'integer' },
                },
              },
            },
          },
        },
        responses: { '201': { description: 'created' }, '400': { description: 'bad' } },
      },
    },
  },
};

let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const broken = /[?&]kind=b(&|$)/.test(req.url ?? '') || /"kind":"b"/.test(body);
      res.writeHead(broken ? 500 : req.method === 'POST' ? 201 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe('shrinking drops what the failure does not need', () => {
  it('keeps only the parameter and the body property that break the server', async () => {
    const api = await loadApi(structuredClone(document));
    const pool = new Pool(url, { connections: 2 });
    const options: ExecuteRunOptions = {
      spec: 'noise',
      mock: false,
      baseUrl: new URL(url),
      dispatcher: pool,
      operations: [],
      tags: [],
      headers: [],
      maxExamples: 60,
      seed: 3,
      excludeChecks: [],
      checks: ['not-a-server-error'],
      concurrency: 2,
      timeoutMs: 5000,
      unsafe: true,
      shrink: true,
      maxBodyBytes: 1024 * 1024,
      faults: [],
    };
    try {
      const result = await executeRun(api, options);
      const get = result.failures.find((f) => f.operationId === 'list');
      const post = result.failures.find((f) => f.operationId === 'create');
      expect(get?.request.url).toBe(`${url}/items?kind=b`);
      expect(get?.request.headers['x-trace']).toBeUndefined();
      expect(post?.request.body).toBe('{"kind":"b"}');
    } finally {
      await pool.close();
    }
  });

  it('removes, one at a time, each optional parameter and property the same bug does not need', async () => {
    const api = await loadApi(structuredClone(document));
    const operation = api.operations.find((o) => o.id === 'list')!;
    const sent: string[] = [];
    const transport: Transport = {
      sent: 0,
      urlOf: (request) => `http://h/items${request.query === '' ? '' : `?${request.query}`}`,
      async send(request) {
        const url = transport.urlOf(request);
        sent.push(url);
        const status = /[?&]kind=b(&|$)/.test(url) ? 500 : 200;
        return {
          kind: 'response',
          sent: { method: request.method, url, headers: request.headers },
          response: { status, headers: {}, body: '', truncated: false, durationMs: 1 },
          attempts: 1,
        };
      },
    };
    const { kit, selectedChecks } = createKit(api, { checks: ['not-a-server-error'], excludeChecks: [] });
    const run = runContext({
      api,
      operations: [operation],
      transport,
      kit,
      seed: 1,
      maxExamples: 1,
      credentials: { headers: [] },
      shrink: true,
      selectedChecks,
    });
    const op = operationContext(run, operation);
    const request: HttpRequest = {
      method: 'GET',
      path: '/items',
      query: 'q=abcd&kind=b&limit=7',
      headers: { 'x-trace': 'abc' },
      operationId: 'list',
      mode: 'positive',
    };
    const outcome = await transport.send(request);
    const violation = judgeOutcome(op, request, outcome)[0]!;
    const reduced = await dropOptional(op, { request, outcome, violation }, 10);
    expect(reduced?.request.query).toBe('kind=b');
    expect(reduced?.request.headers).toEqual({});
    // One try per optional parameter; the required one is never removed.
    expect(sent.slice(1)).toEqual([
      'http://h/items?kind=b&limit=7',
      'http://h/items?kind=b',
      'http://h/items?kind=b',
    ]);
    // Nothing to drop: no smaller reproduction.
    expect(await dropOptional(op, { request: reduced!.request, outcome, violation }, 10)).toBeUndefined();
  });
});
