import { parseArgs } from 'node:util';
import { AssayError } from '@assay/model';
import type { ReplayOptions } from './run-options.js';

/**
 * Parses `assay replay <report.json> [--failure N] [--base-url url] [--auth-bearer token]`. Every
 * problem is an `AssayError('usage')` naming the flag.
 */
export function parseReplayArgs(argv: readonly string[]): ReplayOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const flag = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1];
    throw new AssayError('usage', `assay replay: ${message} (see assay replay --help)`, {
      ...(flag === undefined ? {} : { flag }),
    });
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new AssayError(
      'usage',
      positionals.length === 0
        ? 'assay replay: missing <report.json> (a JSON report written with --report json=<path>)'
        : `assay replay: expected one <report.json>, got ${positionals.length}`,
    );
  }
  const options: ReplayOptions = { command: 'replay', report: positionals[0]! };
  if (values.failure !== undefined) {
    if (!/^\d+$/.test(values.failure) || Number(values.failure) < 1) {
      throw new AssayError('usage', `--failure: expected a failure number from 1, got "${values.failure}"`, {
        flag: '--failure',
      });
    }
    options.failure = Number(values.failure);
  }
  if (values['base-url'] !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(values['base-url']);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new AssayError('usage', '--base-url: expected an absolute http(s) URL', { flag: '--base-url' });
    }
    url.pathname = url.pathname.replace(/\/+$/, '');
    options.baseUrl = url;
  }
  if (values['auth-bearer'] !== undefined) options.bearer = values['auth-bearer'];
  return options;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      failure: { type: 'string' },
      'base-url': { type: 'string' },
      'auth-bearer': { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
}
