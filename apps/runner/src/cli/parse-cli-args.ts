import { parseArgs } from 'node:util';
import { AssayError } from '@assay/model';
import { authFlagSpec, authSettingsFromFlags } from '../auth/auth-flags.js';
import { parseInspectArgs } from './parse-inspect-args.js';
import { parseReplayArgs } from './parse-replay-args.js';
import type { InspectOptions } from './run-inspect-command.js';
import type { DiffOptions, MockOptions, ReplayOptions, ReportKind, RunOptions } from './run-options.js';

/** Defaults of `assay run`, also shown by `--help`. */
export const runDefaults = {
  maxExamples: 100,
  concurrency: 4,
  timeoutMs: 10_000,
  maxBodyBytes: 10 * 1024 * 1024,
} as const;

/** Defaults of `assay mock`. */
export const mockDefaults = { port: 8080, host: '127.0.0.1' } as const;

const runSpec = {
  'base-url': { type: 'string' },
  mock: { type: 'boolean' },
  operation: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'auth-bearer': { type: 'string' },
  ...authFlagSpec,
  header: { type: 'string', multiple: true },
  'max-examples': { type: 'string' },
  seed: { type: 'string' },
  checks: { type: 'string' },
  'exclude-checks': { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  'time-budget': { type: 'string' },
  unsafe: { type: 'boolean' },
  report: { type: 'string', multiple: true },
  shard: { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'max-failures': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-shrink': { type: 'boolean' },
  'max-body': { type: 'string' },
  fault: { type: 'string', multiple: true },
  items: { type: 'string' },
  config: { type: 'string' },
  target: { type: 'string' },
} as const;

const mockSpec = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  items: { type: 'string' },
  token: { type: 'string' },
  fault: { type: 'string', multiple: true },
} as const;

/** The result of parsing a command line: a command to run, or a request for help. */
export type CliCommand =
  | RunOptions
  | DiffOptions
  | MockOptions
  | ReplayOptions
  | InspectOptions
  | { command: 'help'; topic?: 'run' | 'mock' | 'diff' | 'replay' | 'inspect' };

/**
 * Parses and validates the arguments of `assay` (without `node` and the script). Every problem
 * throws `AssayError('usage')` naming the flag, so the CLI prints one line and exits 2.
 * `randomSeed` picks the seed when `--seed` is absent (injected so tests are deterministic).
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  randomSeed: () => number,
): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { command: 'help' };
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    if (
      command === 'run' ||
      command === 'mock' ||
      command === 'diff' ||
      command === 'replay' ||
      command === 'inspect'
    )
      return { command: 'help', topic: command };
  }
  if (command === 'run') return parseRun(rest, env, randomSeed);
  if (command === 'diff') return parseDiff(rest, env, randomSeed);
  if (command === 'mock') return parseMock(rest, randomSeed);
  if (command === 'replay') return parseReplayArgs(rest);
  if (command === 'inspect') return parseInspectArgs(rest);
  throw new AssayError(
    'usage',
    `unknown command "${command}": expected "run", "diff", "inspect", "mock" or "replay" (see assay --help)`,
  );
}

/**
 * `assay diff`: the options of `run` (A is `--base-url`) plus `--against <url>` (B). The mock is not
 * a side: its data is made up, so two servers are compared, never a server with invented answers.
 */
function parseDiff(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  randomSeed: () => number,
): DiffOptions {
  const rest: string[] = [];
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--against') {
      raw = argv[i + 1];
      if (raw === undefined)
        throw usage('--against', 'expects the base URL of the implementation to compare with');
      i += 1;
    } else if (arg.startsWith('--against=')) raw = arg.slice('--against='.length);
    else rest.push(arg);
  }
  const run = parseRun(rest, env, randomSeed);
  if (run.mock) throw usage('--mock', 'assay diff compares two servers: give --base-url <A> --against <B>');
  if (raw === undefined) throw usage('--against', 'missing: assay diff <spec> --base-url <A> --against <B>');
  let against: URL;
  try {
    against = parseBaseUrl(raw);
  } catch (error) {
    if (error instanceof AssayError) throw usage('--against', error.message.replace(/^--base-url:?\s*/, ''));
    throw error;
  }
  const { command: _run, ...options } = run;
  return { ...options, command: 'diff', against };
}

