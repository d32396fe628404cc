import type { HttpMethod } from '@assay/model';
import fc from 'fast-check';
import { latencyHistogram, recordLatency } from '../latency-histogram.js';
import type { FailureReport, OperationReport, RunReport } from '../run-report.js';

export const TOKEN = 'tok_9f8e7d6c5b4a';

/** A small, realistic report: one schema failure (shrunk, seen 3 times) and one timeout. */
export function sampleReport(): RunReport {
  const latency = latencyHistogram();
  for (const ms of [3, 4, 8, 12, 40, 41, 180, 950]) recordLatency(latency, ms);
  const list: OperationReport = {
    operationId: 'stages_identification_list',
    method: 'GET',
    path: '/stages/identification/',
    requests: 120,
    state: 'failed',
    failures: 1,
    errors: 1,
    checks: ['not-a-server-error', 'response-schema-conformance', 'pagination-page-size'],
    outcomes: [
      { check: 'not-a-server-error', state: 'passed', judged: 8, failed: 0 },
      { check: 'response-schema-conformance', state: 'failed', judged: 8, failed: 3 },
      { check: 'pagination-page-size', state: 'passed', judged: 8, failed: 0 },
    ],
    line: 12,
    latency,
  };
  const retrieve: OperationReport = {
    operationId: 'stages_identification_retrieve',
    method: 'GET',
    path: '/stages/identification/{stage_uuid}/',
    requests: 80,
    state: 'passed',
    failures: 0,
    checks: ['not-a-server-error', 'response-schema-conformance'],
    outcomes: [
      { check: 'not-a-server-error', state: 'passed', judged: 80, failed: 0 },
      { check: 'response-schema-conformance', state: 'passed', judged: 80, failed: 0 },
      {
        check: 'pagination-page-size',
        state: 'not-applicable',
        judged: 0,
        failed: 0,
        reason: 'the operation is not a list',
      },
    ],
    latency: latencyHistogram(),
  };
  const create: OperationReport = {
    operationId: 'stages_identification_create',
    method: 'POST',
    path: '/stages/identification/',
    requests: 0,
    state: 'not-tested',
    reason: 'POST is not sent without --unsafe',
    failures: 0,
    checks: [],
    outcomes: ['not-a-server-error', 'response-schema-conformance', 'pagination-page-size'].map((check) => ({
      check,
      state: 'not-tested' as const,
      judged: 0,
      failed: 0,
      reason: 'POST is not sent without --unsafe',
    })),
    latency: latencyHistogram(),
  };
  const schemaFailure: FailureReport = {
    operationId: 'stages_identification_list',
    method: 'GET',
    path: '/stages/identification/',
    check: 'response-schema-conformance',
    kind: 'failure',
    message: '/results/0/pk: must be string',
    severity: 'error',
    request: {
      method: 'GET',
      url: 'http://127.0.0.1:8080/api/v3/stages/identification/?page=2&page_size=1',
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
      body: null,
    },
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"pagination":{"count":3},"results":[{"pk":7,"name":"x"}]}',
    },
    reproduce: '',
    rerun:
      "assay run 'spec/identification.yaml' --base-url 'http://127.0.0.1:8080/api/v3' --operation 'stages_identification_list' --seed 42",
    seed: 42,
    phaseSeed: 1234,
    counterexamplePath: '3:1:0',
    mode: 'positive',
    fingerprint: 'response-schema-conformance|/results/items/pk|type',
    occurrences: 3,
  };
  const timeout: FailureReport = {
    operationId: 'stages_identification_list',
    method: 'GET',
    path: '/stages/identification/',
    check: 'response-timeout',
    kind: 'error',
    message: 'no response within 5000 ms',
    severity: 'error',
    request: {
      method: 'GET',
      url: 'http://127.0.0.1:8080/api/v3/stages/identification/?search=a',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: null,
    },
    response: null,
    reproduce: '',
    rerun:
      "assay run 'spec/identification.yaml' --base-url 'http://127.0.0.1:8080/api/v3' --operation 'stages_identification_list' --seed 42",
    seed: 42,
    phaseSeed: 1234,
    counterexamplePath: '',
    mode: 'example',
    fingerprint: 'TIMEOUT',
    occurrences: 1,
  };
  return {
    tool: 'assay',
    version: '0.1.0',
    seed: 42,
    spec: 'spec/identification.yaml',
    target: 'http://127.0.0.1:8080/api/v3',
    startedAt: '2026-12-04T18:00:00.000Z',
    summary: {
      operations: 3,
      tested: 2,
      notTested: 1,
      failed: 1,
      requests: 200,
      failures: 1,
      errors: 1,
      durationMs: 1234,
    },
    checks: [
      { check: 'not-a-server-error', judged: 88, passed: 88, failed: 0, failedOperations: 0 },
      { check: 'response-schema-conformance', judged: 88, passed: 85, failed: 3, failedOperations: 1 },
      { check: 'pagination-page-size', judged: 8, passed: 8, failed: 0, failedOperations: 0 },
    ],
    operations: [list, retrieve, create],
    failures: [schemaFailure, timeout],
    warnings: [],
  };
}

