import type { ApiModel, Exchange, HttpRequest, Operation, Violation } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { recordLatency } from '../report/latency-histogram.js';
import type { SendOutcome, Transport } from '../transport/create-transport.js';
import { authProbes, type Credentials, requiresAuth, withCredentials } from './credentials.js';
import { emptyOperationResult } from './empty-operation-result.js';
import type { EngineKit } from './engine-kit.js';
import { FailureBook } from './failure-book.js';
import { chunkSeed, phaseSeed } from './phase-seed.js';
import type { Failure, OperationResult, ReceivedResponse, RunProgress } from './run-result.js';
import type { SeenPool } from './seen-values.js';
import { collectSeenValues, snapshot } from './seen-values.js';
import { skippedOperationResult } from './skipped-operation-result.js';

/** Generated requests per fast-check seed: the unit of generation between abort checks. */
const chunkSize = 50;

/** The check ids the runner itself reports, for requests that got no usable response. */
export const transportCheckIds = ['response-timeout', 'transport-error'] as const;

/** What the engine needs for a run. */
export interface EngineOptions {
  api: ApiModel;
  operations: readonly Operation[];
  transport: Transport;
  kit: EngineKit;
  seed: number;
  maxExamples: number;
  credentials: Credentials;
  shrink: boolean;
  /** Ids of every selected check (exchange, sequence and transport ones). */
  selectedChecks: ReadonlySet<string>;
  /** The transport's body read cap, for messages. */
  maxBodyBytes?: number;
  /** Requests a single shrink may send (default 200). */
  shrinkBudget?: number;
  /** Aborts the run: time budget or SIGINT. Results gathered so far are returned. */
  signal?: AbortSignal;
  /**
   * When the time budget ends (a `performance.now()` value). Checked between requests as well as by
   * the caller's timer, since an in-process target can answer without ever yielding to timers.
   */
  deadline?: number;
  /** Called once when the deadline passes: the caller aborts `signal`. */
  onDeadline?: () => void;
  onProgress?: (progress: RunProgress) => void;
}

/** What the engine found. */
export interface EngineOutcome {
  operations: OperationResult[];
  failures: Failure[];
  requests: number;
  aborted: boolean;
  /** Things Assay could not do (a generator or check that threw): bugs in Assay, not in the API. */
  warnings: string[];
  /** Problems of the spec met while generating (a schema no value satisfies): the spec's to fix. */
  specWarnings: string[];
}

interface OperationState {
  operation: Operation;
  /** Filled as the operation runs: requests, failures, and the latency histogram recorded into. */
  result: OperationResult;
  /** Whether an exchange reached the exchange checks yet (their ids are then in `checks`). */
  checked?: boolean;
  checks: Set<string>;
  /** Cancels the operation's queued and in-flight requests (see {@link maxConsecutiveFaults}). */
  cancel: AbortController;
  consecutiveFaults: number;
  /**
   * Values seen in this operation's responses. Per operation, not per run: which other operations
   * ran (--operation, --shard) must not change the requests of this one for a given seed, so a CI
   * failure replays with `--operation <id> --seed <n>`.
   */
  seen: SeenPool;
  /** The first example, coverage or positive request the server answered with a 2xx. */
  accepted?: HttpRequest;
}

/**
 * Transport failures in a row after which an operation is given up: a server that hangs or resets
 * on one operation must not eat the whole time budget, and the other operations carry on.
 */
export const maxConsecutiveFaults = 5;

/**
 * Runs the phases over each operation in turn: examples, coverage cases, property-based positive
 * and negative requests, then (list operations) pagination walks and query probes, and ignored-auth
 * probes. Requests of a phase are generated first, in a fixed order, then sent through the transport
 * (which keeps that order on the wire), and their responses are handled in that same order: so a seed
 * replays the same requests whatever the concurrency.
 */
