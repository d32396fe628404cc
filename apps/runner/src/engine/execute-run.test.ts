import { readFile } from 'node:fs/promises';
import { statefulChecks } from '@assay/checks';
import { createMock, faultCatalogue } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import yaml from 'js-yaml';
import { type Dispatcher, Pool } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookstoreSpec, identificationSpec } from '../_test/paths.js';
import { type ExecuteRunOptions, executeRun, mockToken } from './execute-run.js';

let api: ApiModel;
let books: ApiModel;
beforeAll(async () => {
  api = await loadApi(identificationSpec);
  books = await loadApi(bookstoreSpec);
});

/** The checks of writes: their faults are shown on the bookstore, with --unsafe (the identification spec has no writes). */
const STATEFUL = new Set(statefulChecks.map((check) => check.id));

const base: ExecuteRunOptions = {
  spec: 'spec/identification.yaml',
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: 25,
  seed: 1,
  excludeChecks: [],
  concurrency: 4,
  timeoutMs: 5000,
  unsafe: false,
  shrink: true,
  maxBodyBytes: 10 * 1024 * 1024,
  faults: [],
};

/** Records every request that reaches the target, in order. */
function recorder(log: string[]) {
  return (dispatcher: Dispatcher): Dispatcher =>
    dispatcher.compose((dispatch) => (options, handler) => {
      log.push(`${options.method} ${options.path} ${JSON.stringify(options.headers ?? {})}`);
      return dispatch(options, handler);
    });
}

