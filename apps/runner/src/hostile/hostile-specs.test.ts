import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { describe, expect, it } from 'vitest';
import { type ExecuteRunOptions, executeRun } from '../engine/execute-run.js';

// Specs written to hurt every stage after loading (generation, the mock, validation, reports). The
// target is the built-in mock, which follows the spec: any failure reported here is a false positive.

const json = (schema: unknown) => ({
  description: 'ok',
  content: { 'application/json': { schema } },
});
const get = (operationId: string, schema: unknown, parameters: unknown[] = []) => ({
  get: {
    operationId,
    parameters,
    responses: {
      '200': json(schema),
      ...(parameters.length > 0 ? { '400': { description: 'bad query' } } : {}),
    },
  },
});

let deep: unknown = { type: 'string' };
for (let i = 0; i < 300; i++) deep = { type: 'object', required: ['a'], properties: { a: deep } };
const catastrophic = { type: 'string', pattern: '^(a+)+$', maxLength: 20 };

const document = {
  openapi: '3.0.3',
  info: { title: 'hostile specs', version: '1' },
  paths: {
    '/circular': get('circular', { $ref: '#/components/schemas/Node' }),
    '/mutual': get('mutual', { $ref: '#/components/schemas/Left' }),
    '/deep': get('deep', deep),
    '/pattern': get('pattern', { type: 'object', properties: { name: catastrophic } }, [
      { name: 'q', in: 'query', schema: catastrophic },
    ]),
    '/fine': get('fine', { type: 'object', properties: { id: { type: 'integer' } } }),
  },
  components: {
    schemas: {
      Node: {
        type: 'object',
        properties: { id: { type: 'integer' }, next: { $ref: '#/components/schemas/Node' } },
      },
      Left: { type: 'object', properties: { right: { $ref: '#/components/schemas/Right' } } },
      Right: { type: 'object', properties: { left: { $ref: '#/components/schemas/Left' } } },
    },
  },
};

/** A run of `api` against the built-in mock, with the options every case here shares. */
function runOnMock(api: ApiModel, overrides: Partial<ExecuteRunOptions>) {
  return executeRun(api, {
    spec: 'hostile',
    mock: true,
    operations: [],
    tags: [],
    headers: [],
    maxExamples: 30,
    seed: 11,
    excludeChecks: [],
    concurrency: 2,
    timeoutMs: 2000,
    timeBudgetS: 60,
    unsafe: false,
    shrink: true,
    maxBodyBytes: 1024 * 1024,
    faults: [],
    ...overrides,
  });
}

describe('a run over a hostile spec', () => {
  it('circular, mutually recursive, 300-deep and catastrophic-pattern schemas: every operation tested, nothing false', async () => {
    const api = await loadApi(document);
    const started = performance.now();
    const result = await runOnMock(api, {});
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.incomplete).toBe(false);
    expect(result.failures).toEqual([]);
    expect(result.warnings ?? []).toEqual([]);
    for (const operation of result.operations) {
      expect(operation.requests, operation.operationId).toBeGreaterThan(30);
      expect(operation.skipped, operation.operationId).toBeUndefined();
    }
  });

  it('an enum of 200,000 values in a parameter and a response: the run ends quickly, nothing false', async () => {
    const huge = { type: 'string', enum: Array.from({ length: 200_000 }, (_, i) => `v${i}`) };
    const api = await loadApi({
      openapi: '3.0.3',
      info: { title: 'enormous enum', version: '1' },
      paths: {
        '/pick': get('pick', { type: 'object', properties: { value: huge } }, [
          { name: 'value', in: 'query', required: true, schema: huge },
        ]),
      },
    });
    const started = performance.now();
    const result = await runOnMock(api, { spec: 'enormous enum', seed: 5 });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.incomplete).toBe(false);
    expect(result.failures).toEqual([]);
    const [pick] = result.operations;
    // Coverage visits a spread of the members, not all 200,000 of them.
    expect(pick!.requests).toBeGreaterThan(30);
    expect(pick!.requests).toBeLessThan(1000);
  }, 60_000);

  it('a spec of 2,000 operations runs through, each operation tested', async () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 2000; i++)
      paths[`/r${i}`] = get(`r${i}`, { type: 'object', properties: { id: { type: 'integer' } } });
    const api = await loadApi({ openapi: '3.0.3', info: { title: 'wide', version: '1' }, paths });
    const result = await runOnMock(api, {
      spec: 'wide',
      maxExamples: 1,
      seed: 3,
      concurrency: 4,
      timeBudgetS: 90,
      shrink: false,
      maxBodyBytes: 64 * 1024,
    });
    expect(result.incomplete).toBe(false);
    expect(result.operations).toHaveLength(2000);
    expect(result.operations.every((op) => op.requests > 0)).toBe(true);
    expect(result.failures).toEqual([]);
  }, 120_000);
});
