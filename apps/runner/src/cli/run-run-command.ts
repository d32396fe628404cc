import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_MOCK_TOKEN } from '@assay/mock';
import { AssayError } from '@assay/model';
import { Pool } from 'undici';
import { checkConfiguredCheckIds } from '../config/check-configured-check-ids.js';
import { configureRun } from '../config/configure-run.js';
import { knownCheckIds } from '../config/known-check-ids.js';
import { loadConfiguredApi } from '../config/load-configured-api.js';
import { loadPlugins, noPlugins } from '../config/load-plugins.js';
import { unsentAuth } from '../config/unsent-auth.js';
import { executeRun, mockBaseUrl } from '../engine/execute-run.js';
import { formatWarning } from '../engine/format-warning.js';
import type { RunResult } from '../engine/run-result.js';
import { runnerVersion } from '../engine/runner-version.js';
import { createRedactor } from '../report/create-redactor.js';
import { jsonReport } from '../report/json-report.js';
import { listSemanticsReport } from '../report/list-semantics-report.js';
import { operationLines } from '../report/operation-lines.js';
import type { FailureReport, OperationReport } from '../report/run-report.js';
import { type SecretVariable, secretVariables } from '../report/secret-variable.js';
import { type ToRunReportOptions, toRunReport } from '../report/to-run-report.js';
import { writeReports } from '../report/write-reports.js';
import type { CliIo } from './cli-io.js';
import { ndjsonSink } from './ndjson-sink.js';
import { notUnderstoodLists } from './not-understood-lists.js';
import { operationReportOf } from './operation-report-of.js';
import { runDefaults } from './parse-cli-args.js';
import { presentRun } from './present-run.js';
import type { RunOptions } from './run-options.js';
import { specSource } from './spec-source.js';
import { writeGithubOutput } from './write-github-output.js';
import { checkReportPaths } from './write-reports.js';

