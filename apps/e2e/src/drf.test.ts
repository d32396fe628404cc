import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyFindings } from './_internals/classify-findings.js';
import { generatedDocumentFindings, identificationFindings } from './_internals/drf-expectations.js';
import { type DrfServer, stagesPath, startDrfServer } from './_internals/drf-server.js';
import { runAssay } from './_internals/run-assay.js';

const identificationSpec = resolve(import.meta.dirname, '../../../spec/identification.yaml');
const seed = 20261129;
const maxExamples = 25;

let drf: DrfServer;
beforeAll(async () => {
  drf = await startDrfServer({ token: 'e2e-drf-token', stages: 45 });
});
afterAll(async () => {
  await drf?.close();
});

describe('the DRF app (the server under test)', () => {
  it('pages authentik-style, filters, and wants its bearer token', async () => {
    const get = (query: string, token: string | null = drf.token) =>
      fetch(new URL(`${stagesPath}${query}`, drf.url), {
        headers: token === null ? {} : { authorization: `Bearer ${token}` },
      });
    expect((await get('', null)).status).toBe(403);
    expect((await get('', 'wrong')).status).toBe(403);
    const first = (await (await get('?page_size=10')).json()) as {
      pagination: Record<string, number>;
      results: Array<{ name: string; case_insensitive_matching: boolean }>;
    };
    expect(first.pagination).toEqual({
      next: 2,
      previous: 0,
      count: 45,
      current: 1,
      total_pages: 5,
      start_index: 1,
      end_index: 10,
    });
    expect(first.results).toHaveLength(10);
    const filtered = (await (
      await get('?case_insensitive_matching=false&page_size=100')
    ).json()) as typeof first;
    expect(filtered.results.length).toBeGreaterThan(0);
    expect(filtered.results.every((s) => !s.case_insensitive_matching)).toBe(true);
    expect((await get('?page=6&page_size=10')).status).toBe(404);
  });

  it('ignores ordering=pk (pk is not among its ordering fields) and honours ordering=-name', async () => {
    // The premise of a false positive Assay had: spec/identification.yaml lists no ordering
    // fields, Assay guessed pk, and DRF silently serves its default order (by name) for it.
    const keys = async (query: string, key: 'pk' | 'name') => {
      const response = await fetch(new URL(`${stagesPath}?page_size=100&${query}`, drf.url), {
        headers: { authorization: `Bearer ${drf.token}` },
      });
      const body = (await response.json()) as { results: Array<Record<'pk' | 'name', string>> };
      return body.results.map((stage) => stage[key]);
    };
    const byName = await keys('', 'name');
    expect(await keys('ordering=pk', 'name')).toEqual(byName);
    expect(await keys('ordering=pk', 'pk')).not.toEqual([...(await keys('ordering=pk', 'pk'))].sort());
    expect(await keys('ordering=-name', 'name')).toEqual([...byName].reverse());
  });
});

describe('Assay against the DRF server', () => {
  it("with DRF's own generated document: fails with the real findings and nothing else", async () => {
    const spec = await drf.generateSchema();
    const started = performance.now();
    const { result, exitCode } = await runAssay({
      spec,
      baseUrl: drf.url,
      bearer: drf.token,
      maxExamples,
      seed,
    });
    const verdict = classifyFindings(result.failures, generatedDocumentFindings);
    console.log(
      `DRF, generated document: ${result.requests} requests in ${Math.round(performance.now() - started)} ms, exit ${exitCode}\n${verdict.table}`,
    );
    expect(result.warnings ?? []).toEqual([]);
    expect(result.incomplete).toBe(false);
    // The generated document describes the same page object: the list is detected and walked.
    const checksRun = result.operations[0]?.checks ?? [];
    expect(checksRun).toEqual(
      expect.arrayContaining(['pagination-complete', 'query-filter', 'query-search']),
    );
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.missing).toEqual([]);
    expect(exitCode).toBe(1);
  });

  it('with spec/identification.yaml: fails with the real findings and nothing else', async () => {
    const started = performance.now();
    const { result, exitCode } = await runAssay({
      spec: identificationSpec,
      baseUrl: `${drf.url}/api/v3`,
      bearer: drf.token,
      maxExamples,
      seed,
    });
    const verdict = classifyFindings(result.failures, identificationFindings);
    console.log(
      `DRF, spec/identification.yaml: ${result.requests} requests in ${Math.round(performance.now() - started)} ms, exit ${exitCode}\n${verdict.table}`,
    );
    expect(result.warnings ?? []).toEqual([]);
    expect(result.incomplete).toBe(false);
    // Pagination walks and query probes ran: the list was detected and walked.
    const checksRun = result.operations[0]?.checks ?? [];
    expect(checksRun).toEqual(
      expect.arrayContaining(['pagination-complete', 'query-filter', 'query-search']),
    );
    // Judged a false positive and fixed: the ignored ordering=pk (see above) is no finding.
    const ordering = result.failures.filter(
      (f) => f.violation.check === 'query-ordering' || f.violation.check === 'pagination-walk-order',
    );
    expect(ordering).toEqual([]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.missing).toEqual([]);
    expect(exitCode).toBe(1);
  });
});