const METHODS: HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];

/** Reports whose every string comes from `text`: for escaping and redaction properties. */
export function runReportArbitrary(text: fc.Arbitrary<string>): fc.Arbitrary<RunReport> {
  const headers = fc.dictionary(
    fc.oneof(fc.constantFrom('authorization', 'x-api-key', 'cookie', 'accept', 'x-trace'), text),
    text,
    { maxKeys: 3 },
  );
  const operation = fc.record({
    operationId: text,
    method: fc.constantFrom(...METHODS),
    path: text,
    requests: fc.nat(1000),
    state: fc.constantFrom('passed' as const, 'failed' as const, 'not-tested' as const),
    reason: fc.option(text, { nil: undefined }),
    failures: fc.nat(5),
    checks: fc.array(text, { maxLength: 3 }),
    outcomes: fc.array(
      fc.record({
        check: text,
        state: fc.constantFrom(
          'passed' as const,
          'failed' as const,
          'not-applicable' as const,
          'not-tested' as const,
        ),
        judged: fc.nat(100),
        failed: fc.nat(100),
        reason: fc.option(text, { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    latency: fc.array(fc.double({ min: 0, max: 60_000, noNaN: true }), { maxLength: 5 }).map((samples) => {
      const histogram = latencyHistogram();
      for (const ms of samples) recordLatency(histogram, ms);
      return histogram;
    }),
  });
  const failure = fc.record({
    operationId: text,
    method: fc.constantFrom(...METHODS),
    path: text,
    check: text,
    kind: fc.constantFrom('failure' as const, 'error' as const),
    message: text,
    severity: fc.constantFrom('error' as const, 'warning' as const),
    request: fc.record({
      method: fc.constantFrom(...METHODS),
      url: text.map((t) => `http://127.0.0.1:1/${t}`),
      headers,
      body: fc.option(text, { nil: null }),
    }),
    response: fc.option(fc.record({ status: fc.integer({ min: 100, max: 599 }), headers, body: text }), {
      nil: null,
    }),
    reproduce: text,
    serve: fc.option(text, { nil: undefined }),
    rerun: text,
    seed: fc.nat(),
    phaseSeed: fc.integer(),
    counterexamplePath: text,
    mode: fc.constantFrom('positive', 'negative', 'auth'),
    fingerprint: text,
    occurrences: fc.integer({ min: 1, max: 50 }),
  });
  return fc.record({
    tool: fc.constant('assay' as const),
    version: text,
    seed: fc.nat(),
    spec: text,
    target: text,
    incomplete: fc.option(fc.boolean(), { nil: undefined }),
    configFile: fc.option(text, { nil: undefined }),
    summary: fc.record({
      operations: fc.nat(),
      tested: fc.nat(),
      notTested: fc.nat(),
      failed: fc.nat(),
      requests: fc.nat(),
      failures: fc.nat(),
      durationMs: fc.nat(),
    }),
    checks: fc.array(
      fc.record({
        check: text,
        judged: fc.nat(),
        passed: fc.nat(),
        failed: fc.nat(),
        failedOperations: fc.nat(),
      }),
      { maxLength: 3 },
    ),
    operations: fc.array(operation, { maxLength: 3 }),
    failures: fc.array(failure, { maxLength: 3 }),
    warnings: fc.array(text, { maxLength: 2 }),
  });
}

/** A realistic token (regex metacharacters, quotes, markup, unicode) and a report that embeds it everywhere. */
export function secretInReportArbitrary(): fc.Arbitrary<{ secret: string; report: RunReport }> {
  const token = fc.string({
    unit: fc.constantFrom(...'abcXYZ019-._~+/=$^*()[]{}|\\"\'<>&é🔑'.split('')),
    minLength: 8,
    maxLength: 16,
  });
  return token.chain((secret) => {
    const text = fc.oneof(
      fc.string(),
      fc.constant(secret),
      fc.string().map((s) => `${s}${secret}${s}`),
    );
    return runReportArbitrary(text).map((report) => ({ secret, report }));
  });
}
