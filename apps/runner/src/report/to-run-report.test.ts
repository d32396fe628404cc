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
    expect(report.summary).toEqual({ operations: 1, requests: 30, failures: 1, errors: 1, durationMs: 900 });
    expect(report.operations[0]).toMatchObject({ failures: 1, errors: 1, requests: 30 });
    expect(report.failures.map((f) => f.kind)).toEqual(['failure', 'error']);
    expect(report.failures[1]!.response).toBeNull();
    expect(report.failures[1]!.path).toBe('');
    expect('incomplete' in report).toBe(false);
  });

  it("caps bodies, carries each operation's latency histogram, and builds redacted reproductions", () => {
    const report = toRunReport(result());
    const failure = report.failures[0]!;
    expect(failure.response!.body).toMatch(/… \[truncated: 4096 of 5000 bytes shown\]$/);
    expect(report.operations[0]!.latency.count).toBe(4);
    expect(report.operations[0]!.latency.maxMs).toBe(70);
    expect(failure.reproduce).toBe(
      "curl -X GET 'http://127.0.0.1:9/api/v3/items/?q=1' -H 'authorization: Bearer [REDACTED]'",
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
});
