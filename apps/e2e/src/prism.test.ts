import { resolve } from 'node:path';
import type { Failure } from '@assay/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildServer } from './_internals/child-server.js';
import { classifyFindings } from './_internals/classify-findings.js';
import { identificationFindings } from './_internals/drf-expectations.js';
import { type DrfServer, startDrfServer } from './_internals/drf-server.js';
import { prismMockFindings } from './_internals/prism-expectations.js';
import { startPrism } from './_internals/prism-server.js';
import { runAssay } from './_internals/run-assay.js';

const spec = resolve(import.meta.dirname, '../../../spec/identification.yaml');
const seed = 20261129;
const maxExamples = 25;
// Prism serves the spec's paths at its root (it drops the relative server URL /api/v3).
const prismList = '/stages/identification/';

let drf: DrfServer;
let mock: ChildServer;
let proxy: ChildServer;
const answers = (token: string) => async (url: string) =>
  (await fetch(`${url}${prismList}`, { headers: { authorization: `Bearer ${token}` } })).status === 200;

beforeAll(async () => {
  drf = await startDrfServer({ token: 'e2e-prism-token', stages: 45 });
  mock = await startPrism({ mode: 'mock', spec }, answers('any-token'));
  proxy = await startPrism({ mode: 'proxy', spec, upstream: `${drf.url}/api/v3` }, answers(drf.token));
}, 240_000);
afterAll(async () => {
  await Promise.all([mock?.close(), proxy?.close()]);
  await drf?.close();
});

describe('Assay against Stoplight Prism', () => {
  it('as a dynamic mock: pagination and query-semantics violations (its data are random), no schema violation', async () => {
    const started = performance.now();
    const { result, exitCode } = await runAssay({
      spec,
      baseUrl: mock.url,
      bearer: 'any-token',
      maxExamples,
      seed,
    });
    const verdict = classifyFindings(result.failures, prismMockFindings);
    console.log(
      `Prism mock: ${result.requests} requests in ${Math.round(performance.now() - started)} ms, exit ${exitCode}\n${verdict.table}`,
    );
    const checks = new Set(result.failures.map((f) => f.violation.check));
    expect([...checks].some((c) => c.startsWith('pagination-'))).toBe(true);
    expect([...checks].some((c) => c.startsWith('query-'))).toBe(true);
    expect([...checks].filter((c) => /schema|content-type|headers/.test(c))).toEqual([]);
    expect(result.warnings ?? []).toEqual([]);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.missing).toEqual([]);
    expect(exitCode).toBe(1);
  });

  it('as a validating proxy in front of the DRF server: the same result as without it', async () => {
    const direct = await runAssay({
      spec,
      baseUrl: `${drf.url}/api/v3`,
      bearer: drf.token,
      maxExamples,
      seed,
    });
    const started = performance.now();
    const proxied = await runAssay({ spec, baseUrl: proxy.url, bearer: drf.token, maxExamples, seed });
    const verdict = classifyFindings(proxied.result.failures, identificationFindings);
    console.log(
      `Prism proxy: ${proxied.result.requests} requests in ${Math.round(performance.now() - started)} ms, exit ${proxied.exitCode}\n${verdict.table}`,
    );
    const summary = (failures: readonly Failure[]) =>
      failures.map(
        (f) =>
          `${f.violation.check} ${f.violation.fingerprint} ${f.response?.status ?? '-'} x${f.occurrences}`,
      );
    expect(summary(proxied.result.failures)).toEqual(summary(direct.result.failures));
    expect(proxied.result.requests).toBe(direct.result.requests);
    expect(proxied.exitCode).toBe(direct.exitCode);
    expect(verdict.unexplained).toEqual([]);
    expect(verdict.missing).toEqual([]);
  });
});