function parseRun(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  randomSeed: () => number,
): RunOptions {
  const { values, positionals } = strictParse(argv, runSpec);
  // With a config file the spec may come from it; without one, checkRunTarget says it is missing.
  const spec = positionals.length === 0 ? '' : onePositional(positionals, 'run');
  const rawBase = values['base-url'];
  const mock = values.mock === true;
  if (mock && rawBase !== undefined) {
    throw usage('--base-url', 'use either --base-url <url> or --mock, not both');
  }
  const baseUrl = rawBase === undefined ? undefined : parseBaseUrl(rawBase);
  const bearerFlag = values['auth-bearer'];
  const bearer = bearerFlag ?? nonEmpty(env.ASSAY_BEARER);
  if (bearerFlag !== undefined && bearerFlag.trim() === '') {
    throw usage('--auth-bearer', 'the token is empty');
  }
  const options: RunOptions = {
    command: 'run',
    spec,
    mock,
    operations: (values.operation ?? []).map((o) => nonBlank(o, '--operation')),
    tags: (values.tag ?? []).map((t) => nonBlank(t, '--tag')),
    headers: (values.header ?? []).map(parseHeader),
    maxExamples: integer(values['max-examples'], '--max-examples', 0, 1_000_000) ?? runDefaults.maxExamples,
    seed: integer(values.seed, '--seed', 0, 0xffffffff) ?? randomSeed(),
    excludeChecks:
      values['exclude-checks'] === undefined ? [] : checkIds(values['exclude-checks'], '--exclude-checks'),
    concurrency: integer(values.concurrency, '--concurrency', 1, 1024) ?? runDefaults.concurrency,
    timeoutMs: integer(values.timeout, '--timeout', 1, 3_600_000) ?? runDefaults.timeoutMs,
    unsafe: values.unsafe === true,
    reports: (values.report ?? []).map(parseReport),
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    shrink: values['no-shrink'] !== true,
    maxBodyBytes: integer(values['max-body'], '--max-body', 1, 1024 ** 3) ?? runDefaults.maxBodyBytes,
    faults: (values.fault ?? []).map((f) => nonBlank(f, '--fault')),
  };
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  if (bearer !== undefined) options.bearer = bearer;
  const auth = authSettingsFromFlags(values, env, bearer);
  if (auth !== undefined) options.auth = auth;
  if (values.checks !== undefined) options.checks = checkIds(values.checks, '--checks');
  const rate = decimal(values.rate, '--rate');
  if (rate !== undefined) options.rate = rate;
  const budget = decimal(values['time-budget'], '--time-budget');
  if (budget !== undefined) options.timeBudgetS = budget;
  if (values.shard !== undefined) options.shard = parseShard(values.shard);
  const items = integer(values.items, '--items', 0, 100_000);
  if (items !== undefined) options.items = items;
  const maxFailures = integer(values['max-failures'], '--max-failures', 1, 1_000_000);
  if (maxFailures !== undefined) options.maxFailures = maxFailures;
  if (values.color === true && values['no-color'] === true) {
    throw usage('--color', 'use either --color or --no-color, not both');
  }
  if (values.color === true || values['no-color'] === true) options.color = values.color === true;
  if (options.quiet && options.verbose) throw usage('--verbose', 'use either --quiet or --verbose, not both');
  if (values.config !== undefined) options.config = nonBlank(values.config, '--config');
  if (values.target !== undefined) options.target = nonBlank(values.target, '--target');
  options.fromFlags = flagFields(values, bearer !== undefined);
  return options;
}

/** The RunOptions fields the command line set, which a config file must not override. */
function flagFields(values: Record<string, unknown>, bearer: boolean): Array<keyof RunOptions> {
  const fields: Record<string, keyof RunOptions> = {
    'base-url': 'baseUrl',
    mock: 'mock',
    operation: 'operations',
    tag: 'tags',
    header: 'headers',
    'max-examples': 'maxExamples',
    seed: 'seed',
    checks: 'checks',
    'exclude-checks': 'excludeChecks',
    concurrency: 'concurrency',
    rate: 'rate',
    timeout: 'timeoutMs',
    'time-budget': 'timeBudgetS',
    unsafe: 'unsafe',
    report: 'reports',
    shard: 'shard',
    quiet: 'quiet',
    verbose: 'verbose',
    'max-failures': 'maxFailures',
    color: 'color',
    'no-color': 'color',
    'no-shrink': 'shrink',
    'max-body': 'maxBodyBytes',
    fault: 'faults',
    items: 'items',
  };
  const given = Object.keys(values).flatMap((flag) => (fields[flag] === undefined ? [] : [fields[flag]]));
  return bearer ? [...given, 'bearer'] : given;
}

/**
 * The checks on a run's target that only hold once the config file (if any) is merged in: a target
 * is given, and mock-only options are used with the mock.
 */
export function checkRunTarget(options: RunOptions): void {
  if (options.spec === '') {
    throw new AssayError('usage', 'assay run: missing <spec> (a path or URL of an OpenAPI document)');
  }
  if (options.mock && options.baseUrl !== undefined) {
    throw usage('--base-url', 'use either --base-url <url> or --mock, not both');
  }
  if (!options.mock && options.baseUrl === undefined) {
    throw usage('--base-url', 'missing target: give --base-url <url> (a live server) or --mock');
  }
  if (!options.mock && (options.faults.length > 0 || options.items !== undefined)) {
    throw usage(options.faults.length > 0 ? '--fault' : '--items', 'only applies with --mock');
  }
}

function parseMock(argv: readonly string[], randomSeed: () => number): MockOptions {
  const { values, positionals } = strictParse(argv, mockSpec);
  const spec = onePositional(positionals, 'mock');
  const options: MockOptions = {
    command: 'mock',
    spec,
    port: integer(values.port, '--port', 0, 65_535) ?? mockDefaults.port,
    host: values.host === undefined ? mockDefaults.host : nonBlank(values.host, '--host'),
    seed: integer(values.seed, '--seed', 0, 0xffffffff) ?? randomSeed(),
    faults: (values.fault ?? []).map((f) => nonBlank(f, '--fault')),
  };
  const items = integer(values.items, '--items', 0, 100_000);
  if (items !== undefined) options.items = items;
  if (values.token !== undefined) options.token = nonBlank(values.token, '--token');
  return options;
}