/** `assay run`: loads the spec, runs the engine against the target, writes reports; returns the exit code. */
export async function runRunCommand(flags: RunOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { options, config, target } = await configureRun(flags, { cwd, env: io.env });
  const files = options.reports.filter((r) => r.kind !== 'github' && r.path !== '-');
  await checkReportPaths(files, cwd);
  const source = specSource(options.spec, cwd);
  const { api, plan, unnarrowed } = await loadConfiguredApi(source, config);
  const plugins = config === undefined ? noPlugins : await loadPlugins(config, knownCheckIds(api, noPlugins));
  if (config !== undefined) checkConfiguredCheckIds(config, knownCheckIds(api, plugins));
  if (config !== undefined && !options.quiet) {
    io.stderr.write(`assay: config ${config.shown}${target === undefined ? '' : `, target ${target}`}\n`);
  }
  if (!options.quiet) for (const line of notUnderstoodLists(api)) io.stderr.write(`${line}\n`);
  const unsent = unsentAuth(options.auth, options.mock);
  if (unsent.length > 0) {
    io.stderr.write(
      `assay: auth ${unsent.join(', ')} of ${config?.shown ?? 'the run'} are not sent to the mock (it takes its own token)\n`,
    );
  }
  // The built-in mock's default token is documented, not a secret: reproductions show it.
  const mockDefault = options.mock && options.bearer === undefined;
  const redactor = createRedactor({
    ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    headers: options.headers.map(([name, value]) => ({ name, value })),
  });
  const variables: SecretVariable[] = [
    ...(mockDefault
      ? [{ name: 'ASSAY_BEARER', value: DEFAULT_MOCK_TOKEN, fallback: DEFAULT_MOCK_TOKEN }]
      : []),
    ...secretVariables({
      ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
      headers: options.headers,
    }),
  ];
  const shownTarget = options.mock ? 'mock' : (options.baseUrl?.href.replace(/\/$/, '') ?? '');
  const out = presentRun(io, options, redactor);
  const header = {
    version: runnerVersion,
    seed: options.seed,
    spec: options.spec,
    target: options.mock ? `mock:${mockBaseUrl(api).pathname}` : shownTarget,
    ...(config === undefined ? {} : { configFile: config.shown }),
  };
  out.header(header);
  const events = ndjsonSink(
    options.reports
      .filter((r) => r.kind === 'ndjson')
      .map((r) => (r.path === '-' ? '-' : resolve(cwd, r.path))),
    io.stdout,
    redactor,
  );
  events.emit({
    event: 'run-started',
    version: runnerVersion,
    seed: options.seed,
    spec: options.spec,
    target: header.target,
    operations: api.operations.length,
  });
  const pool =
    options.baseUrl === undefined
      ? undefined
      : new Pool(options.baseUrl.origin, {
          connections: options.concurrency,
          keepAliveTimeout: 10_000,
          connect: { timeout: Math.min(options.timeoutMs, 30_000) },
        });
  const lines = local(source)
    ? operationLines(await readFile(source, 'utf8').catch(() => ''), api.operations)
    : undefined;
  const reportOptions: ToRunReportOptions = {
    redactor,
    ...(lines === undefined ? {} : { lines }),
    lists: new Map(api.operations.map((operation) => [operation.id, listSemanticsReport(operation)])),
    invocation: {
      ...(options.mock
        ? {
            mock: {
              faults: options.faults,
              ...(options.items === undefined ? {} : { items: options.items }),
              port: mockPort(io.env),
            },
          }
        : {}),
      ...(options.maxExamples === runDefaults.maxExamples ? {} : { maxExamples: options.maxExamples }),
      unsafe: options.unsafe,
      variables,
      ...(config === undefined ? {} : { configFile: config.shown }),
    },
  };
  // Each operation is printed and streamed as it finishes; those never sent, once the run is over.
  const finished = new Set<string>();
  const finish = (operation: OperationReport, failures: readonly FailureReport[]): void => {
    finished.add(operation.operationId);
    for (const failure of failures) {
      events.emit({
        event: 'failure',
        operationId: failure.operationId,
        method: failure.method,
        path: failure.path,
        check: failure.check,
        severity: failure.severity,
        message: failure.message,
        url: failure.request.url,
        status: failure.response?.status ?? null,
      });
    }
    events.emit({
      event: 'operation-finished',
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      state: operation.state,
      ...(operation.reason === undefined ? {} : { reason: operation.reason }),
      requests: operation.requests,
      failures: operation.failures,
      checks: operation.outcomes,
    });
    out.operation(operation);
  };
  const runFacts = { version: runnerVersion, seed: options.seed, spec: options.spec, target: header.target };
  // --max-failures stops the run as Ctrl-C does: what was found is reported, marked incomplete.
  const enough = new AbortController();
  const signal = io.signal === undefined ? enough.signal : AbortSignal.any([io.signal, enough.signal]);
  let result: RunResult;
  try {
    result = await executeRun(api, {
      ...options,
      ...(pool === undefined ? {} : { dispatcher: pool }),
      signal,
      onProgress: (progress) => {
        // Errors say Assay could not test, not that the API broke its contract: they do not count.
        const failures = progress.failures - progress.errors;
        if (options.maxFailures !== undefined && failures >= options.maxFailures) enough.abort();
        out.progress(progress);
      },
      onOperationStarted: (operation) =>
        events.emit({
          event: 'operation-started',
          operationId: operation.id,
          method: operation.method,
          path: operation.path,
        }),
      onOperationFinished: (operation, failures) => {
        const done = operationReportOf(operation, failures, runFacts, reportOptions);
        finish(done.operation, done.failures);
      },
      ...(events.active ? { onExchange: (exchange) => events.emit({ event: 'exchange', ...exchange }) } : {}),
      ...(io.wrapDispatcher === undefined ? {} : { wrapDispatcher: io.wrapDispatcher }),
      configured: { plan, plugins, unnarrowed },
    });
  } catch (error) {
    events.close();
    throw error;
  } finally {
    await pool?.close().catch(() => undefined);
  }
  if (enough.signal.aborted && io.signal?.aborted !== true) {
    result.incomplete = true;
    result.incompleteReason = `stopped after ${options.maxFailures} distinct failures (--max-failures)`;
  }
  // Secrets learned during the run (a plugin hook's fresh token) join the configured ones; the mock's
  // documented default token is no secret.
  const final = createRedactor({
    ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    headers: options.headers.map(([name, value]) => ({ name, value })),
    secrets: result.secrets.filter((secret) => !(mockDefault && secret === DEFAULT_MOCK_TOKEN)),
  });
  const report = toRunReport(result, { ...reportOptions, redactor: final });
  for (const operation of report.operations) {
    if (finished.has(operation.operationId)) continue;
    finish(
      operation,
      report.failures.filter((f) => f.operationId === operation.operationId),
    );
  }
  events.emit({
    event: 'run-finished',
    ...(report.incomplete === true ? { incomplete: true } : {}),
    ...(report.incompleteReason === undefined ? {} : { incompleteReason: report.incompleteReason }),
    summary: report.summary,
  });
  events.close();
  // A report that cannot be written at the end (the disk filled, the folder went away) must not
  // also lose what the run found: the summary is printed first, then the error.
  let unwritten: unknown;
  try {
    const targets = files.flatMap((r) =>
      r.kind === 'json' || r.kind === 'junit' || r.kind === 'html'
        ? [{ format: r.kind, path: resolve(cwd, r.path) }]
        : [],
    );
    await writeReports(report, targets, { redactor: final });
    if (options.reports.some((r) => r.kind === 'json' && r.path === '-'))
      io.stdout.write(jsonReport(report, { redactor: final }));
    if (options.reports.some((r) => r.kind === 'github') || io.env.GITHUB_ACTIONS === 'true') {
      await writeGithubOutput(report, io, final, cwd);
    }
  } catch (error) {
    unwritten = error;
  }
  out.summary(report, final);
  for (const warning of result.warnings ?? []) {
    // A skipped phase is a known limit, said as such; every other run warning is a bug in Assay.
    const bug = warning.code === 'phase-skipped' ? '' : ' (a bug in assay; please report it)';
    out.warn(`assay: warning: ${formatWarning(warning)}${bug}`);
  }
  if (unwritten !== undefined) throw unwritten;
  if (report.summary.tested === 0 && report.operations.length > 0) {
    const unsafe = report.operations.filter((op) => op.reason?.includes('--unsafe')).length;
    out.warn(
      `assay: no operation was tested (${report.operations.length} skipped${unsafe > 0 ? `, ${unsafe} of them because only GET, HEAD and OPTIONS are sent without --unsafe` : ''})`,
    );
  }
  // Interrupted by the user: the conventional 128 + SIGINT, so a script never mistakes it for a pass.
  if (io.signal?.aborted === true) return 130;
  if (result.failures.some((f) => f.violation.severity === 'error')) return 1;
  return 0;
}

/** `ASSAY_MOCK_PORT`: where a mock run's reproductions start `assay mock` (8080 by default). */
function mockPort(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.ASSAY_MOCK_PORT;
  if (raw === undefined || raw === '') return 8080;
  const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    throw new AssayError('usage', `ASSAY_MOCK_PORT: expected a port from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function local(source: string): boolean {
  return !/^https?:\/\//i.test(source);
}
