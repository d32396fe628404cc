import { escapeHtml } from './_internals/escape-html.js';
import { formatDuration } from './_internals/format-duration.js';
import { plural } from './_internals/plural.js';
import { createRedactor } from './create-redactor.js';
import {
  LATENCY_BOUNDS_MS,
  type LatencyHistogram,
  latencyHistogram,
  latencyQuantile,
} from './latency-histogram.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { CheckState, FailureReport, OperationReport, OperationState, RunReport } from './run-report.js';

const h = escapeHtml;

// No script, no external asset: the policy makes the file inert even if an escape were ever missed.
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE = `
:root{--fail:#b42318;--err:#b54708;--warn:#8a6d00;--ok:#067647;--muted:#667085;--line:#e4e7ec}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#101828}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px}h3{font-size:15px;margin:16px 0 6px}
.meta{color:var(--muted);margin:0 0 16px;word-break:break-all}
.banner{background:#fffaeb;border:1px solid #fedf89;padding:8px 12px;border-radius:6px;margin:12px 0}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font-weight:600;color:#344054;background:#f9fafb}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:var(--ok)}.skip{color:var(--muted);font-style:italic}.failure{color:var(--fail);font-weight:600}.error{color:var(--err);font-weight:600}.warning{color:var(--warn)}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:#f9fafb;border:1px solid var(--line);border-radius:6px;padding:8px;white-space:pre-wrap;word-break:break-all;max-height:400px;overflow:auto}
details{border:1px solid var(--line);border-radius:8px;padding:6px 12px;margin:8px 0}
summary{cursor:pointer}
.hist td{border:0;padding:1px 8px}
.hist .label{width:90px;color:var(--muted);text-align:right}
.hist .track{width:100%}
.bar{background:#84adff;height:12px;border-radius:2px;min-width:1px}
.bar.zero{background:none}
`;

function bucketLabel(index: number): string {
  const bound = LATENCY_BOUNDS_MS[index];
  if (bound === undefined) return `> ${formatDuration(LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1] ?? 0)}`;
  return `≤ ${formatDuration(bound)}`;
}

/** CSS bars, one row per bucket from the first to the last non-empty one. */
function histogram(latency: LatencyHistogram): string {
  if (latency.count === 0) return '<p class="meta">No responses received.</p>';
  const first = latency.counts.findIndex((n) => n > 0);
  const last = latency.counts.length - 1 - [...latency.counts].reverse().findIndex((n) => n > 0);
  const peak = Math.max(...latency.counts);
  const rows: string[] = [];
  for (let i = first; i <= last; i++) {
    const n = latency.counts[i] ?? 0;
    const width = peak === 0 ? 0 : Math.round((n / peak) * 1000) / 10;
    rows.push(
      `<tr><td class="label">${h(bucketLabel(i))}</td><td class="track"><div class="bar${n === 0 ? ' zero' : ''}" style="width:${width}%"></div></td><td class="n">${n}</td></tr>`,
    );
  }
  const stats = `p50 ≤ ${formatDuration(latencyQuantile(latency, 0.5))} · p95 ≤ ${formatDuration(
    latencyQuantile(latency, 0.95),
  )} · max ${formatDuration(latency.maxMs)} · ${latency.count} responses`;
  return `<table class="hist" aria-label="latency histogram">${rows.join('')}</table><p class="meta">${h(stats)}</p>`;
}

function mergedLatency(operations: readonly OperationReport[]): LatencyHistogram {
  const total = latencyHistogram();
  for (const { latency } of operations) {
    if (latency.count === 0) continue;
    latency.counts.forEach((n, i) => {
      total.counts[i] = (total.counts[i] ?? 0) + n;
    });
    total.minMs = total.count === 0 ? latency.minMs : Math.min(total.minMs, latency.minMs);
    total.maxMs = Math.max(total.maxMs, latency.maxMs);
    total.count += latency.count;
    total.sumMs += latency.sumMs;
  }
  return total;
}

