import { describe, expect, it } from 'vitest';
import type { RunResult } from '../engine/run-result.js';
import { jsonReport } from './json-report.js';
import { latencyHistogram, recordLatency } from './latency-histogram.js';
import { toRunReport } from './to-run-report.js';

function histogramOf(samples: number[]) {
  const histogram = latencyHistogram();
  for (const ms of samples) recordLatency(histogram, ms);
  return histogram;
}

const result = (): RunResult => ({
  tool: 'assay',
  version: '0.1.0',
  seed: 7,
  spec: 'spec/identification.yaml',
  target: 'http://127.0.0.1:9/api/v3',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 900,
  requests: 30,
  checks: ['not-a-server-error', 'response-schema-conformance'],
  incomplete: false,
  secrets: ['s3cr3t-token'],
  operations: [
    {
      operationId: 'list',
      method: 'GET',
      path: '/items/',
      tags: [],
      requests: 30,
      byMode: { positive: 30 },
      failures: 2,
      checks: ['not-a-server-error', 'response-schema-conformance'],
      latency: histogramOf([1, 3, 3, 70]),
      durationMs: 800,
    },
  ],
  failures: [
    {
      operationId: 'list',
      method: 'GET',
      operationPath: '/items/',
      violation: {
        check: 'not-a-server-error',
        severity: 'error',
        message: 'status 500',
        pointer: '',
        keyword: 'status',
        expected: '< 500',
        actual: 500,
        fingerprint: '500',
      },
      mode: 'positive',
      request: {
        method: 'GET',
        url: 'http://127.0.0.1:9/api/v3/items/?q=1',
        headers: { authorization: 'Bearer s3cr3t-token' },
      },
      response: { status: 500, headers: {}, body: 'x'.repeat(5000), truncated: false, durationMs: 3 },
      seed: 99,
      path: '0:1',
      shrunk: true,
      occurrences: 4,
    },
    {
      operationId: 'list',
      method: 'GET',
      operationPath: '/items/',
      violation: {
        check: 'response-timeout',
        severity: 'error',
        message: 'no response within 10 ms',
        pointer: '',
        keyword: 'timeout',
        expected: 10,
        actual: null,
        fingerprint: 'timeout',
      },
      mode: 'example',
      request: { method: 'GET', url: 'http://127.0.0.1:9/api/v3/items/', headers: {} },
      seed: 5,
      shrunk: false,
      occurrences: 1,
    },
  ],
});

