import { formatDuration } from './_internals/format-duration.js';
import { plural } from './_internals/plural.js';
import { createRedactor } from './create-redactor.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { FailureReport, RunReport } from './run-report.js';

/** Options of {@link githubReport}. */
export interface GithubOptions extends ReporterOptions {
  /** The spec file as the repository names it (relative to `GITHUB_WORKSPACE`), for annotations. */
  specFile?: string;
}

/** What GitHub Actions reads: Markdown for `$GITHUB_STEP_SUMMARY`, workflow commands for stdout. */
export interface GithubOutput {
  summary: string;
  /** One `::error` (or `::warning`) line per finding, each ending in `\n`. */
  annotations: string;
}

/** Workflow-command data: `%`, CR and LF are the escapes GitHub decodes. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values also escape `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Markdown table cells and inline code: no pipe, no backtick, no line break. */
function cell(text: string): string {
  return text.replace(/[|`]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** A fenced block whose fence is longer than any backtick run inside it. */
function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/**
 * The GitHub Actions report: a Markdown step summary (the final line's counts, the per-check table,
 * each failure with its reproduction, the operations not tested) and one `::error` annotation per
 * finding (`::warning` for warnings), pointing at the spec file and the line of the operation, so the
 * pull request shows it beside the contract it breaks. Credentials are redacted.
 */
export function githubReport(report: RunReport, options: GithubOptions = {}): GithubOutput {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const lines = new Map(safe.operations.map((o) => [o.operationId, o.line]));
  const { summary } = safe;
  const annotations = safe.failures.map((failure) => {
    const line = lines.get(failure.operationId);
    const props = [
      ...(options.specFile === undefined ? [] : [`file=${escapeProperty(options.specFile)}`]),
      ...(options.specFile !== undefined && line !== undefined ? [`line=${line}`] : []),
      `title=${escapeProperty(`assay: ${failure.check}`)}`,
    ];
    const command = failure.severity === 'warning' ? 'warning' : 'error';
    const message = `${failure.method} ${failure.path} (${failure.operationId}): ${failure.message} (${plural(
      failure.occurrences,
      'occurrence',
    )})\nreproduce: ${failure.reproduce}`;
    return `::${command} ${props.join(',')}::${escapeData(message)}\n`;
  });

  const mark = summary.failed > 0 ? '❌' : summary.notTested > 0 || safe.incomplete === true ? '⚠️' : '✅';
  const stopped =
    safe.incomplete === true ? ` (stopped early: ${safe.incompleteReason ?? 'interrupted'})` : '';
  const md: string[] = [
    `## ${mark} Assay: ${summary.tested} of ${plural(summary.operations, 'operation')} tested, ${summary.notTested} not tested, ${summary.failed} failed${stopped}`,
    '',
    `\`${cell(safe.spec)}\` → \`${cell(safe.target)}\` · seed ${safe.seed} · ${plural(summary.requests, 'request')} · ${plural(summary.failures, 'failure')}${summary.errors ? ` · ${plural(summary.errors, 'error')}` : ''} · ${formatDuration(summary.durationMs)} · assay ${cell(safe.version)}`,
    '',
  ];
  for (const warning of safe.warnings) md.push(`> [!WARNING]\n> ${cell(warning)}`, '');
  if (safe.checks.length > 0) {
    md.push('| check | judged | passed | failed |', '| --- | ---: | ---: | ---: |');
    for (const check of safe.checks) {
      md.push(`| \`${cell(check.check)}\` | ${check.judged} | ${check.passed} | ${check.failed} |`);
    }
    md.push('');
  }
  if (safe.failures.length > 0) {
    md.push('### Failures', '');
    safe.failures.forEach((failure: FailureReport, index) => {
      const shell = [...(failure.serve === undefined ? [] : [`${failure.serve} &`]), failure.reproduce].join(
        '\n',
      );
      md.push(
        `<details><summary>${index + 1}. <code>${html(failure.check)}</code> on <code>${html(
          `${failure.method} ${failure.path}`,
        )}</code>: ${html(failure.message)} (×${failure.occurrences})</summary>`,
        '',
        fenced(shell, 'sh'),
        '',
        `Run again: \`${cell(failure.rerun)}\``,
        '',
        '</details>',
        '',
      );
    });
  }
  const untested = safe.operations.filter((o) => o.state === 'not-tested');
  if (untested.length > 0) {
    md.push('### Not tested', '', '| operation | why |', '| --- | --- |');
    for (const operation of untested) {
      md.push(`| \`${cell(`${operation.method} ${operation.path}`)}\` | ${cell(operation.reason ?? '')} |`);
    }
    md.push('');
  }
  return {
    summary: redactor.text(`${md.join('\n')}\n`),
    annotations: redactor.text(annotations.join('')),
  };
}

function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}
