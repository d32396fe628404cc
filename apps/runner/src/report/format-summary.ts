import { escapeTerminal } from './_internals/escape-terminal.js';
import { formatDuration } from './_internals/format-duration.js';
import { type Palette, palette } from './_internals/palette.js';
import { plural } from './_internals/plural.js';
import { createRedactor } from './create-redactor.js';
import { formatHeader } from './format-header.js';
import { formatSequence } from './format-sequence.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { FailureReport, OperationReport, RunReport } from './run-report.js';

/** Options of {@link formatSummary}. */
export interface SummaryOptions extends ReporterOptions {
  /** ANSI colours (see `colorEnabled`); off by default. */
  color?: boolean;
  /** Start with the run header; default true. The CLI prints the header before the run instead. */
  header?: boolean;
  /** Leave out the per-check table and the list of operations not tested (`--quiet`). */
  quiet?: boolean;
}

/** Operations named per reason in the list of those not tested; the rest are counted. */
const NAMED_PER_REASON = 5;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The end-of-run console summary: findings grouped by check, then by operation, each with its
 * message, occurrence count and a reproduction that runs as printed (for a mock run, the `assay
 * mock` command then the curl against it); could-not-test errors after the contract failures; the
 * operations not tested, by reason; the per-check table (responses judged, passed, failed), printed
 * for passing runs too; the warnings; then the final line, which counts operations tested, not
 * tested and failed, and never shows `✓` for a run that was cut short or left operations untested.
 * Server-controlled text is made terminal-safe (no escape sequences, no bidi overrides) and
 * credentials are redacted.
 */
export function formatSummary(report: RunReport, options: SummaryOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const paint = palette(options.color === true);
  const t = escapeTerminal;
  const lines: string[] = [];
  if (options.header !== false) lines.push(formatHeader(safe, { color: options.color === true }).trimEnd());
  lines.push(...findingLines(safe, paint));
  if (options.quiet !== true) {
    lines.push(...notTestedLines(safe.operations, paint));
    lines.push(...checkTable(safe, paint));
  }
  for (const warning of safe.warnings) lines.push('', `${paint.yellow('! warning:')} ${t(warning)}`);
  lines.push('', finalLine(safe, paint));
  return redactor.text(`${lines.join('\n')}\n`);
}

