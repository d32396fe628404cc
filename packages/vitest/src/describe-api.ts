import type { Operation } from '@assay/model';
import {
  type AssayConfig,
  type AuthSettings,
  type ConfiguredLibraryRun,
  configFromValue,
  configuredLibraryRun,
  type ExecuteRunOptions,
  executeRun,
  type RunResult,
  runDefaults,
  selectOperations,
} from '@assay/runner';
import { loadApi } from '@assay/spec';
import type { Dispatcher } from 'undici';
import { afterAll, describe, it, type RunnerTask } from 'vitest';
import { formatFailures } from './_internals/format-failure.js';
import { type PhaseTest, phasesOf } from './_internals/phases-of.js';
import { runTarget } from './_internals/run-target.js';
import type { NodeListener } from './handler-dispatcher.js';

/** Options of {@link describeApi}. Give exactly one of `baseUrl` (alone), `dispatcher` or `handler`. */
export interface DescribeApiOptions {
  /** A live server: the base URL the spec's paths are appended to (`http://127.0.0.1:3000/api`). */
  baseUrl?: string | URL;
  /** An undici Dispatcher to send through (with `baseUrl`, or addressed at the spec's server path). */
  dispatcher?: Dispatcher;
  /** An in-process app: a Node `(req, res)` listener (Express, Connect, `node:http`) or a Dispatcher. */
  handler?: NodeListener | Dispatcher;
  /** operationIds or `"METHOD /path"`; every operation when absent. */
  operations?: readonly string[];
  tags?: readonly string[];
  /**
   * Credentials, in the shape of the config file's `auth`: `{ bearer }`, `{ basic: { username,
   * password } }`, `{ apiKey }`, per scheme name (`schemes`), or an OAuth2 client whose token is
   * fetched. Each operation gets the credentials its `security` asks for.
   */
  auth?: AuthSettings;
  /** Sent with every request (a tenant header, say). Their values are secrets: never printed. */
  headers?: Readonly<Record<string, string>>;
  /** Check ids to run (all when absent), and to leave out. */
  checks?: readonly string[];
  excludeChecks?: readonly string[];
  /** Generated requests per operation and mode (default 25: a unit-test budget; the CLI uses 100). */
  maxExamples?: number;
  /** The seed; `ASSAY_SEED` overrides it, so a failure's printed command replays it. */
  seed?: number;
  /** Send unsafe methods (POST, PUT, PATCH, DELETE): only against a server you may write to. */
  unsafe?: boolean;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
  /** The title of the suite; default `contract: <spec>`. */
  title?: string;
  /**
   * An Assay config file (a path, relative to the working directory, or a file URL) or its content
   * as an object, read as `assay run --config` reads it: per-operation settings (list descriptions,
   * checks, expected statuses, parameters, volatile fields, timeouts, skips), plugins, and the run
   * settings (auth, headers, checks, maxExamples, seed, baseUrl...), under the options given here.
   */
  config?: string | URL | AssayConfig;
  /** The config's target to use (its `target:` otherwise). */
  target?: string;
}

/** The seed when neither `ASSAY_SEED` nor the options give one: fixed, so a suite is reproducible. */
const defaultSeed = 1;

/**
 * Registers contract tests for an OpenAPI document in the current vitest file: a suite per
 * operation, and in it one test per phase of `assay run` (examples, coverage cases, positive and
 * negative requests, list walks and query probes for list operations, missing and wrong
 * credentials for secured ones), driven by the same engine with the same seed semantics. An
 * operation is sent its requests once, when its first test runs. An operation `assay run` would not
 * test (an unsafe method without `unsafe`) is a skipped test saying why, never a passing one.
 */
