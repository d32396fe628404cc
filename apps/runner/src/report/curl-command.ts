import { shellQuote } from './_internals/shell-quote.js';
import { createRedactor, type Redactor } from './create-redactor.js';
import type { ReportRequest } from './run-report.js';
import { type SecretVariable, variableReference } from './secret-variable.js';

/** Options of {@link curlCommand}. */
export interface CurlOptions {
  /** Removes the run's credentials; without one, only credential-named headers are blanked. */
  redactor?: Redactor;
  /**
   * Credentials to write as shell variables (`"$ASSAY_BEARER"`) wherever their value occurs, so the
   * command runs once the user sets them, and the value itself is never printed.
   */
  variables?: readonly SecretVariable[];
}

// curl computes these itself; replaying a stale value would make the reproduction lie.
const COMPUTED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);

/**
 * A one-line curl command that replays `request`, credentials written as shell variables (see
 * {@link CurlOptions.variables}) or redacted. Every argument is shell-quoted. It prints the status
 * line and headers (`-i`) so the failure shows, adds `--globoff` when the URL holds `[]{}` (curl
 * would expand them) and `--path-as-is` when it holds dot segments (curl would squash them), uses
 * `--head` for HEAD (so curl does not wait for a body), `-H 'name;'` for an empty header (`'name:'`
 * would remove it), and `--data-raw` instead of `--data-binary` for a body starting with `@` (which
 * curl would read as a file name). A NUL byte cannot travel in a shell argument; bodies holding one
 * are replayed up to it.
 */
export function curlCommand(request: ReportRequest, options: CurlOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const variables = [...(options.variables ?? [])]
    .filter((v) => v.value.length > 0)
    .sort((a, b) => b.value.length - a.value.length);
  const word = (text: string): string => shellWord(text, variables, redactor);
  const hasVariable = (text: string): boolean => variables.some((v) => text.includes(v.value));
  const redactedHeaders = redactor.headers(request.headers);
  const url = request.url;
  const args = ['curl'];
  if (/[[\]{}]/.test(url)) args.push('--globoff');
  if (/\/\.\.?(\/|$|\?|#)/.test(url)) args.push('--path-as-is');
  if (request.method === 'HEAD') args.push('--head');
  else args.push('-i', '-X', request.method);
  args.push(hasVariable(url) ? word(url) : shellQuote(redactor.url(url)));
  for (const [name, value] of Object.entries(request.headers)) {
    if (COMPUTED_HEADERS.has(name.toLowerCase())) continue;
    const shown = hasVariable(value) ? value : (redactedHeaders[redactor.text(name)] ?? '');
    args.push('-H', shown === '' ? word(`${name};`) : word(`${name}: ${shown}`));
  }
  const body = request.body;
  if (body !== null && body !== '') {
    args.push(body.startsWith('@') ? '--data-raw' : '--data-binary', word(body));
  }
  return args.join(' ');
}

/**
 * One shell word for `text`: its literal parts single-quoted (redacted), each variable's value
 * replaced with `"$NAME"`, the parts written side by side so the shell joins them into one argument.
 */
function shellWord(text: string, variables: readonly SecretVariable[], redactor: Redactor): string {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    let first: { at: number; variable: SecretVariable } | undefined;
    for (const variable of variables) {
      const at = rest.indexOf(variable.value);
      if (at !== -1 && (first === undefined || at < first.at)) first = { at, variable };
    }
    if (first === undefined) {
      parts.push(shellQuote(redactor.text(rest)));
      break;
    }
    if (first.at > 0) parts.push(shellQuote(redactor.text(rest.slice(0, first.at))));
    parts.push(variableReference(first.variable));
    rest = rest.slice(first.at + first.variable.value.length);
  }
  return parts.length === 0 ? "''" : parts.join('');
}
