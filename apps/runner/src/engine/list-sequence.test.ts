import type { ApiModel, Operation } from '@assay/model';
import { loadApi } from '@assay/spec';
import type { Dispatcher } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExecuteRunOptions, executeRun } from './execute-run.js';
import { listSequence } from './list-sequence.js';

// A paginated list under a path parameter (Django REST Framework page-number style): its first page
// cannot be built from the spec alone, so the walk starts from a request the server accepted.
const document = {
  openapi: '3.0.3',
  info: { title: 'orgs', version: '1' },
  servers: [{ url: '/api' }],
  paths: {
    '/orgs/{org}/members/': {
      get: {
        operationId: 'members_list',
        parameters: [
          { name: 'org', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]{3,8}$' } },
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'page_size', in: 'query', schema: { type: 'integer' } },
        ],
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['count', 'next', 'previous', 'results'],
                  properties: {
                    count: { type: 'integer' },
                    next: { type: 'string', nullable: true, format: 'uri' },
                    previous: { type: 'string', nullable: true, format: 'uri' },
                    results: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'name'],
                        properties: { id: { type: 'integer' }, name: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': { description: 'bad input' },
          '404': { description: 'no such org or page' },
        },
      },
    },
  },
};

let api: ApiModel;
beforeAll(async () => {
  api = await loadApi(document);
});

const base: ExecuteRunOptions = {
  spec: 'orgs',
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: 20,
  seed: 4,
  excludeChecks: [],
  concurrency: 2,
  timeoutMs: 5000,
  unsafe: false,
  shrink: false,
  maxBodyBytes: 1024 * 1024,
  faults: [],
};

describe('listSequence under a path parameter', () => {
  it('walks the pages from an accepted request and catches a pagination fault', async () => {
    expect(api.operations[0]?.list?.pagination?.style).toBe('page-number');
    const paths: string[] = [];
    const wrap = (dispatcher: Dispatcher) =>
      dispatcher.compose((dispatch) => (options, handler) => {
        paths.push(String(options.path));
        return dispatch(options, handler);
      });
    const clean = await executeRun(api, { ...base, wrapDispatcher: wrap });
    expect(clean.failures.map((f) => `${f.violation.check}: ${f.violation.message}`)).toEqual([]);
    expect(paths.some((path) => /\/api\/orgs\/[a-z]+\/members\/\?page=2/.test(path))).toBe(true);
    const faulty = await executeRun(api, { ...base, faults: ['missing-items-across-pages'] });
    expect(faulty.failures.map((f) => f.violation.check)).toContain('pagination-complete');
  });
});

describe('listSequence probes', () => {
  it('never drops or doubles a required filter', async () => {
    const operation: Operation = {
      id: 'entries',
      method: 'GET',
      path: '/entries',
      pointer: '',
      tags: [],
      deprecated: false,
      parameters: [
        {
          name: 'account',
          in: 'query',
          required: true,
          style: 'form',
          explode: true,
          allowReserved: false,
          schema: { type: 'string' },
          deprecated: false,
          examples: ['acct_1'],
        },
      ],
      responses: {},
      security: [],
      extensions: {},
      list: {
        itemsPath: ['data'],
        itemSchema: { type: 'object' },
        filters: [{ param: 'account', property: 'account', kind: 'equality' }],
      },
    };
    const sent: string[] = [];
    await listSequence(
      operation,
      () => ({ account: ['acct_2'] }),
      async (request) => {
        sent.push(request.query);
        return {
          operation,
          request,
          response: { status: 200, headers: {}, body: '{"data":[]}', truncated: false, durationMs: 1 },
        };
      },
      { basePath: '', isAborted: () => false, isValid: () => true },
    );
    expect(sent).toEqual(['account=acct_1', 'account=acct_2']);
  });
});
