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
    failures: 1,
    errors: 1,
    checks: ['not-a-server-error', 'response-schema-conformance', 'pagination-page-size'],
    latency,
  };
  const retrieve: OperationReport = {
    operationId: 'stages_identification_retrieve',
    method: 'GET',
    path: '/stages/identification/{stage_uuid}/',
    requests: 80,
    failures: 0,
    checks: ['not-a-server-error', 'response-schema-conformance'],
    latency: latencyHistogram(),
  };
  const schemaFailure: FailureReport = {
    operationId: 'stages_identification_list',
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
    seed: 42,
    path: '3:1:0',
    occurrences: 3,
  };
  const timeout: FailureReport = {
    operationId: 'stages_identification_list',
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
    seed: 42,
    path: '',
    occurrences: 1,
  };
  return {
    tool: 'assay',
    version: '0.1.0',
    seed: 42,
    spec: 'spec/identification.yaml',
    target: 'http://127.0.0.1:8080/api/v3',
    summary: { operations: 2, requests: 200, failures: 1, errors: 1, durationMs: 1234 },
    operations: [list, retrieve],
    failures: [schemaFailure, timeout],
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
    failures: fc.nat(5),
    checks: fc.array(text, { maxLength: 3 }),
    latency: fc.array(fc.double({ min: 0, max: 60_000, noNaN: true }), { maxLength: 5 }).map((samples) => {
      const histogram = latencyHistogram();
      for (const ms of samples) recordLatency(histogram, ms);
      return histogram;
    }),
  });
  const failure = fc.record({
    operationId: text,
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
    seed: fc.integer(),
    path: text,
    occurrences: fc.integer({ min: 1, max: 50 }),
  });
  return fc.record({
    tool: fc.constant('assay' as const),
    version: text,
    seed: fc.integer(),
    spec: text,
    target: text,
    incomplete: fc.option(fc.boolean(), { nil: undefined }),
    summary: fc.record({
      operations: fc.nat(),
      requests: fc.nat(),
      failures: fc.nat(),
      durationMs: fc.nat(),
    }),
    operations: fc.array(operation, { maxLength: 3 }),
    failures: fc.array(failure, { maxLength: 3 }),
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