export function describeApi(spec: string | URL, options: DescribeApiOptions): void {
  const source = spec instanceof URL ? spec.href : spec;
  describe(options.title ?? `contract: ${source}`, async () => {
    const path = spec instanceof URL && spec.protocol === 'file:' ? spec.pathname : source;
    const file = options.config === undefined ? undefined : await configured(path, options);
    const api = file?.api ?? (await loadApi(path));
    const settings = file?.settings ?? {};
    const seed = seedOf(options, settings.seed);
    const concurrency = options.concurrency ?? settings.concurrency ?? runDefaults.concurrency;
    const inProcess = options.handler !== undefined || options.dispatcher !== undefined;
    const baseUrl = options.baseUrl ?? (inProcess ? undefined : settings.baseUrl);
    const target = runTarget(api, { ...options, ...(baseUrl === undefined ? {} : { baseUrl }) }, concurrency);
    afterAll(() => target.close());
    const unsafe = options.unsafe ?? settings.unsafe ?? false;
    const { selected, skipped } = selectOperations(api.operations, {
      operations: options.operations ?? file?.only.operations ?? [],
      tags: options.tags ?? file?.only.tags ?? [],
      unsafe,
    });
    for (const { operation, reason } of skipped)
      it.skip(`${labelOf(operation)}: not tested (${libraryReason(reason)})`);
    const plan = file?.configured.plan;
    const auth = options.auth ?? settings.auth;
    const headers = { ...settings.headers, ...options.headers };
    const checks = options.checks ?? settings.checks;
    const base: ExecuteRunOptions = {
      spec: source,
      mock: false,
      baseUrl: target.baseUrl,
      dispatcher: target.dispatcher,
      operations: [],
      tags: [],
      headers: Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
      ...(auth?.bearer === undefined ? {} : { bearer: auth.bearer }),
      ...(auth === undefined ? {} : { auth }),
      maxExamples: options.maxExamples ?? settings.maxExamples ?? 25,
      seed,
      ...(checks === undefined ? {} : { checks: [...checks] }),
      excludeChecks: [...(options.excludeChecks ?? settings.excludeChecks ?? [])],
      concurrency,
      timeoutMs: options.timeoutMs ?? settings.timeout ?? runDefaults.timeoutMs,
      unsafe,
      shrink: settings.shrink ?? true,
      maxBodyBytes: settings.maxBody ?? runDefaults.maxBodyBytes,
      faults: [],
      ...(file === undefined ? {} : { configured: file.configured }),
    };
    for (const operation of selected) {
      const skip = plan?.get(operation.id)?.skip;
      if (skip !== undefined) {
        it.skip(`${labelOf(operation)}: not tested (skipped by the config file: ${skip})`);
        continue;
      }
      describe(labelOf(operation), () => {
        let run: Promise<RunResult> | undefined;
        const result = (): Promise<RunResult> => {
          run ??= executeRun(api, { ...base, operations: [operation.id] });
          return run;
        };
        for (const phase of phasesOf(operation)) {
          it(phase.title, async (context) => {
            const outcome = await result();
            const failures = outcome.failures.filter((f) => phase.modes.has(f.mode));
            if (failures.length > 0) {
              throw new Error(
                formatFailures(failures, {
                  secrets: outcome.secrets,
                  seed,
                  replay: replayCommand(context.task, seed),
                }),
              );
            }
            const notTested = whyNotTested(outcome, operation, phase);
            if (notTested !== undefined) context.skip(notTested);
          });
        }
      });
    }
  });
}

/**
 * The command that runs this one test again with the same seed: vitest's `-t` matches a regular
 * expression against the test's name joined with its suites' names by spaces.
 */
function replayCommand(task: RunnerTask, seed: number): string {
  const names: string[] = [];
  for (let t: RunnerTask | undefined = task; t !== undefined && t !== task.file; t = t.suite)
    names.unshift(t.name);
  const pattern = `^${names.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  const file = task.file?.name;
  return `ASSAY_SEED=${seed} npx vitest run ${file === undefined ? '' : `${shellQuote(file)} `}-t ${shellQuote(pattern)}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function seedOf(options: DescribeApiOptions, fromConfig: number | undefined): number {
  const env = process.env.ASSAY_SEED;
  if (env !== undefined && env !== '') {
    const seed = Number(env);
    if (!Number.isSafeInteger(seed)) throw new TypeError(`ASSAY_SEED=${env} is not an integer`);
    return seed;
  }
  return options.seed ?? fromConfig ?? defaultSeed;
}

/** The config option, read and applied to the spec as `assay run --config` does. */
function configured(path: string, options: DescribeApiOptions): Promise<ConfiguredLibraryRun> {
  const context = { cwd: process.cwd(), env: process.env };
  return configFromValue(options.config!, context).then((loaded) =>
    configuredLibraryRun(path, loaded, options.target),
  );
}

/** A selection reason in the words of this API: its options, not the CLI's flags. */
function libraryReason(reason: string): string {
  return reason
    .replace('not selected (--operation)', 'not in the operations option')
    .replace('not selected (--tag)', 'not in the tags option');
}

function labelOf(operation: Operation): string {
  return `${operation.method} ${operation.path} (${operation.id})`;
}

/**
 * Why a phase that found nothing did not test anything, if it did not: the operation was stopped,
 * every answer refused the credentials, or the phase sent no request (the spec has no examples, nothing could be made invalid, its
 * requests could not be generated). Such a test is skipped with the reason, so "nothing found" is
 * never shown for "nothing tried".
 */
function whyNotTested(result: RunResult, operation: Operation, phase: PhaseTest): string | undefined {
  const op = result.operations.find((o) => o.operationId === operation.id);
  if (op === undefined) return 'the operation was not run';
  if (op.skipped !== undefined) return op.skipped;
  // Every answer refused the credentials: the phases judged refusals, not the API (a documented
  // 401 passes every check), so nothing was tested. The CLI warns of the same from its totals.
  const answered = Object.entries(op.statuses ?? {});
  if (answered.length > 0 && answered.every(([status]) => status === '401' || status === '403'))
    return 'every response was 401 or 403: the credentials are missing or wrong (see the auth option)';
  const sent = [...phase.modes].reduce((n, mode) => n + (op.byMode[mode] ?? 0), 0);
  if (sent > 0) return undefined;
  const warning = [...(result.specWarnings ?? []), ...(result.warnings ?? [])].find(
    (w) => w.operation === operation.id && w.phase === phase.phase,
  );
  return warning === undefined ? `the ${phase.phase} phase sent no request` : warning.message;
}