function headersText(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function statusOf(findings: readonly FailureReport[]): { css: string; label: string } {
  if (findings.some((f) => f.kind === 'error')) return { css: 'error', label: 'error' };
  if (findings.some((f) => f.severity === 'error')) return { css: 'failure', label: 'failed' };
  if (findings.length > 0) return { css: 'warning', label: 'warning' };
  return { css: 'pass', label: 'passed' };
}

const STATE_CSS: Record<OperationState | CheckState, string> = {
  passed: 'pass',
  failed: 'failure',
  'not-applicable': 'skip',
  'not-tested': 'skip',
};

/** `passed`, `failed`, `not applicable: the operation is not a list`, `not tested: GET … --unsafe`. */
function stateCell(state: OperationState | CheckState, reason: string | undefined, errored = false): string {
  const error = errored && state === 'failed';
  const label = error ? 'error' : state.replace('-', ' ');
  const css = error ? 'error' : STATE_CSS[state];
  const why = state === 'not-applicable' || state === 'not-tested' ? reason : undefined;
  return `<td class="${css}">${h(label)}${why === undefined ? '' : ` <span class="meta">(${h(why)})</span>`}</td>`;
}

function findingDetails(finding: FailureReport): string {
  const status = statusOf([finding]);
  const request = `${finding.request.method} ${finding.request.url}\n${headersText(finding.request.headers)}${
    finding.request.body === null ? '' : `\n\n${finding.request.body}`
  }`;
  const response =
    finding.response === null
      ? '<p class="meta">No response.</p>'
      : `<pre>${h(`${finding.response.status}\n${headersText(finding.response.headers)}\n\n${finding.response.body}`)}</pre>`;
  return [
    `<details open><summary><span class="${status.css}">${h(status.label)}</span> <code>${h(finding.check)}</code>: ${h(
      finding.message,
    )} <span class="meta">× ${finding.occurrences}</span></summary>`,
    '<h3>Request</h3>',
    `<pre>${h(request)}</pre>`,
    '<h3>Response</h3>',
    response,
    '<h3>Reproduce</h3>',
    `<pre>${h([...(finding.serve === undefined ? [] : [finding.serve]), finding.reproduce].join('\n'))}</pre>`,
    `<p class="meta">run again: <code>${h(finding.rerun)}</code> · severity ${h(finding.severity)}</p>`,
    '</details>',
  ].join('\n');
}

function operationSection(
  operation: OperationReport,
  index: number,
  findings: readonly FailureReport[],
): string {
  const outcomes = [...operation.outcomes];
  for (const finding of findings) {
    if (!outcomes.some((o) => o.check === finding.check)) {
      outcomes.push({ check: finding.check, state: 'failed', judged: 0, failed: 0 });
    }
  }
  const rows = outcomes.map((outcome) => {
    const own = findings.filter((f) => f.check === outcome.check);
    const occurrences = own.reduce((sum, f) => sum + f.occurrences, 0);
    const warned = outcome.state === 'passed' && own.length > 0;
    const state = warned
      ? `<td class="warning">passed, with ${h(plural(own.length, 'warning'))}</td>`
      : stateCell(
          outcome.state,
          outcome.reason,
          own.some((f) => f.kind === 'error'),
        );
    return `<tr><td><code>${h(outcome.check)}</code></td>${state}<td class="n">${outcome.judged}</td><td class="n">${outcome.failed}</td><td class="n">${own.length}</td><td class="n">${occurrences}</td></tr>`;
  });
  return [
    `<section id="op-${index}">`,
    `<h2>${h(operation.method)} ${h(operation.path)} <span class="meta">${h(operation.operationId)}</span></h2>`,
    `<p class="meta">${h(operation.state.replace('-', ' '))}${operation.reason === undefined ? '' : ` (${h(operation.reason)})`} · ${plural(operation.requests, 'request')} · ${plural(operation.failures, 'failure')}${
      operation.errors ? ` · ${plural(operation.errors, 'error')}` : ''
    }</p>`,
    '<table><thead><tr><th>check</th><th>result</th><th class="n">judged</th><th class="n">failed</th><th class="n">findings</th><th class="n">occurrences</th></tr></thead>',
    `<tbody>${rows.join('') || '<tr><td colspan="6" class="meta">No check selected.</td></tr>'}</tbody></table>`,
    '<h3>Latency</h3>',
    histogram(operation.latency),
    ...findings.map(findingDetails),
    '</section>',
  ].join('\n');
}

/**
 * The HTML report: one self-contained file (inline CSS, no script, no external asset, and a
 * Content-Security-Policy that forbids both) with the summary, an overview table, then per operation
 * a table of its checks, a latency histogram in CSS bars, and each finding's request, response and
 * curl reproduction. Every string from the spec, the server or the engine is HTML-escaped.
 */
export function htmlReport(report: RunReport, options: ReporterOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const byOperation = new Map<string, FailureReport[]>();
  for (const finding of safe.failures) {
    const own = byOperation.get(finding.operationId);
    if (own === undefined) byOperation.set(finding.operationId, [finding]);
    else own.push(finding);
  }
  const known = new Set(safe.operations.map((o) => o.operationId));
  const orphans = safe.failures.filter((f) => !known.has(f.operationId));
  const errors = safe.summary.errors ?? 0;
  const card = (label: string, value: string, css = ''): string =>
    `<div class="card"><b${css === '' ? '' : ` class="${css}"`}>${h(value)}</b>${h(label)}</div>`;
  const overview = safe.operations.map((operation, index) => {
    const findings = byOperation.get(operation.operationId) ?? [];
    return `<tr><td><a href="#op-${index}">${h(operation.method)} ${h(operation.path)}</a></td><td><code>${h(
      operation.operationId,
    )}</code></td><td class="n">${operation.requests}</td><td class="n">${operation.failures}</td><td class="n">${
      operation.errors ?? 0
    }</td><td class="n">${operation.latency.count === 0 ? '–' : h(formatDuration(latencyQuantile(operation.latency, 0.95)))}</td>${stateCell(
      operation.state,
      operation.reason,
      findings.some((f) => f.kind === 'error'),
    )}</tr>`;
  });
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Assay report: ${h(safe.spec)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>Assay report</h1>',
    `<p class="meta">spec <code>${h(safe.spec)}</code> · target <code>${h(safe.target)}</code> · seed <code>${
      safe.seed
    }</code> · assay ${h(safe.version)}</p>`,
    safe.incomplete === true
      ? `<p class="banner">This run is incomplete (${h(safe.incompleteReason ?? 'interrupted')}): the report holds what was gathered until then.</p>`
      : '',
    '</header>',
    '<section class="cards">',
    card('operations', String(safe.summary.operations)),
    card('tested', String(safe.summary.tested)),
    card('not tested', String(safe.summary.notTested), safe.summary.notTested > 0 ? 'skip' : ''),
    card('failed', String(safe.summary.failed), safe.summary.failed > 0 ? 'failure' : 'pass'),
    card('requests', String(safe.summary.requests)),
    card('failures', String(safe.summary.failures), safe.summary.failures > 0 ? 'failure' : 'pass'),
    card('errors', String(errors), errors > 0 ? 'error' : ''),
    card('duration', formatDuration(safe.summary.durationMs)),
    '</section>',
    ...safe.warnings.map((warning) => `<p class="banner">${h(warning)}</p>`),
    '<h2>Checks</h2>',
    '<table><thead><tr><th>check</th><th class="n">judged</th><th class="n">passed</th><th class="n">failed</th></tr></thead>',
    `<tbody>${safe.checks
      .map(
        (c) =>
          `<tr><td><code>${h(c.check)}</code></td><td class="n">${c.judged}</td><td class="n">${c.passed}</td><td class="n${c.failed > 0 ? ' failure' : ''}">${c.failed}</td></tr>`,
      )
      .join('')}</tbody></table>`,
    '<h2>Operations</h2>',
    '<table><thead><tr><th>operation</th><th>operationId</th><th class="n">requests</th><th class="n">failures</th><th class="n">errors</th><th class="n">p95</th><th>result</th></tr></thead>',
    `<tbody>${overview.join('\n')}</tbody></table>`,
    '<h2>Latency, all operations</h2>',
    histogram(mergedLatency(safe.operations)),
    ...safe.operations.map((operation, index) =>
      operationSection(operation, index, byOperation.get(operation.operationId) ?? []),
    ),
    orphans.length > 0
      ? `<section><h2>Other findings</h2>\n${orphans.map(findingDetails).join('\n')}</section>`
      : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return redactor.text(html);
}
