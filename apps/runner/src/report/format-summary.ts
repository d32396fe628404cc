import { escapeTerminal } from './_internals/escape-terminal.js';
import { formatDuration } from './_internals/format-duration.js';
import { plural } from './_internals/plural.js';
import { createRedactor } from './create-redactor.js';
import { formatSequence } from './format-sequence.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { FailureReport, RunReport } from './run-report.js';

/** Options of {@link formatSummary}. */
export interface SummaryOptions extends ReporterOptions {
  /** ANSI colours: on for a TTY that allows them (`NO_COLOR` unset), off for files and pipes. */
  color?: boolean;
}

type Paint = (text: string) => string;

function palette(color: boolean): Record<'red' | 'yellow' | 'green' | 'bold' | 'dim', Paint> {
  const sgr =
    (open: number, close: number): Paint =>
    (text) =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), bold: sgr(1, 22), dim: sgr(2, 22) };
}

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
 * message, occurrence count and curl reproduction; could-not-test errors after the contract
 * failures; then one totals line. Server-controlled text is made terminal-safe (no escape
 * sequences, no bidi overrides) and credentials are redacted.
 */
export function formatSummary(report: RunReport, options: SummaryOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const paint = palette(options.color === true);
  const t = escapeTerminal;
  const operations = new Map(safe.operations.map((o) => [o.operationId, `${o.method} ${o.path}`]));
  const lines: string[] = [
    paint.bold(`assay ${t(safe.version)}`) +
      paint.dim(` · seed ${safe.seed} · ${t(safe.spec)} → ${t(safe.target)}`),
  ];

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
        `${mark} ${paint.bold(t(check))}  ${paint.dim(`(${plural(group.length, noun)}, ${plural(occurrences, 'occurrence')}${what})`)}`,
      );
      const byOperation = groupBy(group, (f) => f.operationId);
      for (const [operationId, own] of byOperation) {
        const title = operations.get(operationId);
        lines.push(`  ${title === undefined ? t(operationId) : `${t(title)}  ${paint.dim(t(operationId))}`}`);
        for (const finding of own) {
          const severity = finding.severity === 'warning' ? paint.yellow('warning: ') : '';
          lines.push(
            `    ${severity}${t(finding.message)}${finding.occurrences > 1 ? paint.dim(`  ×${finding.occurrences}`) : ''}`,
          );
          if (finding.sequence !== undefined)
            for (const line of formatSequence(finding.sequence, paint)) lines.push(`    ${line}`);
          lines.push(`    ${paint.dim(t(finding.reproduce))}`);
        }
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
    for (const left of safe.uncleaned) lines.push(`  ${t(left)}`);
  }

  const { summary } = safe;
  const totals = [
    plural(summary.operations, 'operation'),
    plural(summary.requests, 'request'),
    plural(summary.failures, 'failure'),
    ...(summary.errors ? [plural(summary.errors, 'error')] : []),
    formatDuration(summary.durationMs),
  ].join(' · ');
  const clean = summary.failures === 0 && !summary.errors;
  lines.push('', clean ? paint.green(`✓ ${totals}`) : paint.red(`✗ ${totals}`));
  if (safe.incomplete === true) {
    const why = safe.incompleteReason ?? 'interrupted';
    lines.push(paint.yellow(`Run incomplete (${why}): these results cover what was done until then.`));
  }
  return redactor.text(`${lines.join('\n')}\n`);
}
