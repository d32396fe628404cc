import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { runReportArbitrary, sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { jsonReport } from './json-report.js';

const keys = (value: unknown): string[] => Object.keys(value as object);

describe('jsonReport', () => {
  it('has exactly the keys of the contract, in contract order', () => {
    const json = JSON.parse(jsonReport(sampleReport()));
    expect(keys(json)).toEqual([
      'tool',
      'version',
      'seed',
      'spec',
      'target',
      'startedAt',
      'summary',
      'checks',
      'operations',
      'failures',
      'warnings',
    ]);
    expect(keys(json.summary)).toEqual([
      'operations',
      'tested',
      'notTested',
      'failed',
      'requests',
      'failures',
      'errors',
      'durationMs',
    ]);
    expect(keys(json.operations[0])).toEqual([
      'operationId',
      'method',
      'path',
      'state',
      'requests',
      'failures',
      'errors',
      'checks',
      'line',
    ]);
    expect(keys(json.failures[0])).toEqual([
      'operationId',
      'method',
      'path',
      'check',
      'kind',
      'message',
      'severity',
      'mode',
      'request',
      'response',
      'reproduce',
      'rerun',
      'seed',
      'phaseSeed',
      'counterexamplePath',
      'fingerprint',
      'occurrences',
    ]);
    expect(keys(json.failures[0].request)).toEqual(['method', 'url', 'headers', 'body']);
    expect(keys(json.failures[0].response)).toEqual(['status', 'headers', 'body']);
  });

  it('matches its published JSON Schema, for the sample and for arbitrary reports', () => {
    const validator = createSchemaValidator({});
    const valid = (text: string): unknown[] =>
      validator.validate(reportSchema as unknown as JsonSchema, JSON.parse(text));
    expect(valid(jsonReport(sampleReport()))).toEqual([]);
    const report = sampleReport();
    report.incomplete = true;
    report.incompleteReason = 'interrupted';
    report.mock = { faults: ['wrong-content-type'], items: 3 };
    report.configFile = 'assay.config.yaml';
    report.failures[0]!.serve = "assay mock 'spec.yaml' --seed 42 --port 8080";
    expect(valid(jsonReport(report))).toEqual([]);
    fc.assert(
      fc.property(runReportArbitrary(fc.string({ maxLength: 8 })), (arbitrary) => {
        for (const failure of arbitrary.failures) failure.response &&= { ...failure.response, status: 200 };
        expect(valid(jsonReport(arbitrary))).toEqual([]);
      }),
      { numRuns: 50 },
    );
    // The schema is strict: a key it does not document is an error, so the two cannot drift apart.
    expect(
      validator.isValid(reportSchema as unknown as JsonSchema, {
        ...JSON.parse(jsonReport(sampleReport())),
        extra: 1,
      }),
    ).toBe(false);
  });

  it('carries the values through: states, counts, method and path, JSON bodies as JSON, working commands', () => {
    const json = JSON.parse(jsonReport(sampleReport()));
    expect(json.tool).toBe('assay');
    expect(json.seed).toBe(42);
    expect(json.summary).toEqual({
      operations: 3,
      tested: 2,
      notTested: 1,
      failed: 1,
      requests: 200,
      failures: 1,
      errors: 1,
      durationMs: 1234,
    });
    expect(json.operations.map((o: { state: string }) => o.state)).toEqual([
      'failed',
      'passed',
      'not-tested',
    ]);
    expect(json.operations[2].reason).toBe('POST is not sent without --unsafe');
    expect(json.operations[1].checks[2]).toEqual({
      check: 'pagination-page-size',
      state: 'not-applicable',
      judged: 0,
      failed: 0,
      reason: 'the operation is not a list',
    });
    expect(json.checks[1]).toEqual({
      check: 'response-schema-conformance',
      judged: 88,
      passed: 85,
      failed: 3,
    });
    expect(json.failures[0]).toMatchObject({
      method: 'GET',
      path: '/stages/identification/',
      check: 'response-schema-conformance',
      severity: 'error',
      occurrences: 3,
      seed: 42,
      counterexamplePath: '3:1:0',
      response: { status: 200, body: { pagination: { count: 3 }, results: [{ pk: 7, name: 'x' }] } },
    });
    expect(json.failures[0].rerun).toContain("--operation 'stages_identification_list' --seed 42");
    expect(json.failures[0].reproduce).toMatch(
      /^curl -i -X GET 'http:\/\/127\.0\.0\.1:8080\/api\/v3\/stages/,
    );
    expect(json.failures[1].check).toBe('response-timeout');
    expect(json.failures[1].kind).toBe('error');
    expect(json.failures[1].response).toBeNull();
  });

  it('keeps a body that is not JSON, or cut, as text', () => {
    const report = sampleReport();
    report.failures[0]!.response!.body = '{"results":[… [truncated: 4096 of 9000 bytes shown]';
    report.failures[0]!.request.body = '{"a":1}';
    const json = JSON.parse(jsonReport(report));
    expect(json.failures[0].response.body).toBe('{"results":[… [truncated: 4096 of 9000 bytes shown]');
    // Without a JSON content type, a body that happens to parse stays text.
    expect(json.failures[0].request.body).toBe('{"a":1}');
  });

  it('marks an interrupted run and leaves out errors when there were none', () => {
    const report = sampleReport();
    report.incomplete = true;
    report.incompleteReason = 'interrupted';
    delete report.summary.errors;
    const json = JSON.parse(jsonReport(report));
    expect(json.incomplete).toBe(true);
    expect(json.incompleteReason).toBe('interrupted');
    expect(keys(json).indexOf('incomplete')).toBe(6);
    expect('errors' in json.summary).toBe(false);
  });

  it('never contains the bearer token, even by default for credential headers', () => {
    expect(jsonReport(sampleReport(), { redactor: createRedactor({ bearer: TOKEN }) })).not.toContain(TOKEN);
    expect(jsonReport(sampleReport())).not.toContain(TOKEN);
  });

  it('keeps arbitrary secrets out of a report built from arbitrary strings, and stays valid JSON', () => {
    fc.assert(
      fc.property(secretInReportArbitrary(), ({ secret, report }) => {
        const out = jsonReport(report, { redactor: createRedactor({ bearer: secret }) });
        expect(out).not.toContain(secret);
        expect(() => JSON.parse(out)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