describe('toRunReport', () => {
  it('splits failures from errors and derives the counts from the findings', () => {
    const report = toRunReport(result());
    expect(report.summary).toEqual({
      operations: 1,
      tested: 1,
      notTested: 0,
      failed: 1,
      requests: 30,
      failures: 1,
      errors: 1,
      durationMs: 900,
    });
    expect(report.operations[0]).toMatchObject({ failures: 1, errors: 1, requests: 30, state: 'failed' });
    expect(report.failures.map((f) => f.kind)).toEqual(['failure', 'error']);
    expect(report.failures[1]!.response).toBeNull();
    expect(report.failures[1]!.counterexamplePath).toBe('');
    expect(report.failures[0]).toMatchObject({ method: 'GET', path: '/items/', seed: 7, phaseSeed: 99 });
    expect('incomplete' in report).toBe(false);
  });

  it("caps bodies, carries each operation's latency histogram, and builds redacted reproductions", () => {
    const report = toRunReport(result());
    const failure = report.failures[0]!;
    expect(failure.response!.body).toMatch(/… \[truncated: 4096 of 5000 bytes shown\]$/);
    expect(report.operations[0]!.latency.count).toBe(4);
    expect(report.operations[0]!.latency.maxMs).toBe(70);
    expect(failure.reproduce).toBe(
      "curl -i -X GET 'http://127.0.0.1:9/api/v3/items/?q=1' -H 'authorization: Bearer [REDACTED]'",
    );
    expect(jsonReport(report)).not.toContain('s3cr3t-token');
  });

  it('marks an interrupted run', () => {
    expect(toRunReport({ ...result(), incomplete: true }).incomplete).toBe(true);
    expect(
      toRunReport({ ...result(), incomplete: true, incompleteReason: 'interrupted' }).incompleteReason,
    ).toBe('interrupted');
    expect('incompleteReason' in toRunReport({ ...result(), incompleteReason: 'interrupted' })).toBe(false);
  });

  it('gives every operation and check a state, with why, and counts that agree', () => {
    const base = result();
    const list = base.operations[0]!;
    const run: RunResult = {
      ...base,
      checks: [
        'not-a-server-error',
        'response-schema-conformance',
        'pagination-page-size',
        'response-timeout',
      ],
      operations: [
        {
          ...list,
          tallies: {
            'not-a-server-error': { judged: 4, failed: 2 },
            'response-schema-conformance': { judged: 4, failed: 0 },
            'pagination-page-size': { judged: 0, failed: 0 },
          },
        } as typeof list,
        {
          ...list,
          operationId: 'get',
          path: '/items/{id}',
          failures: 0,
          latency: histogramOf([2, 2]),
          tallies: {
            'not-a-server-error': { judged: 2, failed: 0 },
            'response-schema-conformance': { judged: 2, failed: 0 },
            'pagination-page-size': { judged: 0, failed: 0, notApplicable: 'the operation is not a list' },
          },
        } as typeof list,
        {
          ...list,
          operationId: 'create',
          method: 'POST',
          requests: 0,
          failures: 0,
          checks: [],
          latency: latencyHistogram(),
          skipped: 'POST is not sent without --unsafe',
        },
      ],
    };
    const report = toRunReport(run);
    expect(report.operations.map((o) => [o.operationId, o.state, o.reason])).toEqual([
      ['list', 'failed', undefined],
      ['get', 'passed', undefined],
      ['create', 'not-tested', 'POST is not sent without --unsafe'],
    ]);
    const outcomes = (id: string) =>
      report.operations.find((o) => o.operationId === id)!.outcomes.map((c) => [c.check, c.state, c.judged]);
    expect(outcomes('list')).toEqual([
      ['not-a-server-error', 'failed', 4],
      ['response-schema-conformance', 'passed', 4],
      ['pagination-page-size', 'not-tested', 0],
      ['response-timeout', 'failed', 1],
    ]);
    expect(outcomes('get')).toContainEqual(['pagination-page-size', 'not-applicable', 0]);
    expect(outcomes('create').every(([, state]) => state === 'not-tested')).toBe(true);
    expect(report.summary).toMatchObject({ operations: 3, tested: 2, notTested: 1, failed: 1 });
    expect(report.checks.find((c) => c.check === 'not-a-server-error')).toEqual({
      check: 'not-a-server-error',
      judged: 6,
      passed: 4,
      failed: 2,
      failedOperations: 1,
    });
  });

  it('warns when almost every response was a 404, or a 401/403', () => {
    const base = result();
    const with404 = {
      ...base,
      operations: [
        { ...base.operations[0]!, statuses: { '404': 95, '200': 5 } } as (typeof base.operations)[0],
      ],
    };
    expect(toRunReport(with404).warnings).toEqual([
      "95 of 100 responses were 404 Not Found: the base URL is probably wrong (does --base-url include the API's base path, as the spec's servers do?)",
    ]);
    const refused = {
      ...base,
      operations: [
        { ...base.operations[0]!, statuses: { '401': 60, '403': 40 } } as (typeof base.operations)[0],
      ],
    };
    expect(toRunReport(refused).warnings[0]).toContain('401 or 403: the credentials are probably missing');
    const healthy = {
      ...base,
      operations: [
        { ...base.operations[0]!, statuses: { '404': 50, '200': 50 } } as (typeof base.operations)[0],
      ],
    };
    expect(toRunReport(healthy).warnings).toEqual([]);
  });

  it("sends a mock run's reproduction to where `assay mock` listens, with the command to start it", () => {
    const base = result();
    const failure = {
      ...base.failures[0]!,
      request: {
        method: 'GET' as const,
        url: 'http://assay.mock/api/v3/items/',
        headers: { authorization: 'Bearer assay-mock-token' },
      },
    };
    const report = toRunReport(
      { ...base, target: 'mock:/api/v3', failures: [failure], secrets: [] },
      {
        invocation: {
          mock: { faults: ['wrong-content-type'], port: 9911 },
          variables: [{ name: 'ASSAY_BEARER', value: 'assay-mock-token', fallback: 'assay-mock-token' }],
        },
      },
    );
    const finding = report.failures[0]!;
    expect(finding.serve).toBe(
      `assay mock 'spec/identification.yaml' --seed 7 --port 9911 --fault 'wrong-content-type' --token "\${ASSAY_BEARER:-assay-mock-token}"`,
    );
    expect(finding.reproduce).toBe(
      `curl -i -X GET 'http://127.0.0.1:9911/api/v3/items/' -H 'authorization: Bearer '"\${ASSAY_BEARER:-assay-mock-token}"`,
    );
    expect(finding.rerun).toBe(
      "assay run 'spec/identification.yaml' --mock --fault 'wrong-content-type' --operation 'list' --seed 7",
    );
    expect(report.mock).toEqual({ faults: ['wrong-content-type'] });
  });
});
