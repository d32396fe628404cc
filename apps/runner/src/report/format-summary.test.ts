import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { formatSummary } from './format-summary.js';

describe('formatSummary', () => {
  it('groups findings by check then operation, with each reproduction, failures before errors', () => {
    const out = formatSummary(sampleReport());
    expect(out).toBe(
      [
        'assay 0.1.0 · seed 42 · spec/identification.yaml → http://127.0.0.1:8080/api/v3',
        '',
        '✗ response-schema-conformance  (1 failure, 3 occurrences)',
        '  GET /stages/identification/  stages_identification_list',
        '    /results/0/pk: must be string  ×3',
        "    curl -X GET 'http://127.0.0.1:8080/api/v3/stages/identification/?page=2&page_size=1' -H 'authorization: Bearer [REDACTED]' -H 'accept: application/json'",
        '',
        '! response-timeout  (1 error, 1 occurrence, could not test)',
        '  GET /stages/identification/  stages_identification_list',
        '    no response within 5000 ms',
        "    curl -X GET 'http://127.0.0.1:8080/api/v3/stages/identification/?search=a' -H 'authorization: Bearer [REDACTED]'",
        '',
        '✗ 2 operations · 200 requests · 1 failure · 1 error · 1.2 s',
        '',
      ].join('\n'),
    );
  });

  it('says so when all is well, and when the run was interrupted', () => {
    const report = sampleReport();
    report.failures = [];
    report.summary = { operations: 2, requests: 200, failures: 0, durationMs: 800 };
    expect(formatSummary(report)).toContain('✓ 2 operations · 200 requests · 0 failures · 800 ms');
    report.incomplete = true;
    expect(formatSummary(report)).toContain('Run incomplete (interrupted)');
    report.incompleteReason = 'time budget of 60 s exhausted';
    expect(formatSummary(report)).toContain('Run incomplete (time budget of 60 s exhausted)');
  });

  it('colours only when asked', () => {
    expect(formatSummary(sampleReport(), { color: true })).toContain('\u001b[31m✗\u001b[39m');
    expect(formatSummary(sampleReport(), { color: false })).not.toContain('\u001b');
  });

  it('neutralises escape sequences and bidi overrides a server puts in its messages', () => {
    const report = sampleReport();
    report.failures[0]!.message = 'boom\u001b[2J\u001b]0;pwned\u0007\nnext\u202eevil';
    const out = formatSummary(report, { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('boom\\u001b[2J\\u001b]0;pwned\\u0007\\u000anext\\u202eevil');
  });

  it('never contains the bearer token', () => {
    expect(formatSummary(sampleReport(), { redactor: createRedactor({ bearer: TOKEN }) })).not.toContain(
      TOKEN,
    );
    fc.assert(
      fc.property(secretInReportArbitrary(), ({ secret, report }) => {
        const out = formatSummary(report, { color: true, redactor: createRedactor({ bearer: secret }) });
        expect(out).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
  });
});