export async function runEngine(options: EngineOptions): Promise<EngineOutcome> {
  const { api, transport, kit, credentials, signal } = options;
  const book = new FailureBook();
  const started = performance.now();
  let requests = 0;
  let operationsDone = 0;
  let anyResponse = false;
  const warnings: string[] = [];
  const specWarnings: string[] = [];

  /**
   * A `generation` error while drawing requests means the spec asks for what no value can be (e.g.
   * overlapping `oneOf` branches): a problem of the spec, said once per operation and phase, not a
   * bug in Assay. Returns false for any other error, which is one.
   */
  const specProblem = (operation: Operation, phase: string, error: unknown): boolean => {
    if (!AssayError.is(error) || error.code !== 'generation') return false;
    const prefix = `${operation.id}: ${phase} requests could not be generated`;
    if (!specWarnings.some((w) => w.startsWith(prefix))) {
      const at = error.details.pointer === undefined ? '' : ` (schema at ${error.details.pointer})`;
      specWarnings.push(`${prefix}: ${error.message}${at}`);
    }
    return true;
  };

  let deadlinePassed = false;
  const stopped = (): boolean => {
    if (!deadlinePassed && options.deadline !== undefined && performance.now() >= options.deadline) {
      deadlinePassed = true;
      options.onDeadline?.();
    }
    return deadlinePassed || signal?.aborted === true;
  };

  /** A check that throws is a bug in Assay: it must not end the run, nor pass for a finding. */
  const checkThrew = (id: string, error: unknown): void => {
    const message = `check ${id} threw: ${error instanceof Error ? error.message : String(error)}`;
    if (!warnings.includes(message)) warnings.push(message);
  };
  const safeVerify = (id: string, verify: () => Violation[]): Violation[] => {
    try {
      return verify();
    } catch (error) {
      checkThrew(id, error);
      return [];
    }
  };

  const halted = (state: OperationState): boolean => stopped() || state.cancel.signal.aborted;

  /**
   * Runs a phase so that a bug in Assay (a helper that throws) costs that phase only: it becomes a
   * warning and the run goes on. User-facing errors (`target-unreachable`) still end the run.
   */
  const guarded = async (state: OperationState, phase: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
    } catch (error) {
      if (AssayError.is(error)) throw error;
      warnings.push(
        `${state.operation.id}: ${phase} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  /** Requests a generator builds; one that throws is reported as a warning and the phase skipped. */
  const generated = (operation: Operation, phase: string, make: () => HttpRequest[]): HttpRequest[] => {
    try {
      return make();
    } catch (error) {
      if (specProblem(operation, phase, error)) return [];
      warnings.push(
        `${operation.id}: ${phase} generation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return [];
    }
  };

  let current: string | undefined;
  const progress = () =>
    options.onProgress?.({
      operationsDone,
      operationsTotal: options.operations.length,
      requests,
      failures: book.size,
      elapsedMs: performance.now() - started,
      ...(current === undefined ? {} : { current }),
    });

  /** Sends a request exactly as given (credentials already decided). */
  async function sendRaw(state: OperationState, request: HttpRequest): Promise<SendOutcome> {
    const outcome = await transport.send(request, state.cancel.signal);
    requests += outcome.attempts;
    state.result.requests += outcome.attempts;
    if (outcome.kind === 'response') {
      anyResponse = true;
      recordLatency(state.result.latency, outcome.response.durationMs);
    }
    return outcome;
  }

  /** The violations of one outcome, under the selected checks. */
  function violationsOf(state: OperationState, request: HttpRequest, outcome: SendOutcome): Violation[] {
    if (outcome.kind === 'aborted') return [];
    if (outcome.kind === 'fault') {
      if (outcome.fault.unreachable && !anyResponse) {
        throw new AssayError('target-unreachable', `${outcome.sent.url}: ${outcome.fault.message}`, {
          hint: 'check --base-url and that the server is running',
        });
      }
      state.consecutiveFaults += 1;
      if (state.consecutiveFaults >= maxConsecutiveFaults && !state.cancel.signal.aborted) {
        state.result.skipped = `given up after ${maxConsecutiveFaults} transport failures in a row (last: ${outcome.fault.message})`;
        state.cancel.abort();
      }
      if (!options.selectedChecks.has(outcome.fault.check)) return [];
      state.checks.add(outcome.fault.check);
      return [
        {
          check: outcome.fault.check,
          severity: 'error',
          message: outcome.fault.message,
          pointer: '',
          keyword: outcome.fault.code,
          expected: 'a complete response',
          actual: outcome.fault.code,
          fingerprint: outcome.fault.code,
        },
      ];
    }
    state.consecutiveFaults = 0;
    const exchange: Exchange = { operation: state.operation, request, response: outcome.response };
    const found: Violation[] = [];
    if (outcome.response.truncated && options.selectedChecks.has('transport-error')) {
      // Checks stay silent on a cut body (they cannot be sure); say here that it was not fully tested.
      state.checks.add('transport-error');
      found.push({
        check: 'transport-error',
        severity: 'warning',
        message: `the response body is longer than the read cap${options.maxBodyBytes === undefined ? '' : ` of ${options.maxBodyBytes} bytes`} (--max-body): it was cut and not fully checked`,
        pointer: '',
        keyword: 'max-body',
        expected: `at most ${options.maxBodyBytes ?? 'the cap'} bytes`,
        actual: 'more',
        fingerprint: 'transport-error|max-body',
      });
    }
    if (!state.checked) {
      for (const check of kit.checks) state.checks.add(check.id);
      state.checked = true;
    }
    // The hottest loop of a run: no closure nor spread per check and request.
    for (const check of kit.checks) {
      let violations: Violation[];
      try {
        violations = check.verify(exchange);
      } catch (error) {
        checkThrew(check.id, error);
        continue;
      }
      for (const violation of violations) found.push(violation);
    }
    return found;
  }

  function failureOf(
    state: OperationState,
    violation: Violation,
    request: HttpRequest,
    outcome: SendOutcome,
    origin: { seed: number; path?: string },
  ): Failure {
    const failure: Failure = {
      operationId: state.operation.id,
      method: state.operation.method,
      operationPath: state.operation.path,
      check: violation.check,
      severity: violation.severity,
      message: violation.message,
      pointer: violation.pointer,
      keyword: violation.keyword,
      expected: violation.expected,
      actual: violation.actual,
      fingerprint: violation.fingerprint,
      mode: request.mode,
      request: outcome.sent,
      seed: origin.seed,
      shrunk: false,
      occurrences: 1,
    };
    if (origin.path !== undefined) failure.path = origin.path;
    if (outcome.kind === 'response') failure.response = received(outcome.response);
    return failure;
  }

  /** Records violations; returns the ones whose reproduction this occurrence should shrink. */
  function record(
    state: OperationState,
    violations: Violation[],
    request: HttpRequest,
    outcome: SendOutcome,
    origin: { seed: number; path?: string },
  ): Violation[] {
    const toShrink: Violation[] = [];
    // A check reports up to 20 violations of one fingerprint per exchange (items breaking one rule)
    // and a broken server repeats them on every request: the key of the last one is reused when
    // the next has the same check and fingerprint, so the book hashes one key string, not twenty.
    let lastCheck = '';
    let lastFingerprint = '';
    let key = '';
    for (const violation of violations) {
      if (violation.check !== lastCheck || violation.fingerprint !== lastFingerprint || key === '') {
        lastCheck = violation.check;
        lastFingerprint = violation.fingerprint;
        key = FailureBook.key(state.operation.id, violation.check, violation.fingerprint);
      }
      if (book.recordRepeat(key)) {
        if (origin.path !== undefined && book.claimKey(key)) toShrink.push(violation);
        continue;
      }
      const failure = failureOf(state, violation, request, outcome, origin);
      book.record(failure);
      if (book.claimForShrink(failure)) toShrink.push(violation);
    }
    return toShrink;
  }

  /** Sends a batch with credentials, handles outcomes in generation order. */
  async function sendBatch(
    state: OperationState,
    batch: readonly HttpRequest[],
    origin: (index: number) => { seed: number; path?: string },
    onShrinkable?: (index: number, violation: Violation) => void,
  ): Promise<void> {
    const prepared = batch.map((request) => withCredentials(request, credentials, api, state.operation));
    const outcomes = prepared.map((request) => sendRaw(state, request));
    for (let index = 0; index < prepared.length; index++) {
      const outcome = await outcomes[index]!;
      const request = prepared[index]!;
      const violations = violationsOf(state, request, outcome);
      if (outcome.kind === 'response') {
        collectSeenValues(outcome.response, state.operation, state.seen);
        const { status } = outcome.response;
        if (state.accepted === undefined && status >= 200 && status < 300 && request.mode !== 'negative') {
          state.accepted = batch[index];
        }
      }
      for (const violation of record(state, violations, request, outcome, origin(index)))
        onShrinkable?.(index, violation);
      progress();
    }
  }

  async function fuzz(state: OperationState, mode: 'positive' | 'negative'): Promise<void> {
    let arbitrary: fc.Arbitrary<HttpRequest>;
    try {
      arbitrary = kit.requestArbitrary(state.operation, mode, snapshot(state.seen));
    } catch (error) {
      if (!AssayError.is(error) || error.code !== 'generation') throw error;
      // No valid request at all is the spec's problem, and the operation goes untested: say so. An
      // operation with nothing that can be made invalid simply has no negative phase.
      if (mode === 'positive') specProblem(state.operation, mode, error);
      return;
    }
    const phase = phaseSeed(options.seed, state.operation.id, mode);
    const toShrink: Array<{ seed: number; index: number; violation: Violation }> = [];
    // Generated chunk by chunk, each from its own seed, so a time budget or Ctrl-C stops generation
    // too, and (seed, index) still replays any request exactly.
    for (let chunk = 0; chunk * chunkSize < options.maxExamples && !halted(state); chunk++) {
      const seed = chunkSeed(phase, chunk);
      const numRuns = Math.min(chunkSize, options.maxExamples - chunk * chunkSize);
      let batch: HttpRequest[];
      try {
        batch = fc.sample(arbitrary, { seed, numRuns });
      } catch (error) {
        // An unsatisfiable schema is the spec's problem; any other generator that throws is a bug in
        // Assay. Either is said once, and testing goes on with the next chunk.
        if (specProblem(state.operation, mode, error)) continue;
        const prefix = `${state.operation.id}: ${mode} generation failed`;
        if (!warnings.some((w) => w.startsWith(prefix))) {
          warnings.push(
            `${prefix} (seed ${seed}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        continue;
      }
      // Let timers and signal handlers (SIGINT) run: an in-process target never yields by itself.
      await new Promise((resolve) => setImmediate(resolve));
      await sendBatch(
        state,
        batch,
        (index) => ({ seed, path: String(index) }),
        (index, violation) => toShrink.push({ seed, index, violation }),
      );
    }
    if (!options.shrink) return;
    for (const { seed, index, violation } of toShrink) {
      if (halted(state)) return;
      try {
        await shrink(state, arbitrary, seed, index, violation);
      } catch (error) {
        warnings.push(
          `${state.operation.id}: shrinking failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /**
   * Replays the failing run of the property from its seed and path and lets fast-check shrink it.
   * The predicate fails only when the same check reports the same fingerprint again, so shrinking
   * cannot drift to another bug; a bounded number of requests is spent on it.
   */
  async function shrink(
    state: OperationState,
    arbitrary: fc.Arbitrary<HttpRequest>,
    seed: number,
    index: number,
    target: Violation,
  ): Promise<void> {
    let budget = options.shrinkBudget ?? 200;
    let first = true;
    let reproduced = false;
    let last: { request: HttpRequest; outcome: SendOutcome; violation: Violation } | undefined;
    const property = fc.asyncProperty(arbitrary, async (generated) => {
      const isFirst = first;
      first = false;
      if (budget <= 0 || halted(state) || (!isFirst && !reproduced)) return true;
      budget -= 1;
      const request = withCredentials(generated, credentials, api, state.operation);
      const outcome = await sendRaw(state, request);
      const match = sameBug(violationsOrEmpty(state, request, outcome), target);
      if (match === undefined) return true;
      if (isFirst) reproduced = true;
      last = { request, outcome, violation: match };
      return false;
    });
    const details = await fc.check(property, { seed, path: String(index), numRuns: 1 });
    if (!details.failed || last === undefined || details.counterexamplePath === null) return;
    const shrunk = failureOf(state, last.violation, last.request, last.outcome, {
      seed,
      path: details.counterexamplePath,
    });
    book.replace({ ...shrunk, shrunk: true });
  }

  function violationsOrEmpty(state: OperationState, request: HttpRequest, outcome: SendOutcome): Violation[] {
    try {
      return violationsOf(state, request, outcome);
    } catch {
      return [];
    }
  }

  /**
   * Walks and probes, sent one after the other (each depends on the last), then the sequence
   * checks over all of them. A sequence failure is shown with the request that started the
   * sequence, which replays it.
   */
  async function listPhase(state: OperationState): Promise<void> {
    const seed = phaseSeed(options.seed, state.operation.id, 'list');
    const send = async (request: HttpRequest): Promise<Exchange | undefined> => {
      const sent = withCredentials(request, credentials, api, state.operation);
      const outcome = await sendRaw(state, sent);
      record(state, violationsOf(state, sent, outcome), sent, outcome, { seed });
      progress();
      if (outcome.kind !== 'response') return undefined;
      collectSeenValues(outcome.response, state.operation, state.seen);
      return { operation: state.operation, request: sent, response: outcome.response };
    };
    const exchanges = await kit.listSequence(
      state.operation,
      () => snapshot(state.seen),
      send,
      () => halted(state),
      state.accepted,
    );
    const head = exchanges[0];
    if (head === undefined) return;
    const outcome: SendOutcome = {
      kind: 'response',
      sent: describeSent(head.request, transport),
      response: head.response,
      attempts: 1,
    };
    for (const check of kit.sequenceChecks) {
      state.checks.add(check.id);
      record(
        state,
        safeVerify(check.id, () => check.verify(exchanges)),
        head.request,
        outcome,
        { seed },
      );
    }
  }

  async function authPhase(state: OperationState, base: HttpRequest): Promise<void> {
    if (!requiresAuth(state.operation)) return;
    const probes = authProbes(api, state.operation, withCredentials(base, credentials, api, state.operation));
    const outcomes = probes.map((probe) => sendRaw(state, probe));
    const seed = phaseSeed(options.seed, state.operation.id, 'auth');
    for (let index = 0; index < probes.length; index++) {
      const outcome = await outcomes[index]!;
      record(state, violationsOf(state, probes[index]!, outcome), probes[index]!, outcome, { seed });
      progress();
    }
  }

  const results: OperationResult[] = [];
  for (const operation of options.operations) {
    if (stopped()) {
      // Listed, so a report of a cut run shows what was never tested.
      results.push(
        skippedOperationResult(operation, 'not reached: the run was interrupted or ran out of time'),
      );
      continue;
    }
    current = `${operation.method} ${operation.path}`;
    const state: OperationState = {
      operation,
      checks: new Set(),
      cancel: new AbortController(),
      consecutiveFaults: 0,
      seen: new Map(),
      result: emptyOperationResult(operation),
    };
    const opStarted = performance.now();
    const examples = generated(operation, 'examples', () => kit.exampleRequests(operation));
    const exampleSeed = phaseSeed(options.seed, operation.id, 'example');
    await sendBatch(state, examples, () => ({ seed: exampleSeed }));
    if (!halted(state)) {
      const coverageSeed = phaseSeed(options.seed, operation.id, 'coverage');
      await sendBatch(
        state,
        generated(operation, 'coverage', () => kit.coverageRequests(operation)),
        () => ({ seed: coverageSeed }),
      );
    }
    if (!halted(state)) await guarded(state, 'positive phase', () => fuzz(state, 'positive'));
    if (!halted(state)) await guarded(state, 'negative phase', () => fuzz(state, 'negative'));
    if (!halted(state) && operation.list !== undefined)
      await guarded(state, 'list phase', () => listPhase(state));
    if (!halted(state)) {
      const base = examples[0] ?? bareRequest(operation) ?? baseRequest(operation, kit, state.seen);
      if (base !== undefined) await authPhase(state, base);
    }
    state.result.checks = [...state.checks].sort();
    state.result.durationMs = Math.round(performance.now() - opStarted);
    if (stopped()) state.result.skipped ??= 'stopped early: the run was interrupted or ran out of time';
    results.push(state.result);
    operationsDone += 1;
    progress();
  }

  const failures = book
    .list()
    .sort(
      (a, b) =>
        compare(a.operationId, b.operationId) ||
        compare(a.check, b.check) ||
        compare(a.fingerprint, b.fingerprint),
    );
  for (const result of results) result.failures = book.countFor(result.operationId);
  return { operations: results, failures, requests, aborted: stopped(), warnings, specWarnings };
}

/**
 * The operation with no parameters at all, when it needs none: the plainest base for auth probes, so
 * a refusal can only be about the credentials.
 */
function bareRequest(operation: Operation): HttpRequest | undefined {
  if (operation.requestBody?.required === true || operation.parameters.some((p) => p.required))
    return undefined;
  return {
    method: operation.method,
    path: operation.path,
    query: '',
    headers: {},
    operationId: operation.id,
    mode: 'auth',
  };
}

/** One valid request for the operation, for the auth probes when the spec has no example. */
function baseRequest(operation: Operation, kit: EngineKit, seen: SeenPool): HttpRequest | undefined {
  try {
    return fc.sample(kit.requestArbitrary(operation, 'positive', snapshot(seen)), { seed: 0, numRuns: 1 })[0];
  } catch {
    return undefined;
  }
}

function sameBug(violations: readonly Violation[], target: Violation): Violation | undefined {
  return violations.find((v) => v.check === target.check && v.fingerprint === target.fingerprint);
}

/** Characters of a response body a failure keeps: reports show 4 KiB, and many failures must fit in memory. */
const keptBodyChars = 64 * 1024;

function received(response: ReceivedResponse): ReceivedResponse {
  const cut = response.body.length > keptBodyChars;
  return {
    status: response.status,
    headers: response.headers,
    body: cut ? response.body.slice(0, keptBodyChars) : response.body,
    truncated: response.truncated || cut,
    durationMs: response.durationMs,
  };
}

function describeSent(request: HttpRequest, transport: Transport) {
  const sent: { method: HttpRequest['method']; url: string; headers: Record<string, string>; body?: string } =
    {
      method: request.method,
      url: transport.urlOf(request),
      headers: request.headers,
    };
  if (request.body !== undefined) {
    sent.body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  }
  return sent;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
