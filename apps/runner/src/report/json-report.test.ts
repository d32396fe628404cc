import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
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
      'summary',
      'operations',
      'failures',
    ]);
    expect(keys(json.summary)).toEqual(['operations', 'requests', 'failures', 'errors', 'durationMs']);
    expect(keys(json.operations[0])).toEqual(['operationId', 'method', 'path', 'requests', 'failures']);
    expect(keys(json.failures[0])).toEqual([
      'operationId',
      'check',
      'message',
      'severity',
      'request',
      'response',
      'reproduce',
      'seed',
      'path',
      'occurrences',
    ]);
    expect(keys(json.failures[0].request)).toEqual(['method', 'url', 'headers', 'body']);
    expect(keys(json.failures[0].response)).toEqual(['status', 'headers', 'body']);
  });

  it('carries the values through, with a rebuilt reproduction and no response for a timeout', () => {
    const json = JSON.parse(jsonReport(sampleReport()));
    expect(json.tool).toBe('assay');
    expect(json.seed).toBe(42);
    expect(json.summary).toEqual({ operations: 2, requests: 200, failures: 1, errors: 1, durationMs: 1234 });
    expect(json.failures[0]).toMatchObject({
      check: 'response-schema-conformance',
      severity: 'error',
      occurrences: 3,
      path: '3:1:0',
      response: { status: 200 },
    });
    expect(json.failures[0].reproduce).toMatch(/^curl -X GET 'http:\/\/127\.0\.0\.1:8080\/api\/v3\/stages/);
    expect(json.failures[1].check).toBe('response-timeout');
    expect(json.failures[1].response).toBeNull();
  });

  it('marks an interrupted run and leaves out errors when there were none', () => {
    const report = sampleReport();
    report.incomplete = true;
    report.incompleteReason = 'interrupted';
    delete report.summary.errors;
    const json = JSON.parse(jsonReport(report));
    expect(json.incomplete).toBe(true);
    expect(json.incompleteReason).toBe('interrupted');
    expect(keys(json).indexOf('incomplete')).toBe(5);
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
