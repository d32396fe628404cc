import { hostname as osHostname } from 'node:os';
import { escapeXml } from './_internals/escape-xml.js';
import { createRedactor } from './create-redactor.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { CheckOutcome, FailureReport, OperationReport, RunReport } from './run-report.js';

interface Suite {
  operationId: string;
  title: string;
  operation?: OperationReport;
  outcomes: CheckOutcome[];
  findings: FailureReport[];
}

function suitesOf(report: RunReport): Suite[] {
  const suites = new Map<string, Suite>();
  for (const operation of report.operations) {
    suites.set(operation.operationId, {
      operationId: operation.operationId,
      title: `${operation.method} ${operation.path}`,
      operation,
      outcomes: [...operation.outcomes],
      findings: [],
    });
  }
  for (const finding of report.failures) {
    let suite = suites.get(finding.operationId);
    if (suite === undefined) {
      suite = { operationId: finding.operationId, title: finding.operationId, outcomes: [], findings: [] };
      suites.set(finding.operationId, suite);
    }
    // A check that failed ran, even if it has no outcome (transport errors are not checks).
    if (!suite.outcomes.some((o) => o.check === finding.check)) {
      suite.outcomes.push({ check: finding.check, state: 'failed', judged: 0, failed: 0 });
    }
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
    ...(finding.serve === undefined ? [] : [`serve: ${finding.serve}`]),
    `reproduce: ${finding.reproduce}`,
    `rerun: ${finding.rerun}`,
  );
  return lines.join('\n');
}

function testcase(
  suite: Suite,
  outcome: CheckOutcome,
): { xml: string; failed: boolean; errored: boolean; skipped: boolean } {
  const check = outcome.check;
  const findings = suite.findings.filter((finding) => finding.check === check);
  const errors = findings.filter((finding) => finding.kind === 'error');
  // Warnings are allowed by the spec: they are shown, but do not turn the build red.
  const failures = findings.filter((finding) => finding.kind === 'failure' && finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.kind === 'failure' && finding.severity === 'warning');
  const open = `    <testcase name="${escapeXml(check, true)}" classname="${escapeXml(suite.operationId, true)}" time="${seconds(caseTime(suite.operation, outcome))}"`;
  const body: string[] = [];
  const skipped =
    findings.length === 0 && (outcome.state === 'not-applicable' || outcome.state === 'not-tested');
  if (skipped) {
    const why = outcome.state === 'not-applicable' ? 'not applicable' : 'not tested';
    const message = outcome.reason === undefined ? why : `${why}: ${outcome.reason}`;
    body.push(`      <skipped message="${escapeXml(message, true)}"/>`);
  }
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
  return { xml, failed: errors.length === 0 && failures.length > 0, errored: errors.length > 0, skipped };
}

const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

/** The time of the responses a check judged: the operation's mean response time × responses judged. */
function caseTime(operation: OperationReport | undefined, outcome: CheckOutcome): number {
  if (operation === undefined || operation.latency.count === 0) return 0;
  return (
    (operation.latency.sumMs / operation.latency.count) * Math.min(outcome.judged, operation.latency.count)
  );
}

/** `2026-12-04T18:41:08`: the JUnit XSD's timestamp has no zone (the value is UTC). */
function timestampOf(iso: string | undefined): string | undefined {
  if (iso === undefined || Number.isNaN(Date.parse(iso))) return undefined;
  return new Date(iso).toISOString().slice(0, 19);
}

/** Options of {@link junitReport}. */
export interface JunitOptions extends ReporterOptions {
  /** The suites' `hostname`; this machine's by default. */
  hostname?: string;
}

/**
 * The JUnit XML report: one `<testsuite>` per operation and one `<testcase>` per selected check
 * (name = check id, classname = operationId), so CI systems list every operation × check. A
 * contract failure is a `<failure>`, a could-not-test finding an `<error>`, a check that was not
 * applicable or not tested is `<skipped message="…">` saying why (never an empty pass), a warning
 * passes with the details in `<system-out>`. Suites carry `timestamp` and `hostname`, testcases the
 * `time` of the responses they judged. Messages carry the request and the curl reproduction. All
 * text is XML-escaped, and characters XML cannot carry are shown as `\uXXXX`.
 */
export function junitReport(report: RunReport, options: JunitOptions = {}): string {
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
  let skippedCases = 0;
  const timestamp = timestampOf(safe.startedAt);
  const hostname = options.hostname ?? osHostname();
  const suites = suitesOf(safe).map((suite) => {
    const cases = suite.outcomes.map((outcome) => testcase(suite, outcome));
    const suiteFailures = cases.filter((c) => c.failed).length;
    const suiteErrors = cases.filter((c) => c.errored).length;
    const suiteSkipped = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    skippedCases += suiteSkipped;
    const attributes = [
      `name="${escapeXml(suite.title, true)}"`,
      `tests="${cases.length}"`,
      `failures="${suiteFailures}"`,
      `errors="${suiteErrors}"`,
      `skipped="${suiteSkipped}"`,
      `time="${seconds(suite.operation?.latency.sumMs ?? 0)}"`,
      ...(timestamp === undefined ? [] : [`timestamp="${timestamp}"`]),
      `hostname="${escapeXml(hostname, true)}"`,
    ];
    const lines = [`  <testsuite ${attributes.join(' ')}>`];
    lines.push(
      '    <properties>',
      `      <property name="operationId" value="${escapeXml(suite.operationId, true)}"/>`,
      `      <property name="requests" value="${suite.operation?.requests ?? 0}"/>`,
      `      <property name="state" value="${suite.operation?.state ?? 'failed'}"/>`,
      ...(suite.operation?.reason === undefined
        ? []
        : [`      <property name="reason" value="${escapeXml(suite.operation.reason, true)}"/>`]),
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
    `skipped="${skippedCases}"`,
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
