import { createMock } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { identificationSpec } from '../../_test/paths.js';
import { type ExecuteRunOptions, executeRun } from '../execute-run.js';

let api: ApiModel;
beforeAll(async () => {
  api = await loadApi(identificationSpec);
});

const base: ExecuteRunOptions = {
  spec: 'spec/identification.yaml',
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: 5,
  seed: 3,
  excludeChecks: [],
  concurrency: 2,
  timeoutMs: 5000,
  unsafe: false,
  shrink: true,
  maxBodyBytes: 10 * 1024 * 1024,
  faults: [],
};

describe('a walk finding', () => {
  it('names the page request that misbehaved, with its response, and that request alone reproduces it', async () => {
    const faults = ['duplicates-across-pages'];
    const result = await executeRun(api, { ...base, faults });
    const failure = result.failures.find((f) => f.violation.check === 'pagination-no-duplicates');
    expect(failure).toBeDefined();
    const url = new URL(failure!.request.url);
    // Not the first page of the walk: the page on which an item came back a second time.
    expect(Number(url.searchParams.get('page'))).toBeGreaterThan(1);
    const body = JSON.parse(failure!.response!.body) as { results: { pk: string }[] };
    const shown = JSON.stringify(failure!.violation.actual);
    expect(body.results.some((item) => JSON.stringify(item.pk) === shown)).toBe(true);
    // Replayed on its own, the request answers the same page.
    const replay = createMock(api, { seed: base.seed, faults }).handle({
      method: 'GET',
      path: url.pathname.replace(/^\/api\/v3/, ''),
      query: url.search.slice(1),
      headers: failure!.request.headers,
      operationId: failure!.operationId,
      mode: 'pagination',
    });
    expect(replay.status).toBe(failure!.response!.status);
    expect(JSON.parse(replay.body)).toEqual(body);
  });
});
