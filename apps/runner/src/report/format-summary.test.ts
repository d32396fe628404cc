import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { formatSummary } from './format-summary.js';

describe('formatSummary', () => {
  it('groups findings by check then operation, with reproductions, the untested, the check table, the counts', () => {
    const out = formatSummary(sampleReport());
    const rerun =
      "    run again: assay run 'spec/identification.yaml' --base-url 'http://127.0.0.1:8080/api/v3' --operation 'stages_identification_list' --seed 42";
    expect(out).toBe(
      [
        'assay 0.1.0 · seed 42 · spec/identification.yaml → http://127.0.0.1:8080/api/v3',
        '',
        '✗ response-schema-conformance  (1 failure, 3 occurrences)',
        '  GET /stages/identification/  stages_identification_list',
        '    /results/0/pk: must be string  ×3',
        "    curl -i -X GET 'http://127.0.0.1:8080/api/v3/stages/identification/?page=2&page_size=1' -H 'authorization: Bearer [REDACTED]' -H 'accept: application/json'",
        rerun,
        '',
        '! response-timeout  (1 error, 1 occurrence, could not test)',
        '  GET /stages/identification/  stages_identification_list',
        '    no response within 5000 ms',
        "    curl -i -X GET 'http://127.0.0.1:8080/api/v3/stages/identification/?search=a' -H 'authorization: Bearer [REDACTED]'",
        rerun,
        '',
        '○ 1 operation not tested',
        '  POST is not sent without --unsafe (1): POST /stages/identification/',
        '',
        '  check                        judged  passed  failed',
        '  not-a-server-error               88      88       0',
        '  response-schema-conformance      88      85       3',
        '  pagination-page-size              8       8       0',
        '',
        '✗ 2 of 3 operations tested, 1 not tested, 1 failed · 200 requests · 1 failure · 1 error · 1.2 s',
        '',
      ].join('\n'),
    );
  });

  it('shows ✓ only when every operation was tested and passed, and never for a run cut short', () => {
    const report = sampleReport();
    report.failures = [];
    report.operations = report.operations.slice(0, 2);
    report.summary = { ...report.summary, operations: 2, tested: 2, notTested: 0, failed: 0, failures: 0 };
    delete report.summary.errors;
    const clean = formatSummary(report);
    expect(clean).toContain('✓ 2 of 2 operations tested, 0 not tested, 0 failed · 200 requests · 0 failures');
    // The per-check table is printed for a passing run too.
    expect(clean).toContain('  not-a-server-error               88      88       0');

    report.incomplete = true;
    const interrupted = formatSummary(report);
    expect(interrupted).not.toContain('✓');
    expect(interrupted).toContain('○ stopped early (interrupted): 2 of 2 operations tested');
    report.incompleteReason = 'time budget of 60 s exhausted';
    const budget = formatSummary(report);
    expect(budget).not.toContain('✓');
    // Said once, in the final line.
    expect(budget.split('time budget of 60 s exhausted')).toHaveLength(2);

    report.incomplete = false;
    report.summary = { ...report.summary, operations: 3, tested: 2, notTested: 1 };
    expect(formatSummary(report)).toContain('○ 2 of 3 operations tested, 1 not tested, 0 failed');
  });

  it('says why a check judged nothing, and leaves the table and untested list out with quiet', () => {
    const report = sampleReport();
    report.checks.push({ check: 'ignored-auth', judged: 0, passed: 0, failed: 0, failedOperations: 0 });
    for (const operation of report.operations) {
      operation.outcomes.push({
        check: 'ignored-auth',
        state: 'not-applicable',
        judged: 0,
        failed: 0,
        reason: 'the operation needs no credentials',
      });
    }
    report.warnings = ['96 of 100 responses were 404 Not Found: the base URL is probably wrong'];
    const out = formatSummary(report);
    expect(out).toMatch(/ {2}ignored-auth +– {2}not applicable \(the operation needs no credentials\)/);
    expect(out).toContain('! warning: 96 of 100 responses were 404 Not Found');
    const quiet = formatSummary(report, { quiet: true });
    expect(quiet).not.toContain('judged');
    expect(quiet).not.toContain('not tested\n');
    expect(quiet).toContain('! warning: 96 of 100');
  });

  it('starts the mock once per operation for a mock run, then the curls against it', () => {
    const report = sampleReport();
    for (const failure of report.failures)
      failure.serve = "assay mock 'spec/identification.yaml' --seed 42 --port 8080";
    const out = formatSummary(report);
    expect(out).toContain(
      "    assay mock 'spec/identification.yaml' --seed 42 --port 8080 &  # the mock the curls below are sent to\n    /results/0/pk",
    );
    expect(out.split('assay mock ')).toHaveLength(3);
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
