import type { ApiModel, Exchange, HttpRequest, Operation, Violation } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import type { SendOutcome, Transport } from '../transport/create-transport.js';
import { authProbes, type Credentials, requiresAuth, withCredentials } from './credentials.js';
import type { EngineKit, SeenValues } from './engine-kit.js';
import { FailureBook } from './failure-book.js';
import { phaseSeed } from './phase-seed.js';
import type { Failure, OperationResult, ReceivedResponse, RunProgress } from './run-result.js';
import { collectSeenValues } from './seen-values.js';

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
  /** Requests a single shrink may send (default 200). */
  shrinkBudget?: number;
  /** Aborts the run: time budget or SIGINT. Results gathered so far are returned. */
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
}

/** What the engine found. */
export interface EngineOutcome {
  operations: OperationResult[];
  failures: Failure[];
  requests: number;
  aborted: boolean;
}

interface OperationState {
  operation: Operation;
  result: OperationResult;
  checks: Set<string>;
}

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
  const seen: SeenValues = new Map();
  const started = performance.now();
  let requests = 0;
  let operationsDone = 0;
  let anyResponse = false;

  const progress = () =>
    options.onProgress?.({
      operationsDone,
      operationsTotal: options.operations.length,
      requests,
      failures: book.size,
      elapsedMs: performance.now() - started,
    });

  /** Sends a request exactly as given (credentials already decided). */
  async function sendRaw(state: OperationState, request: HttpRequest): Promise<SendOutcome> {
    const outcome = await transport.send(request);
    requests += outcome.attempts;
    state.result.requests += outcome.attempts;
    if (outcome.kind === 'response') {
      anyResponse = true;
      state.result.latenciesMs.push(outcome.response.durationMs);
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
    const exchange: Exchange = { operation: state.operation, request, response: outcome.response };
    const found: Violation[] = [];
    for (const check of kit.checks) {
      state.checks.add(check.id);
      found.push(...safeVerify(check.id, () => check.verify(exchange)));
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

  /** Records violations; returns the ones that are new bugs. */
  function record(
    state: OperationState,
    violations: Violation[],
    request: HttpRequest,
    outcome: SendOutcome,
    origin: { seed: number; path?: string },
  ): Violation[] {
    const fresh: Violation[] = [];
    for (const violation of violations) {
      if (book.record(failureOf(state, violation, request, outcome, origin))) fresh.push(violation);
    }
    return fresh;
  }

  /** Sends a batch with credentials, handles outcomes in generation order. */
  async function sendBatch(
    state: OperationState,
    batch: readonly HttpRequest[],
    origin: (index: number) => { seed: number; path?: string },
    onFresh?: (index: number, violation: Violation) => void,
  ): Promise<void> {
    const prepared = batch.map((request) => withCredentials(request, credentials));
    const outcomes = prepared.map((request) => sendRaw(state, request));
    for (let index = 0; index < prepared.length; index++) {
      const outcome = await outcomes[index]!;
      const request = prepared[index]!;
      const violations = violationsOf(state, request, outcome);
      if (outcome.kind === 'response') collectSeenValues(outcome.response, state.operation, seen);
      for (const violation of record(state, violations, request, outcome, origin(index)))
        onFresh?.(index, violation);
      progress();
    }
  }

  async function fuzz(state: OperationState, mode: 'positive' | 'negative'): Promise<void> {
    let arbitrary: fc.Arbitrary<HttpRequest>;
    try {
      arbitrary = kit.requestArbitrary(state.operation, mode, new Map(seen));
    } catch (error) {
      if (AssayError.is(error) && error.code === 'generation') return;
      throw error;
    }
    const seed = phaseSeed(options.seed, state.operation.id, mode);
    const batch =
      options.maxExamples === 0 ? [] : fc.sample(arbitrary, { seed, numRuns: options.maxExamples });
    const toShrink: Array<{ index: number; violation: Violation }> = [];
    await sendBatch(
      state,
      batch,
      (index) => ({ seed, path: String(index) }),
      (index, violation) => toShrink.push({ index, violation }),
    );
    if (!options.shrink) return;
    for (const { index, violation } of toShrink) {
      if (signal?.aborted) return;
      await shrink(state, arbitrary, seed, index, violation);
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
      if (budget <= 0 || signal?.aborted || (!isFirst && !reproduced)) return true;
      budget -= 1;
      const request = withCredentials(generated, credentials);
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

  async function listPhase(state: OperationState): Promise<void> {
    const seed = phaseSeed(options.seed, state.operation.id, 'list');
    for (const plan of kit.listPlans(state.operation, new Map(seen))) {
      if (signal?.aborted) return;
      const exchanges: Exchange[] = [];
      let request: HttpRequest | undefined = plan.start;
      while (request !== undefined && exchanges.length < plan.maxRequests && !signal?.aborted) {
        const sent = withCredentials(request, credentials);
        const outcome = await sendRaw(state, sent);
        record(state, violationsOf(state, sent, outcome), sent, outcome, { seed });
        progress();
        if (outcome.kind !== 'response') break;
        collectSeenValues(outcome.response, state.operation, seen);
        exchanges.push({ operation: state.operation, request: sent, response: outcome.response });
        request = plan.next(exchanges);
      }
      const last = exchanges.at(-1);
      if (last === undefined) continue;
      for (const check of kit.sequenceChecks) {
        state.checks.add(check.id);
        const violations = safeVerify(check.id, () => check.verify(exchanges));
        const outcome: SendOutcome = {
          kind: 'response',
          sent: describeSent(last.request, transport),
          response: last.response,
          attempts: 1,
        };
        record(state, violations, last.request, outcome, { seed });
      }
    }
  }

  async function authPhase(state: OperationState, base: HttpRequest): Promise<void> {
    if (!requiresAuth(state.operation)) return;
    const probes = authProbes(api, state.operation, withCredentials(base, credentials));
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
    if (signal?.aborted) break;
    const state: OperationState = {
      operation,
      checks: new Set(),
      result: {
        operationId: operation.id,
        method: operation.method,
        path: operation.path,
        tags: operation.tags,
        requests: 0,
        failures: 0,
        checks: [],
        latenciesMs: [],
        durationMs: 0,
      },
    };
    const opStarted = performance.now();
    const examples = kit.exampleRequests(operation);
    const exampleSeed = phaseSeed(options.seed, operation.id, 'example');
    await sendBatch(state, examples, () => ({ seed: exampleSeed }));
    if (!signal?.aborted) {
      const coverageSeed = phaseSeed(options.seed, operation.id, 'coverage');
      await sendBatch(state, kit.coverageRequests(operation), () => ({ seed: coverageSeed }));
    }
    if (!signal?.aborted) await fuzz(state, 'positive');
    if (!signal?.aborted) await fuzz(state, 'negative');
    if (!signal?.aborted && operation.list !== undefined) await listPhase(state);
    if (!signal?.aborted) {
      const base = examples[0] ?? baseRequest(operation, kit, seen);
      if (base !== undefined) await authPhase(state, base);
    }
    state.result.checks = [...state.checks].sort();
    state.result.durationMs = performance.now() - opStarted;
    if (signal?.aborted) state.result.skipped = 'stopped early: the run was interrupted or ran out of time';
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
  return { operations: results, failures, requests, aborted: signal?.aborted === true };
}

/** One valid request for the operation, for the auth probes when the spec has no example. */
function baseRequest(operation: Operation, kit: EngineKit, seen: SeenValues): HttpRequest | undefined {
  try {
    return fc.sample(kit.requestArbitrary(operation, 'positive', new Map(seen)), { seed: 0, numRuns: 1 })[0];
  } catch {
    return undefined;
  }
}

function sameBug(violations: readonly Violation[], target: Violation): Violation | undefined {
  return violations.find((v) => v.check === target.check && v.fingerprint === target.fingerprint);
}

/** A check that throws is a bug in Assay: it must not end the run, nor pass for a finding. */
function safeVerify(id: string, verify: () => Violation[]): Violation[] {
  try {
    return verify();
  } catch (error) {
    process.emitWarning(`check ${id} threw: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

function received(response: ReceivedResponse): ReceivedResponse {
  return {
    status: response.status,
    headers: response.headers,
    body: response.body,
    truncated: response.truncated,
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
