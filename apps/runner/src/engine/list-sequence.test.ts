import { createChecks, nextPageRequest, pastLastPageRequest, requestKey } from '@assay/checks';
import { createMock } from '@assay/mock';
import { type ApiModel, type Operation, serverBasePath } from '@assay/model';
import { loadApi } from '@assay/spec';
import fc from 'fast-check';
import type { Dispatcher } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { identificationSpec } from '../_test/paths.js';
import { type ExecuteRunOptions, executeRun } from './execute-run.js';
import { listSequence, maxWalkPages } from './list-sequence.js';

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

describe('listSequence walks', () => {
  it('records each walk as it makes it: pages that follow next in order, the past-last probe on the first walk, every exchange once', async () => {
    const identification = await loadApi(identificationSpec);
    const operation = identification.operations.find((o) => o.list?.pagination !== undefined)!;
    const basePath = serverBasePath(identification.servers[0]);
    const { validator } = createChecks(identification);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom([], ['endless-walk'], ['duplicates-across-pages'], ['wrong-next']),
        async (seed, faults) => {
          const mock = createMock(identification, { seed, faults });
          const sequence = await listSequence(
            operation,
            () => ({}),
            async (request) => ({ operation, request, response: mock.handle(request) }),
            {
              basePath,
              isAborted: () => false,
              isValid: (schema, value) => validator.isValid(schema, value),
            },
          );
          const [first, ...rest] = sequence.walks;
          expect(first).toBeDefined();
          // Every exchange belongs to exactly one walk, in the order the walks were made.
          expect(sequence.walks.flatMap((walk) => [...walk.pages, ...walk.pastLast])).toEqual(
            sequence.exchanges,
          );
          for (const walk of sequence.walks) {
            expect(walk.pages.length).toBeGreaterThan(0);
            expect(walk.pages.length).toBeLessThanOrEqual(maxWalkPages);
            walk.pages.slice(1).forEach((page, i) => {
              const next = nextPageRequest(walk.pages[i]!, { basePath });
              expect(next && requestKey(next)).toBe(requestKey(page.request));
            });
          }
          // Only the first walk is probed past its last page, with the request made from that page.
          for (const walk of rest) expect(walk.pastLast).toEqual([]);
          const past = pastLastPageRequest(first!.pages.at(-1)!, { basePath });
          expect(first!.pastLast.map((e) => requestKey(e.request))).toEqual(
            past === undefined ? [] : [requestKey(past)],
          );
        },
      ),
      { numRuns: 12 },
    );
  });
});
