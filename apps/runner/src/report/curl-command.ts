import { shellQuote } from './_internals/shell-quote.js';
import { createRedactor, type Redactor } from './create-redactor.js';
import type { ReportRequest } from './run-report.js';

/** Options of {@link curlCommand}. */
export interface CurlOptions {
  /** Removes the run's credentials; without one, only credential-named headers are blanked. */
  redactor?: Redactor;
}

// curl computes these itself; replaying a stale value would make the reproduction lie.
const COMPUTED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * A one-line curl command that replays `request`, credentials redacted. Every argument is
 * shell-quoted. It adds `--globoff` when the URL holds `[]{}` (curl would expand them) and
 * `--path-as-is` when it holds dot segments (curl would squash them), uses `--head` for HEAD (so
 * curl does not wait for a body), `-H 'name;'` for an empty header (`'name:'` would remove it), and
 * `--data-raw` instead of `--data-binary` for a body starting with `@` (which curl would read as a file name).
 * A NUL byte cannot travel in a shell argument; bodies holding one are replayed up to it.
 */
export function curlCommand(request: ReportRequest, options: CurlOptions = {}): string {
  const safe = (options.redactor ?? createRedactor()).request(request);
  const args = ['curl'];
  if (/[[\]{}]/.test(safe.url)) args.push('--globoff');
  if (/\/\.\.?(\/|$|\?|#)/.test(safe.url)) args.push('--path-as-is');
  if (safe.method === 'HEAD') args.push('--head');
  else args.push('-X', safe.method);
  args.push(shellQuote(safe.url));
  for (const [name, value] of Object.entries(safe.headers)) {
    if (COMPUTED_HEADERS.has(name.toLowerCase())) continue;
    args.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  if (safe.body !== null && safe.body !== '') {
    args.push(safe.body.startsWith('@') ? '--data-raw' : '--data-binary', shellQuote(safe.body));
  }
  return args.join(' ');
}
