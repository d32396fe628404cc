import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReportArbitrary, sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { htmlReport } from './html-report.js';

const ALLOWED_TAGS = new Set(
  '!doctype html head meta title style body header h1 h2 h3 p section div b table thead tbody tr th td a code pre details summary span'.split(
    ' ',
  ),
);

/** Every tag the browser would see, with its attribute names. */
function tagsOf(html: string): Array<{ name: string; attributes: string[] }> {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  return [...body.matchAll(/<\/?([a-zA-Z!][^\s/>]*)([^>]*)>/g)].map((match) => ({
    name: match[1]!.toLowerCase(),
    attributes: [...match[2]!.matchAll(/([^\s=]+)\s*=/g)].map((a) => a[1]!.toLowerCase()),
  }));
}

function expectInert(html: string): void {
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS, `tag <${tag.name}>`).toContain(tag.name);
    for (const attribute of tag.attributes) expect(attribute).not.toMatch(/^(on|src$|srcset$|formaction$)/);
  }
  expect(html).not.toMatch(/<(script|img|link|iframe|svg)/i);
}

const HOSTILE = `</script><img src=x onerror=alert(1)><script>alert(2)</script>"'><svg onload=alert(3)>&amp;`;

describe('htmlReport', () => {
  it('is one self-contained document: inline CSS, no script, no external asset, a strict CSP', () => {
    const html = htmlReport(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const tag of tagsOf(html)) if (tag.name === 'a') expect(html).not.toMatch(/href="(?!#)/);
    expectInert(html);
  });

  it('shows the summary, a table per operation, each finding with request, response and reproduction', () => {
    const html = htmlReport(sampleReport());
    expect(html).toContain('<b class="failure">1</b>failures');
    expect(html).toContain('<b class="error">1</b>errors');
    expect(html).toContain('<section id="op-0">');
    expect(html).toContain('<section id="op-1">');
    expect(html).toMatch(
      /<td><code>response-schema-conformance<\/code><\/td><td class="failure">failed<\/td>/,
    );
    expect(html).toMatch(/<td><code>response-timeout<\/code><\/td><td class="error">error<\/td>/);
    expect(html).toContain('/results/0/pk: must be string');
    expect(html).toContain('{&quot;pagination&quot;:{&quot;count&quot;:3}');
    expect(html).toContain(
      'curl -i -X GET &#39;http://127.0.0.1:8080/api/v3/stages/identification/?page=2&amp;page_size=1&#39;',
    );
    expect(html).toContain('No response.');
  });

  it('says passed, failed, not applicable and not tested, with why, never passing what was not tested', () => {
    const html = htmlReport(sampleReport());
    const overview = html.slice(html.indexOf('<h2>Operations</h2>'), html.indexOf('<section id="op-0">'));
    expect(overview).toMatch(/stages_identification_retrieve<\/code>.*<td class="pass">passed<\/td>/);
    expect(overview).toMatch(
      /stages_identification_create<\/code>.*<td class="skip">not tested <span class="meta">\(POST is not sent without --unsafe\)<\/span><\/td>/,
    );
    expect(overview).toMatch(/stages_identification_list<\/code>.*<td class="error">error<\/td>/);
    const retrieve = html.slice(html.indexOf('<section id="op-1">'), html.indexOf('<section id="op-2">'));
    expect(retrieve).toContain(
      '<td><code>pagination-page-size</code></td><td class="skip">not applicable <span class="meta">(the operation is not a list)</span></td><td class="n">0</td>',
    );
    expect(retrieve).toContain(
      '<td><code>not-a-server-error</code></td><td class="pass">passed</td><td class="n">80</td>',
    );
    const create = html.slice(html.indexOf('<section id="op-2">'));
    expect(create).not.toContain('class="pass"');
    expect(html).toContain('<b class="skip">1</b>not tested');
  });

  it('draws a latency histogram with one bar per bucket in range', () => {
    const html = htmlReport(sampleReport());
    // Samples 3..950 ms span the buckets ≤5 ms .. ≤1 s: 8 rows; the busiest bucket is the full width.
    const section = html.slice(html.indexOf('<section id="op-0">'), html.indexOf('<section id="op-1">'));
    expect([...section.matchAll(/class="bar/g)]).toHaveLength(8);
    expect(section).toContain('style="width:100%"');
    expect(section).toContain('8 responses');
    expect(html.slice(html.indexOf('<section id="op-1">'))).toContain('No responses received.');
  });

  it('escapes hostile strings everywhere', () => {
    const report = sampleReport();
    const failure = report.failures[0]!;
    failure.message = HOSTILE;
    failure.check = HOSTILE;
    failure.request = { ...failure.request, body: HOSTILE, headers: { [HOSTILE]: HOSTILE } };
    failure.response = { status: 500, headers: { 'x-evil': HOSTILE }, body: HOSTILE };
    report.operations[0]!.path = HOSTILE;
    report.operations[0]!.checks.push(HOSTILE);
    report.spec = HOSTILE;
    report.target = HOSTILE;
    report.version = HOSTILE;
    const html = htmlReport(report);
    expectInert(html);
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('stays inert for arbitrary strings', () => {
    const markup = fc.string({
      unit: fc.constantFrom('<', '>', '/', '"', "'", '&', '=', ' ', 'script', 'img', 'on', 'x', '\u0000'),
    });
    fc.assert(
      fc.property(runReportArbitrary(fc.oneof(markup, fc.string({ unit: 'binary' }))), (report) => {
        expectInert(htmlReport(report));
      }),
      { numRuns: 100 },
    );
  });

  it('marks an interrupted run', () => {
    const report = sampleReport();
    report.incomplete = true;
    report.incompleteReason = 'time budget of 60 s exhausted';
    expect(htmlReport(report)).toContain('This run is incomplete (time budget of 60 s exhausted)');
    expect(htmlReport(sampleReport())).not.toContain('This run is incomplete');
  });

  it('never contains the bearer token', () => {
    expect(htmlReport(sampleReport(), { redactor: createRedactor({ bearer: TOKEN }) })).not.toContain(TOKEN);
    fc.assert(
      fc.property(secretInReportArbitrary(), ({ secret, report }) => {
        expect(htmlReport(report, { redactor: createRedactor({ bearer: secret }) })).not.toContain(secret);
      }),
      { numRuns: 100 },
    );
  });
});
