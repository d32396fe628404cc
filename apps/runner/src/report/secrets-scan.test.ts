import { describe, expect, it } from 'vitest';
import { sampleReport } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import { formatSummary } from './format-summary.js';
import { htmlReport } from './html-report.js';
import { jsonReport } from './json-report.js';
import { junitReport } from './junit-report.js';
import { progressLine } from './progress-line.js';
import type { RunReport } from './run-report.js';

// Token shapes seen in the wild: a JWT, an opaque key with URL-unsafe characters, a cookie value.
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhc3NheSJ9.c2lnbmF0dXJl';
const HEADERS = [
  { name: 'X-Api-Key', value: 'k3y/with+slash=and"quote' },
  { name: 'X-Tenant', value: 'acme-corp-42' },
];

/** A report where the server reflected every credential back: in headers, bodies, messages and URLs. */
function leakyReport(): RunReport {
  const report = sampleReport();
  const failure = report.failures[0]!;
  const echo = `${BEARER} ${HEADERS.map((h) => h.value).join(' ')}`;
  failure.request = {
    ...failure.request,
    url: `${failure.request.url}&token=${encodeURIComponent(BEARER)}&x=${encodeURIComponent(HEADERS[0]!.value)}`,
    headers: {
      authorization: `Bearer ${BEARER}`,
      'x-api-key': HEADERS[0]!.value,
      'x-tenant': HEADERS[1]!.value,
    },
    body: JSON.stringify({ echo }),
  };
  failure.response = {
    status: 200,
    headers: { 'x-debug': echo, 'set-cookie': `sid=${BEARER}` },
    body: JSON.stringify({ echo }),
  };
  failure.message = `unexpected field containing ${echo}`;
  failure.reproduce = `curl -H 'authorization: Bearer ${BEARER}'`;
  return report;
}

describe('secrets across every output', () => {
  it('no output carries the bearer token or a --header value, in any encoding', () => {
    const redactor = createRedactor({ bearer: BEARER, headers: HEADERS });
    const report = leakyReport();
    const outputs = {
      json: jsonReport(report, { redactor }),
      junit: junitReport(report, { redactor }),
      html: htmlReport(report, { redactor }),
      console: formatSummary(report, { redactor, color: true }),
      curl: curlCommand(report.failures[0]!.request, { redactor }),
      progress: progressLine(
        { operationsDone: 0, operationsTotal: 1, requests: 0, failures: 0, elapsedMs: 0, current: BEARER },
        { tty: true, redactor },
      ),
    };
    const forms = [BEARER, ...HEADERS.map((h) => h.value)].flatMap((s) => [
      s,
      encodeURIComponent(s),
      JSON.stringify(s).slice(1, -1),
    ]);
    for (const [name, text] of Object.entries(outputs)) {
      for (const form of forms) expect(text.includes(form), `${name} contains ${form}`).toBe(false);
      expect(text, name).toContain('[REDACTED]');
    }
  });
});
