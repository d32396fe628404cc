import { createRedactor, curlCommand, type Failure } from '@assay/runner';

/** How much of a response body a failure message shows. */
const BODY_PREVIEW = 1_500;

/** What a failure message needs besides the failure: the run's secrets and how to replay it. */
export interface FailureContext {
  secrets: readonly string[];
  seed: number;
  /** The command that runs the failing test again with the same seed. */
  replay: string;
}

/**
 * The message of a failing test: the check and what it found, the (shrunk) request, the response,
 * the seed, and two reproductions: the vitest command that runs the test again with the same seed,
 * and a curl command for the single request (credentials redacted).
 */
export function formatFailures(failures: readonly Failure[], context: FailureContext): string {
  const redactor = createRedactor({ secrets: context.secrets });
  const blocks = failures.map((failure, index) => {
    const { violation } = failure;
    const lines = [`${index + 1}) ${violation.check}: ${violation.message}`];
    if (violation.pointer !== '') lines.push(`   at ${violation.pointer} (${violation.keyword})`);
    lines.push(`   expected: ${preview(violation.expected)}`, `   actual:   ${preview(violation.actual)}`);
    const request = redactor.request({
      method: failure.request.method,
      url: failure.request.url,
      headers: failure.request.headers,
      body: failure.request.body ?? null,
    });
    lines.push(`   request${failure.shrunk ? ' (shrunk)' : ''}: ${request.method} ${request.url}`);
    if (request.body !== null) lines.push(`     body: ${clip(request.body)}`);
    if (failure.response === undefined) lines.push('   response: none (no usable answer)');
    else {
      const type = failure.response.headers['content-type'] ?? 'no content type';
      lines.push(`   response: ${failure.response.status} ${type}`);
      if (failure.response.body !== '')
        lines.push(`     body: ${clip(redactor.text(failure.response.body))}`);
    }
    if (failure.occurrences > 1) lines.push(`   seen on ${failure.occurrences} requests`);
    lines.push(`   curl: ${curlCommand(request, { redactor })}`);
    return lines.join('\n');
  });
  return [
    `${failures.length} contract failure${failures.length === 1 ? '' : 's'} (seed ${context.seed}):`,
    ...blocks,
    `replay: ${context.replay}`,
  ].join('\n');
}

function preview(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return clip(text, 200);
}

function clip(text: string, max = BODY_PREVIEW): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${flat.length - max} more characters)`;
}
