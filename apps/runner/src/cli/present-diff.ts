import type { DiffFinding, DiffResult } from '../diff/diff-result.js';
import type { Redactor } from '../report/create-redactor.js';
import { curlCommand } from '../report/curl-command.js';
import type { CliIo } from './cli-io.js';

const labels: Record<DiffFinding['label'], string> = {
  'a-breaks-spec': 'A breaks the spec',
  'b-breaks-spec': 'B breaks the spec',
  'both-conform': 'both conform, but differ',
  'both-break-spec': 'both break the spec',
};

/** How much of each body the console shows. */
const BODY_PREVIEW = 300;

/**
 * The console output of `assay diff`: one block per distinct difference (what differs, which side
 * breaks the spec, the request, both answers side by side, a curl command for each side) and a
 * final line counting differences, operations and requests.
 */
export function presentDiff(io: CliIo, result: DiffResult, redactor: Redactor): void {
  const { run } = result;
  const out: string[] = [`assay diff · seed ${run.seed} · A ${run.target} · B ${result.against}`];
  for (const finding of result.differences) {
    const request = redactor.request({
      method: finding.request.method,
      url: finding.request.url,
      headers: finding.request.headers,
      body: finding.request.body ?? null,
    });
    const times = finding.occurrences > 1 ? ` ×${finding.occurrences}` : '';
    out.push(
      '',
      `✗ ${finding.method} ${finding.operationPath} (${finding.operationId}) · ${finding.difference.kind} · ${labels[finding.label]}${times}`,
      `    ${redactor.text(finding.difference.message)}`,
      `    request: ${request.method} ${request.url}${request.body === null ? '' : ` body ${clip(request.body)}`}`,
      `    A: ${answer(finding.responseA, redactor)}${failing(finding.violationsA)}`,
      `    B: ${finding.responseB === undefined ? 'no usable answer' : answer(finding.responseB, redactor)}${failing(finding.violationsB)}`,
      `    curl A: ${curlCommand(request, { redactor })}`,
      `    curl B: ${curlCommand({ ...request, url: onB(request.url, run.target, result.against) }, { redactor })}`,
    );
  }
  const operations = new Set(result.differences.map((d) => d.operationId)).size;
  const summary =
    result.differences.length === 0
      ? `✓ no difference · ${run.requests} requests to each side`
      : `✗ ${result.differences.length} difference${result.differences.length === 1 ? '' : 's'} in ${operations} operation${operations === 1 ? '' : 's'} · ${run.requests} requests to each side`;
  const unanswered = result.unansweredByB > 0 ? ` · ${result.unansweredByB} unanswered by B` : '';
  const cut = run.incomplete ? ` · incomplete: ${run.incompleteReason ?? 'stopped early'}` : '';
  out.push('', `${run.incomplete ? summary.replace('✓', '!') : summary}${unanswered}${cut}`);
  io.stdout.write(`${out.join('\n')}\n`);
}

function answer(response: DiffFinding['responseA'], redactor: Redactor): string {
  const type = response.headers['content-type'] ?? 'no content type';
  return `${response.status} ${type} ${clip(redactor.text(response.body))}`;
}

function failing(checks: readonly string[]): string {
  return checks.length === 0 ? '' : ` (fails ${checks.join(', ')})`;
}

function onB(url: string, a: string, b: string): string {
  return url.startsWith(a) ? `${b.replace(/\/$/, '')}${url.slice(a.length)}` : url;
}

function clip(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length <= BODY_PREVIEW ? flat : `${flat.slice(0, BODY_PREVIEW)}…`;
}