describe('executeRun against the in-process mock', () => {
  it.each([1, 2, 3, 4, 5])('finds nothing on a correct server (seed %i)', async (seed) => {
    const result = await executeRun(api, { ...base, seed });
    expect(result.failures.map((f) => `${f.violation.check}: ${f.violation.message}`)).toEqual([]);
    expect(result.warnings).toBeUndefined();
    expect(result.requests).toBeGreaterThan(60);
    expect(result.operations[0]?.checks.length).toBeGreaterThan(10);
  });

  // The project's proof that its checks work: every fault of the mock's catalogue, alone, makes the
  // run fail naming the check the fault declares. It iterates the catalogue, so it stays in sync.
  it.each(
    faultCatalogue.flatMap((fault) => [1, 2].map((seed) => [fault.name, fault.catches, seed] as const)),
  )('fault %s is caught by %s (seed %i)', async (name, catches, seed) => {
    const result = STATEFUL.has(catches)
      ? await executeRun(books, { ...base, spec: 'spec/bookstore.yaml', unsafe: true, seed, faults: [name] })
      : await executeRun(api, { ...base, seed, faults: [name] });
    expect(result.failures.map((f) => f.violation.check)).toContain(catches);
  });

  it.each([1, 2, 3, 4, 5])(
    'finds nothing on a correct CRUD server with --unsafe, stateful phase included (seed %i)',
    async (seed) => {
      const result = await executeRun(books, { ...base, spec: 'spec/bookstore.yaml', unsafe: true, seed });
      expect(
        result.failures.map((f) => `${f.violation.check} ${f.operationId}: ${f.violation.message}`),
      ).toEqual([]);
      expect(result.warnings).toBeUndefined();
      expect(result.uncleaned).toBeUndefined();
      const create = result.operations.find((o) => o.operationId === 'createBook');
      expect(create?.checks).toEqual(expect.arrayContaining([...STATEFUL]));
    },
  );

  it('runs no stateful phase without --unsafe', async () => {
    const result = await executeRun(books, {
      ...base,
      spec: 'spec/bookstore.yaml',
      faults: ['delete-keeps-item'],
    });
    expect(result.failures.map((f) => f.violation.check)).not.toContain('use-after-free');
    expect(result.operations.flatMap((o) => o.checks)).not.toContain('use-after-free');
  });

  it('goes on when the spec makes a create impossible to generate, and says so instead of counting its sequence checks', async () => {
    // Two identical oneOf branches: every value matches both, so no create body exists. The run
    // used to end with exit 2 from inside the stateful phase.
    const doc = yaml.load(await readFile(bookstoreSpec, 'utf8')) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const create = doc.paths['/books/']?.post?.requestBody?.content['application/json'];
    if (create === undefined) throw new Error('the bookstore has a create');
    create.schema = {
      oneOf: [{ $ref: '#/components/schemas/BookInput' }, { $ref: '#/components/schemas/BookInput' }],
    };
    const result = await executeRun(await loadApi(doc), {
      ...base,
      spec: 'spec/bookstore.yaml',
      unsafe: true,
    });
    const said = (result.specWarnings ?? []).filter(
      (w) => w.operation === 'createBook' && w.phase === 'stateful',
    );
    expect(said.map((w) => w.code)).toEqual(['unsatisfiable-schema']);
    const checks = result.operations.find((o) => o.operationId === 'createBook')?.checks ?? [];
    expect(checks.filter((id) => STATEFUL.has(id))).toEqual([]);
    expect(result.operations.find((o) => o.operationId === 'listBooks')?.requests).toBeGreaterThan(0);
  });

  it('replays the same requests in the same order for the same seed, whatever the concurrency', async () => {
    const runs: string[][] = [];
    for (const concurrency of [1, 4, 4]) {
      const log: string[] = [];
      await executeRun(api, { ...base, seed: 77, concurrency, wrapDispatcher: recorder(log) });
      runs.push(log);
    }
    expect(runs[0]!.length).toBeGreaterThan(60);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    const other: string[] = [];
    await executeRun(api, { ...base, seed: 78, wrapDispatcher: recorder(other) });
    expect(other).not.toEqual(runs[0]);
  });

  it('gives an operation the same requests whether or not other operations ran (replay with --operation)', async () => {
    const copy = { ...api.operations[0]!, id: 'copy_list', path: '/stages/identification-copy/' };
    const two: ApiModel = { ...api, operations: [api.operations[0]!, copy] };
    const all: string[] = [];
    const alone: string[] = [];
    await executeRun(two, { ...base, wrapDispatcher: recorder(all) });
    await executeRun(two, { ...base, operations: ['copy_list'], wrapDispatcher: recorder(alone) });
    expect(alone.length).toBeGreaterThan(60);
    expect(all.filter((line) => line.includes('identification-copy'))).toEqual(alone);
  });

  it('shrinks a failure to a smaller request that still fails the same check, with its seed and path', async () => {
    const faults = ['server-error-on-input'];
    const shrunk = await executeRun(api, { ...base, faults });
    const raw = await executeRun(api, { ...base, faults, shrink: false });
    const pick = (failures: typeof shrunk.failures) =>
      failures.find(
        (f) => f.violation.check === 'not-a-server-error' && f.violation.fingerprint.endsWith('|500'),
      );
    const small = pick(shrunk.failures)!;
    const large = pick(raw.failures)!;
    expect(small.shrunk).toBe(true);
    expect(large.shrunk).toBe(false);
    // A fast-check path, unless dropping optional parameters made it smaller still (it then no longer
    // comes from the arbitrary, and --operation with --seed is what replays it).
    if (small.path !== undefined) expect(small.path).toMatch(/^\d+(:\d+)*$/);
    expect(small.seed).toEqual(expect.any(Number));
    expect(small.request.url.length).toBeLessThan(large.request.url.length);
    expect(small.occurrences).toBe(large.occurrences);
    // Replayed on its own, the minimal request still hits the same bug: no drift.
    const url = new URL(small.request.url);
    const replay = createMock(api, { seed: base.seed, faults }).handle({
      method: 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      headers: small.request.headers,
      operationId: small.operationId,
      mode: 'positive',
    });
    expect(replay.status).toBe(500);
  });

  it('sends only safe methods without --unsafe and injects the bearer token', async () => {
    const log: string[] = [];
    await executeRun(api, { ...base, maxExamples: 3, wrapDispatcher: recorder(log) });
    expect(log.every((line) => /^(GET|HEAD|OPTIONS) /.test(line))).toBe(true);
    expect(log.some((line) => line.includes(`Bearer ${mockToken}`))).toBe(true);
    expect(log.every((line) => line.includes('/api/v3/stages/identification/'))).toBe(true);
  });

  it('stops at the time budget, marks the result incomplete and lists what was not reached', async () => {
    const copy = { ...api.operations[0]!, id: 'copy_list', path: '/stages/identification-copy/' };
    const two: ApiModel = { ...api, operations: [api.operations[0]!, copy] };
    const result = await executeRun(two, { ...base, maxExamples: 100_000, timeBudgetS: 0.5 });
    expect(result.incomplete).toBe(true);
    expect(result.incompleteReason).toContain('time budget');
    expect(result.durationMs).toBeLessThan(5000);
    expect(result.operations.map((op) => [op.operationId, op.skipped?.split(':')[0]])).toEqual([
      ['stages_identification_list', 'stopped early'],
      ['copy_list', 'not reached'],
    ]);
  });
});

describe('executeRun against the mock over a real 127.0.0.1 port', () => {
  it('finds nothing without faults, and catches a fault', async () => {
    for (const [faults, expected] of [
      [[], []],
      [['wrong-count'], ['pagination-metadata']],
    ] as const) {
      const mock = createMock(api, { seed: 3, token: 'port-token', faults: [...faults] });
      const server = await mock.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = new URL(`${server.url.replace(/\/$/, '')}/api/v3`);
      const pool = new Pool(baseUrl.origin, { connections: 4 });
      try {
        const result = await executeRun(api, {
          ...base,
          mock: false,
          baseUrl,
          dispatcher: pool,
          bearer: 'port-token',
        });
        const checks = [...new Set(result.failures.map((f) => f.violation.check))];
        if (expected.length === 0) expect(checks).toEqual([]);
        else expect(checks).toEqual(expect.arrayContaining([...expected]));
        expect(result.target).toBe(baseUrl.href);
      } finally {
        await pool.close();
        await server.close();
      }
    }
  });
});
