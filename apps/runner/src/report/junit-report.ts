import { escapeXml } from './_internals/escape-xml.js';
import { createRedactor } from './create-redactor.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { FailureReport, OperationReport, RunReport } from './run-report.js';

interface Suite {
  operationId: string;
  title: string;
  operation?: OperationReport;
  checks: string[];
  findings: FailureReport[];
}

function suitesOf(report: RunReport): Suite[] {
  const suites = new Map<string, Suite>();
  for (const operation of report.operations) {
    suites.set(operation.operationId, {
      operationId: operation.operationId,
      title: `${operation.method} ${operation.path}`,
      operation,
      checks: [...new Set(operation.checks)],
      findings: [],
    });
  }
  for (const finding of report.failures) {
    let suite = suites.get(finding.operationId);
    if (suite === undefined) {
      suite = { operationId: finding.operationId, title: finding.operationId, checks: [], findings: [] };
      suites.set(finding.operationId, suite);
    }
    // A check that failed ran, even if the engine did not list it (transport errors are not checks).
    if (!suite.checks.includes(finding.check)) suite.checks.push(finding.check);
    suite.findings.push(finding);
  }
  return [...suites.values()];
}

function describeFinding(finding: FailureReport): string {
  const lines = [
    `${finding.severity}: ${finding.message}`,
    `occurrences: ${finding.occurrences}`,
    `request: ${finding.request.method} ${finding.request.url}`,
  ];
  if (finding.response !== null) {
    lines.push(`response: ${finding.response.status}`);
    if (finding.response.body !== '') lines.push(finding.response.body);
  } else {
    lines.push('response: none');
  }
  lines.push(
    `reproduce: ${finding.reproduce}`,
    `seed: ${finding.seed}${finding.path === '' ? '' : ` path: ${finding.path}`}`,
  );
  return lines.join('\n');
}

function testcase(suite: Suite, check: string): { xml: string; failed: boolean; errored: boolean } {
  const findings = suite.findings.filter((finding) => finding.check === check);
  const errors = findings.filter((finding) => finding.kind === 'error');
  // Warnings are allowed by the spec: they are shown, but do not turn the build red.
  const failures = findings.filter((finding) => finding.kind === 'failure' && finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.kind === 'failure' && finding.severity === 'warning');
  const open = `    <testcase name="${escapeXml(check, true)}" classname="${escapeXml(suite.operationId, true)}"`;
  const body: string[] = [];
  const element = (tag: 'failure' | 'error', group: FailureReport[]): void => {
    const first = group[0];
    if (first === undefined) return;
    const more = group.length > 1 ? ` (and ${group.length - 1} more)` : '';
    body.push(
      `      <${tag} message="${escapeXml(first.message + more, true)}" type="${escapeXml(check, true)}">` +
        `${escapeXml(group.map(describeFinding).join('\n\n'))}</${tag}>`,
    );
  };
  // JUnit allows one failure or error per testcase: all findings of the check go into that one.
  if (errors.length > 0) element('error', [...errors, ...failures]);
  else element('failure', failures);
  if (warnings.length > 0)
    body.push(`      <system-out>${escapeXml(warnings.map(describeFinding).join('\n\n'))}</system-out>`);
  const xml = body.length === 0 ? `${open}/>` : `${open}>\n${body.join('\n')}\n    </testcase>`;
  return { xml, failed: errors.length === 0 && failures.length > 0, errored: errors.length > 0 };
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/**
 * The JUnit XML report: one `<testsuite>` per operation and one `<testcase>` per check that ran on
 * it (name = check id, classname = operationId), so CI systems list every operation × check. A
 * contract failure is a `<failure>`, a could-not-test finding an `<error>`, a warning passes with the
 * details in `<system-out>`. Messages carry the request and the curl reproduction. All text is
 * XML-escaped, and characters XML cannot carry are shown as `\uXXXX`.
 */
export function junitReport(report: RunReport, options: ReporterOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  // The XSD most CI parsers follow puts properties on <testsuite> only, so run facts repeat per suite.
  const runProperties = [
    ['tool', `assay ${safe.version}`],
    ['seed', String(safe.seed)],
    ['spec', safe.spec],
    ['target', safe.target],
    ...(safe.incomplete === true ? [['incomplete', 'true']] : []),
    ...(safe.incomplete === true && safe.incompleteReason !== undefined
      ? [['incompleteReason', safe.incompleteReason]]
      : []),
  ].map(([name, value]) => `      <property name="${name}" value="${escapeXml(value ?? '', true)}"/>`);
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = suitesOf(safe).map((suite) => {
    const cases = suite.checks.map((check) => testcase(suite, check));
    const suiteFailures = cases.filter((c) => c.failed).length;
    const suiteErrors = cases.filter((c) => c.errored).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    const attributes = [
      `name="${escapeXml(suite.title, true)}"`,
      `tests="${cases.length}"`,
      `failures="${suiteFailures}"`,
      `errors="${suiteErrors}"`,
      'skipped="0"',
      `time="${seconds(suite.operation?.latency.sumMs ?? 0)}"`,
    ];
    const lines = [`  <testsuite ${attributes.join(' ')}>`];
    lines.push(
      '    <properties>',
      `      <property name="operationId" value="${escapeXml(suite.operationId, true)}"/>`,
      `      <property name="requests" value="${suite.operation?.requests ?? 0}"/>`,
      ...runProperties,
      '    </properties>',
    );
    lines.push(...cases.map((c) => c.xml), '  </testsuite>');
    return lines.join('\n');
  });
  const rootAttributes = [
    'name="assay"',
    `tests="${tests}"`,
    `failures="${failures}"`,
    `errors="${errors}"`,
    `time="${seconds(safe.summary.durationMs)}"`,
  ];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${rootAttributes.join(' ')}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
  return redactor.text(xml);
}
