import { describe, expect, it } from 'vitest';
import { sampleReport, TOKEN } from './_test/sample-report.js';
import { createRedactor } from './create-redactor.js';
import { githubReport } from './github-report.js';

describe('githubReport', () => {
  it('writes one ::error per finding at the spec file and line of its operation', () => {
    const { annotations } = githubReport(sampleReport(), { specFile: 'spec/identification.yaml' });
    const lines = annotations.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^::error file=spec\/identification\.yaml,line=12,title=assay%3A response-schema-conformance::GET \/stages\/identification\/ \(stages_identification_list\): \/results\/0\/pk: must be string \(3 occurrences\)%0Areproduce: curl -i /,
    );
    expect(lines[1]).toMatch(
      /^::error file=spec\/identification\.yaml,line=12,title=assay%3A response-timeout::/,
    );
  });

  it('escapes workflow-command syntax so a message cannot end the command or forge another', () => {
    const report = sampleReport();
    report.failures[0]!.message = 'a\nb\r%0A::warning::forged';
    report.failures[0]!.check = 'x,y:z';
    const { annotations } = githubReport(report, { specFile: 'a,b:c.yaml' });
    const first = annotations.split('\n')[0]!;
    expect(first).toContain('file=a%2Cb%3Ac.yaml');
    expect(first).toContain('title=assay%3A x%2Cy%3Az');
    expect(first).toContain('a%0Ab%0D%250A::warning::forged');
    expect(annotations.split('\n')).toHaveLength(3);
  });

  it('summarises in Markdown: the counts of the final line, the check table, failures, the untested', () => {
    const { summary } = githubReport(sampleReport());
    expect(summary).toContain('## ❌ Assay: 2 of 3 operations tested, 1 not tested, 1 failed');
    expect(summary).toContain('| `response-schema-conformance` | 88 | 85 | 3 |');
    expect(summary).toContain(
      '<code>response-schema-conformance</code> on <code>GET /stages/identification/</code>',
    );
    expect(summary).toContain(
      "```sh\ncurl -i -X GET 'http://127.0.0.1:8080/api/v3/stages/identification/?page=2&page_size=1'",
    );
    expect(summary).toContain('| `POST /stages/identification/` | POST is not sent without --unsafe |');
    const clean = sampleReport();
    clean.failures = [];
    clean.operations = clean.operations.slice(1, 2);
    clean.summary = { ...clean.summary, operations: 1, tested: 1, notTested: 0, failed: 0, failures: 0 };
    expect(githubReport(clean).summary).toContain(
      '## ✅ Assay: 1 of 1 operation tested, 0 not tested, 0 failed',
    );
    clean.incomplete = true;
    expect(githubReport(clean).summary).toMatch(/^## ⚠️ .*\(stopped early: interrupted\)/);
  });

  it('never contains the bearer token', () => {
    const output = githubReport(sampleReport(), { redactor: createRedactor({ bearer: TOKEN }) });
    expect(output.summary + output.annotations).not.toContain(TOKEN);
  });
});