type Spec = Parameters<typeof parseArgs>[0] extends infer C
  ? C extends { options?: infer O }
    ? O
    : never
  : never;

function strictParse<const O extends NonNullable<Spec>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw parseArgsError(error);
  }
}

/** Turns node:util's parse errors into one line that names the flag. */
function parseArgsError(error: unknown): AssayError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new AssayError(
      'usage',
      `unknown option ${flag ?? message} (see assay --help)`,
      flagLocation(flag),
    );
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const text = message.includes('argument missing')
      ? `${flag}: a value is required`
      : message.includes('ambiguous')
        ? `${flag}: a value is required; a value starting with a dash is written ${flag}=<value>`
        : `${flag}: does not take a value`;
    return new AssayError('usage', text, flagLocation(flag));
  }
  return new AssayError('usage', message.split('\n')[0] ?? message, flagLocation(flag));
}

function flagLocation(flag: string | undefined): { flag?: string } {
  return flag === undefined ? {} : { flag };
}

function usage(flag: string, message: string): AssayError {
  return new AssayError('usage', `${flag}: ${message}`, { flag });
}

function onePositional(positionals: string[], command: string): string {
  if (positionals.length === 0) {
    throw new AssayError('usage', `assay ${command}: missing <spec> (a path or URL of an OpenAPI document)`);
  }
  if (positionals.length > 1) {
    throw new AssayError(
      'usage',
      `assay ${command}: expected one <spec>, got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(' ')}`,
    );
  }
  return positionals[0]!;
}

function nonBlank(value: string, flag: string): string {
  if (value.trim() === '') throw usage(flag, 'the value is empty');
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function integer(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw usage(flag, `expected an integer from ${min} to ${max}, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max)
    throw usage(flag, `expected an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

function decimal(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw usage(flag, `expected a positive number, got "${raw}"`);
  return value;
}

/** An absolute http(s) URL; a trailing slash is dropped so paths join without doubling it. */
export function parseBaseUrl(raw: string): URL {
  // Error messages echo the flag, but never a password written into it.
  const shown = JSON.stringify(raw.replace(/^([^:/?#]*:\/\/[^/?#@]*?):[^/?#@]*@/, '$1:[REDACTED]@'));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usage('--base-url', `${shown} is not an absolute URL; expected e.g. http://localhost:9000/api/v3`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usage('--base-url', `${shown} must use http or https, not ${url.protocol.replace(':', '')}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw usage('--base-url', 'must not embed credentials; use --auth-bearer or --header');
  }
  if (url.search !== '' || url.hash !== '') {
    throw usage('--base-url', `${shown} must not carry a query or a fragment`);
  }
  if (url.hostname === '') {
    throw usage('--base-url', `${shown} has no host; expected e.g. http://localhost:9000/api/v3`);
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function parseHeader(raw: string): [string, string] {
  const colon = raw.indexOf(':');
  const name = colon < 0 ? '' : raw.slice(0, colon).trim();
  // The value is never echoed: a header given by mistake without its colon is usually a credential.
  if (colon < 0)
    throw usage('--header', 'expected "Name: value", but there is no colon (the value is not shown)');
  if (!headerName.test(name)) {
    throw usage(
      '--header',
      `expected "Name: value", but ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} is not a header name`,
    );
  }
  const value = raw.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw usage('--header', `the value of ${name} contains a line break or NUL`);
  return [name.toLowerCase(), value];
}

const reportKinds: readonly ReportKind[] = ['json', 'junit', 'html', 'ndjson'];

/** `json=<path>`, `junit=<path>`, `html=<path>`, `ndjson=<path>`, `github`; `-` as path is stdout (json, ndjson). */
function parseReport(raw: string): { kind: ReportKind; path: string } {
  if (raw === 'github') return { kind: 'github', path: '' };
  const eq = raw.indexOf('=');
  const kind = raw.slice(0, Math.max(eq, 0));
  const path = raw.slice(eq + 1);
  if (eq < 0 || !reportKinds.includes(kind as ReportKind) || path.trim() === '') {
    throw usage(
      '--report',
      `expected json=<path>, junit=<path>, html=<path>, ndjson=<path> or github, got "${raw}"`,
    );
  }
  if (path === '-' && kind !== 'json' && kind !== 'ndjson') {
    throw usage('--report', `${kind}=-: only json and ndjson reports can be written to stdout`);
  }
  return { kind: kind as ReportKind, path };
}

export function parseShard(raw: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count || count > 10_000) {
    throw usage('--shard', `expected <i>/<n> with 1 <= i <= n (e.g. 2/4), got "${raw}"`);
  }
  return { index, count };
}

function checkIds(raw: string, flag: string): string[] {
  const ids = raw
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw usage(flag, 'expected a comma-separated list of check ids');
  return ids;
}