function findingLines(safe: RunReport, paint: Palette): string[] {
  const t = escapeTerminal;
  const lines: string[] = [];
  const dim = paint.dim;
  const operations = new Map(safe.operations.map((o) => [o.operationId, `${o.method} ${o.path}`]));
  const section = (findings: FailureReport[], kind: 'failure' | 'error'): void => {
    const byCheck = groupBy(findings, (f) => f.check);
    for (const check of [...byCheck.keys()].sort()) {
      const group = byCheck.get(check) ?? [];
      const occurrences = group.reduce((sum, f) => sum + f.occurrences, 0);
      const warningsOnly = group.every((f) => f.severity === 'warning');
      const mark = kind === 'error' ? paint.yellow('!') : warningsOnly ? paint.yellow('~') : paint.red('✗');
      const noun = kind === 'error' ? 'error' : warningsOnly ? 'warning' : 'failure';
      const what = kind === 'error' ? ', could not test' : '';
      lines.push(
        '',
        `${mark} ${paint.bold(t(check))}  ${dim(`(${plural(group.length, noun)}, ${plural(occurrences, 'occurrence')}${what})`)}`,
      );
      for (const [operationId, own] of groupBy(group, (f) => f.operationId)) {
        const title = operations.get(operationId);
        lines.push(`  ${title === undefined ? t(operationId) : `${t(title)}  ${dim(t(operationId))}`}`);
        // The same mock serves every reproduction of the run: its command is said once per operation.
        const serve = own[0]?.serve;
        if (serve !== undefined)
          lines.push(`    ${dim(`${t(serve)} &  # the mock the curls below are sent to`)}`);
        for (const finding of own) {
          const severity = finding.severity === 'warning' ? paint.yellow('warning: ') : '';
          lines.push(
            `    ${severity}${t(finding.message)}${finding.occurrences > 1 ? dim(`  ×${finding.occurrences}`) : ''}`,
          );
          if (finding.sequence !== undefined)
            for (const line of formatSequence(finding.sequence, paint)) lines.push(`    ${line}`);
          lines.push(`    ${dim(t(finding.reproduce))}`);
        }
        const rerun = own[0]?.rerun;
        if (rerun !== undefined) lines.push(`    ${dim(`run again: ${t(rerun)}`)}`);
      }
    }
  };
  section(
    safe.failures.filter((f) => f.kind === 'failure'),
    'failure',
  );
  section(
    safe.failures.filter((f) => f.kind === 'error'),
    'error',
  );
  if (safe.uncleaned !== undefined && safe.uncleaned.length > 0) {
    lines.push(
      '',
      `${paint.yellow('!')} ${paint.bold('not cleaned up')}  ${paint.dim(`(${plural(safe.uncleaned.length, 'resource')} the stateful phase created are still on the target)`)}`,
    );
    for (const left of safe.uncleaned) lines.push(`  ${escapeTerminal(left)}`);
  }
  return lines;
}

/** The operations not tested, grouped by reason, a few named per reason. */
function notTestedLines(operations: readonly OperationReport[], paint: Palette): string[] {
  const t = escapeTerminal;
  const untested = operations.filter((o) => o.state === 'not-tested');
  if (untested.length === 0) return [];
  const lines = [
    '',
    `${paint.yellow('○')} ${paint.bold(`${plural(untested.length, 'operation')} not tested`)}`,
  ];
  for (const [reason, group] of groupBy(untested, (o) => o.reason ?? 'nothing was sent')) {
    const named = group.slice(0, NAMED_PER_REASON).map((o) => `${o.method} ${o.path}`);
    const more = group.length > NAMED_PER_REASON ? `, and ${group.length - NAMED_PER_REASON} more` : '';
    lines.push(`  ${t(reason)} (${group.length}): ${t(named.join(', '))}${more}`);
  }
  return lines;
}

/** Responses judged, passed and failed per check; a check that judged nothing says why. */
function checkTable(safe: RunReport, paint: Palette): string[] {
  const t = escapeTerminal;
  if (safe.checks.length === 0) return [];
  const width = Math.max(5, ...safe.checks.map((c) => [...c.check].length));
  const cell = (value: string | number, size = 7): string => String(value).padStart(size);
  const lines = [
    '',
    paint.dim(`  ${'check'.padEnd(width)} ${cell('judged')} ${cell('passed')} ${cell('failed')}`),
  ];
  for (const check of safe.checks) {
    const name = t(check.check).padEnd(width);
    if (check.judged === 0) {
      lines.push(`  ${name} ${paint.dim(cell('–'))}  ${paint.dim(idleReason(safe.operations, check.check))}`);
      continue;
    }
    const failed = check.failed > 0 ? paint.red(cell(check.failed)) : cell(check.failed);
    lines.push(`  ${name} ${cell(check.judged)} ${cell(check.passed)} ${failed}`);
  }
  return lines;
}

/**
 * Why a check judged nothing over the whole run: not applicable to any operation that was tested,
 * or not tested.
 */
function idleReason(operations: readonly OperationReport[], check: string): string {
  const outcomes = operations
    .filter((o) => o.state !== 'not-tested')
    .flatMap((o) => o.outcomes.filter((c) => c.check === check));
  const notApplicable = outcomes.filter((o) => o.state === 'not-applicable');
  if (outcomes.length > 0 && notApplicable.length === outcomes.length) {
    const reasons = [...new Set(notApplicable.map((o) => o.reason ?? ''))].filter((r) => r !== '');
    return `not applicable${reasons.length === 1 ? ` (${reasons[0]})` : ''}`;
  }
  return 'not tested';
}

/**
 * `✓` only for a complete run where every operation was tested and none failed; `✗` when one
 * failed; `○` otherwise (operations not tested, or the run was cut short), saying why.
 */
function finalLine(safe: RunReport, paint: Palette): string {
  const { summary } = safe;
  const counts = [
    `${summary.tested} of ${plural(summary.operations, 'operation')} tested`,
    `${summary.notTested} not tested`,
    `${summary.failed} failed`,
  ].join(', ');
  const totals = [
    counts,
    plural(summary.requests, 'request'),
    plural(summary.failures, 'failure'),
    ...(summary.errors ? [plural(summary.errors, 'error')] : []),
    formatDuration(summary.durationMs),
  ].join(' · ');
  const stopped =
    safe.incomplete === true ? `stopped early (${safe.incompleteReason ?? 'interrupted'}): ` : '';
  if (summary.failed > 0) return paint.red(`✗ ${stopped}${totals}`);
  if (stopped !== '' || summary.notTested > 0) return paint.yellow(`○ ${stopped}${totals}`);
  return paint.green(`✓ ${totals}`);
}
