import { createMock } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { AssayError, serverBasePath } from '@assay/model';
import { Agent, type Dispatcher } from 'undici';
import { checkSchemeNames } from '../auth/auth-flags.js';
import { type Authenticator, createAuthenticator } from '../auth/create-authenticator.js';
import type { RunOptions } from '../cli/run-options.js';
import { applySkips } from '../config/apply-skips.js';
import { configuredKit } from '../config/configured-kit.js';
import { configuredTransport, type TransportRecord } from '../config/configured-transport.js';
import { finishConfiguredRun } from '../config/finish-configured-run.js';
import { createTransport, type Transport } from '../transport/create-transport.js';
import { createKit } from './create-kit.js';
import type { EngineOptions } from './engine-options.js';
import { runEngine } from './run-engine.js';
import type { RunProgress, RunResult } from './run-result.js';
import { runnerVersion } from './runner-version.js';
import { selectOperations } from './select-operations.js';
import { skippedOperationResult } from './skipped-operation-result.js';

/** The token the in-process mock expects when the user gives none. */
export const mockToken = 'assay-mock-token';

/** A run, as the engine sees it: the CLI options without output concerns, plus what the CLI injects. */
export type ExecuteRunOptions = Omit<RunOptions, 'command' | 'reports' | 'quiet'> & {
  /** For a live target: the undici Pool/Agent to send through (the caller closes it). */
  dispatcher?: Dispatcher;
  /**
   * Wraps the dispatcher (either kind), e.g. to observe what goes on the wire. The engine sends with
   * `dispatch(options, handler)`, so the wrapper must implement it: `dispatcher.compose(interceptor)`
   * gives one that does.
   */
  wrapDispatcher?: (dispatcher: Dispatcher) => Dispatcher;
  /** Wraps the transport the engine sends through (`assay diff` sends each request to a second target too). */
  wrapTransport?: (transport: Transport) => Transport;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
} & Pick<EngineOptions, 'onOperationStarted' | 'onOperationFinished' | 'onExchange'>;

/**
 * Runs Assay on a loaded API: selects operations and checks, builds the transport (live dispatcher
 * or in-process mock: one code path), enforces the time budget, and returns the result.
 * Throws AssayError for bad selections (`unknown-check`, `unknown-fault`, `no-operations-selected`)
 * and `target-unreachable`.
 */
export async function executeRun(api: ApiModel, options: ExecuteRunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const started = performance.now();
  const configured = options.configured;
  const plugins = configured?.plugins;
  const extraCheckIds =
    plugins === undefined
      ? []
      : [...plugins.checks, ...plugins.sequenceChecks, ...plugins.runChecks].map((c) => c.id);
  const made = createKit(api, { ...options, extraCheckIds });
  const { selectedChecks, validator } = made;
  const kit = configured === undefined ? made.kit : configuredKit(made.kit, configured, selectedChecks);
  const selection = selectOperations(api.operations, options);
  const { selected, skipped } = configured === undefined ? selection : applySkips(selection, configured.plan);
  const bearer = options.bearer ?? (options.mock ? mockToken : undefined);
  let dispatcher: Dispatcher;
  let baseUrl: URL;
  let target: string;
  if (options.mock) {
    const mock = createMock(api, {
      seed: options.seed,
      faults: options.faults,
      validator,
      ...(options.items === undefined ? {} : { items: options.items }),
      ...(bearer === undefined ? {} : { token: bearer }),
    });
    dispatcher = mock.dispatcher;
    baseUrl = mockBaseUrl(api);
    target = `mock:${baseUrl.pathname}`;
  } else {
    if (options.baseUrl === undefined || options.dispatcher === undefined) {
      throw new AssayError('config', 'a live run needs a base URL and a dispatcher');
    }
    dispatcher = options.dispatcher;
    baseUrl = options.baseUrl;
    target = baseUrl.href.replace(/\/$/, '');
  }
  if (options.wrapDispatcher !== undefined) dispatcher = options.wrapDispatcher(dispatcher);

  const budget = new AbortController();
  const signals = [budget.signal, ...(options.signal === undefined ? [] : [options.signal])];
  const signal = AbortSignal.any(signals);
  const timer =
    options.timeBudgetS === undefined
      ? undefined
      : setTimeout(() => budget.abort(), options.timeBudgetS * 1000);
  timer?.unref();
  const transportWith = (timeoutMs: number) =>
    createTransport({
      baseUrl,
      dispatcher,
      concurrency: options.concurrency,
      timeoutMs,
      maxBodyBytes: options.maxBodyBytes,
      signal,
      ...(options.rate === undefined ? {} : { rate: options.rate }),
    });
  const record: TransportRecord = { secrets: new Set(), exchanges: [], warnings: [] };
  const plain =
    configured === undefined
      ? transportWith(options.timeoutMs)
      : configuredTransport({
          api,
          plan: configured.plan,
          hooks: configured.plugins.hooks,
          timeoutMs: options.timeoutMs,
          transportWith,
          keepExchanges: configured.plugins.runChecks.some((c) => selectedChecks.has(c.id)),
          record,
        });
  const transport = options.wrapTransport === undefined ? plain : options.wrapTransport(plain);
  const planned = configured?.plan;
  // A live target gets what each operation's security asks for; the mock accepts its one token in
  // every scheme (see `credentials` below), so it needs no authenticator.
  let authenticator: Authenticator | undefined;
  let authAgent: Agent | undefined;
  if (options.auth !== undefined && !options.mock) {
    checkSchemeNames(options.auth, Object.keys(api.securitySchemes));
    authAgent = new Agent();
    authenticator = createAuthenticator(api, options.auth, {
      dispatcher: authAgent,
      timeoutMs: options.timeoutMs,
      baseUrl,
    });
  }
  const secrets = () => [
    ...(bearer === undefined ? [] : [bearer]),
    ...options.headers.map(([, value]) => value),
    ...(authenticator?.secrets() ?? []),
  ];
  try {
    const outcome = await runEngine({
      api,
      operations: selected,
      transport,
      kit,
      seed: options.seed,
      maxExamples: options.maxExamples,
      ...(planned === undefined || planned.size === 0
        ? {}
        : {
            maxExamplesFor: (operation: { id: string }) =>
              planned.get(operation.id)?.maxExamples ?? options.maxExamples,
          }),
      // Against the mock, its token goes wherever each operation's scheme reads it; a live server
      // gets exactly the configured bearer token and headers.
      credentials: options.mock
        ? { schemeToken: bearer ?? mockToken, headers: options.headers }
        : { ...(bearer === undefined ? {} : { bearer }), headers: options.headers },
      ...(authenticator === undefined ? {} : { authenticator }),
      shrink: options.shrink,
      maxBodyBytes: options.maxBodyBytes,
      selectedChecks,
      signal,
      ...(options.timeBudgetS === undefined
        ? {}
        : { deadline: started + options.timeBudgetS * 1000, onDeadline: () => budget.abort() }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.onOperationStarted === undefined ? {} : { onOperationStarted: options.onOperationStarted }),
      ...(options.onOperationFinished === undefined
        ? {}
        : { onOperationFinished: options.onOperationFinished }),
      ...(options.onExchange === undefined ? {} : { onExchange: options.onExchange }),
    });
    const result: RunResult = {
      tool: 'assay',
      version: runnerVersion,
      seed: options.seed,
      spec: options.spec,
      target,
      startedAt: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      requests: outcome.requests,
      operations: [
        ...outcome.operations,
        ...skipped.map(({ operation, reason }) => skippedOperationResult(operation, reason)),
      ],
      failures: outcome.failures,
      checks: [...selectedChecks].sort(),
      incomplete: outcome.aborted,
      secrets: secrets(),
    };
    if (outcome.warnings.length > 0) result.warnings = outcome.warnings;
    if (outcome.specWarnings.length > 0) result.specWarnings = outcome.specWarnings;
    if (outcome.uncleaned.length > 0) result.uncleaned = outcome.uncleaned;
    if (outcome.aborted) {
      result.incompleteReason = budget.signal.aborted
        ? `time budget of ${options.timeBudgetS} s exhausted`
        : 'interrupted';
    }
    return configured === undefined
      ? result
      : finishConfiguredRun(result, configured, record, selectedChecks);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    await authAgent?.close();
  }
}

/**
 * Where the in-process mock is addressed: the spec's first server path (so the mock sees the full
 * path, e.g. `/api/v3/stages/identification/`) on a host that never resolves, since nothing leaves
 * the process.
 */
export function mockBaseUrl(api: ApiModel): URL {
  return new URL(`http://assay.mock${serverBasePath(api.servers[0])}`);
}
