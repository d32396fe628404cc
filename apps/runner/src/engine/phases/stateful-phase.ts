import {
  AssayError,
  type HttpRequest,
  type HttpResponse,
  type Operation,
  type ResourceStep,
  serverBasePath,
} from '@assay/model';
import { runStateful, type StatefulFinding } from '../../stateful/run-stateful.js';
import { withCredentials } from '../credentials.js';
import { reportPhaseFailed, reportPhaseSkipped, reportSpecProblem } from '../engine-warnings.js';
import { transmit } from '../exchange/transmit.js';
import { isHalted, type OperationContext, operationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';
import { isStopped, type RunContext } from '../run-context.js';
import type { Failure, OperationResult, SentRequest, SequenceStep } from '../run-result.js';

/** What the stateful phase did, for the run's result. */
export interface StatefulPhaseOutcome {
  /** Created resources that could not be deleted afterwards, with the reason. */
  uncleaned: string[];
}

/**
 * The stateful phase, after every operation ran: for each resource of the API whose create is
 * among the run's operations (so only with `--unsafe`, which alone selects a POST), model-based
 * sequences of create, list, read, replace, patch and delete, judged by the stateful checks and
 * shrunk to the shortest failing sequence (`stateful/run-stateful.ts`). Requests go through the
 * transport with the run's credentials and count towards the operation they call; the exchange
 * checks do not judge them (a read after a delete is meant to get 404). Each finding becomes a
 * failure of the operation whose step showed it, carrying the whole sequence. Same seed, same
 * sequences.
 *
 * @throws AssayError `target-unreachable`
 */
export async function statefulPhase(
  run: RunContext,
  results: readonly OperationResult[],
): Promise<StatefulPhaseOutcome> {
  const { api, kit, credentials, operations } = run.options;
  const checks = kit.statefulChecks ?? [];
  const outcome: StatefulPhaseOutcome = { uncleaned: [] };
  const selected = new Set(operations.map((operation) => operation.id));
  const resources = (api.resources ?? []).filter((r) => r.create !== undefined && selected.has(r.create));
  if (checks.length === 0 || resources.length === 0) return outcome;
  const contexts = new Map<string, OperationContext>();
  const contextOf = (operation: Operation): OperationContext => {
    let op = contexts.get(operation.id);
    if (op === undefined) {
      op = operationContext(run, operation);
      contexts.set(operation.id, op);
    }
    return op;
  };
  const byId = new Map(api.operations.map((operation) => [operation.id, operation]));
  const sent = new WeakMap<HttpResponse, SentRequest>();
  for (const resource of resources) {
    if (isStopped(run)) break;
    const create = byId.get(resource.create as string) as Operation;
    run.current = `stateful ${resource.collection}`;
    const seed = phaseSeed(run.options.seed, resource.collection, 'stateful');
    let result: Awaited<ReturnType<typeof runStateful>>;
    try {
      result = await runStateful({
        api,
        resource,
        checks,
        seed,
        // Sequences per search follow --max-examples (four per example, 10 to 100): a sequence is a
        // handful of requests, and a bug that needs create, patch and read in a row must be met.
        numRuns: Math.min(100, Math.max(10, run.options.maxExamples * 4)),
        basePath: serverBasePath(api.servers[0]),
        isValid: kit.isValid ?? (() => false),
        requests: (operation) => kit.requestArbitrary(operation, 'positive', {}),
        isAborted: () => isHalted(contextOf(create)),
        send: async (request: HttpRequest) => {
          const operation = byId.get(request.operationId);
          if (operation === undefined) return undefined;
          const op = contextOf(operation);
          const done = await transmit(op, withCredentials(request, credentials, api, operation));
          if (done.kind !== 'response') return undefined;
          sent.set(done.response, done.sent);
          return done.response;
        },
      });
    } catch (error) {
      // An unreachable target ends the run; a sequence the spec makes impossible to generate is the
      // spec's to fix, anything else is a bug in Assay. Neither ends the run, and neither counts the
      // resource's sequence checks as run.
      if (AssayError.is(error) && error.code === 'target-unreachable') throw error;
      if (!reportSpecProblem(run, create, 'stateful', error))
        reportPhaseFailed(run, create, 'stateful', error);
      continue;
    }
    if (result.skipped !== undefined) {
      reportPhaseSkipped(run, create, 'stateful', result.skipped);
      continue;
    }
    outcome.uncleaned.push(...new Set(result.uncleaned));
    for (const finding of result.findings) {
      const failure = failureOf(finding, seed, sent, byId);
      if (failure !== undefined) run.book.record(failure);
    }
    for (const check of checks) contextOf(create).checks.add(check.id);
  }
  // The phase's requests and checks count towards the operations they called.
  for (const [id, op] of contexts) {
    const result = results.find((r) => r.operationId === id);
    if (result === undefined) continue;
    result.requests += op.result.requests;
    result.checks = [...new Set([...result.checks, ...op.checks])].sort();
  }
  return outcome;
}

/** The failure a finding makes: the failing step's operation, request and response, and the whole sequence. */
function failureOf(
  finding: StatefulFinding,
  seed: number,
  sent: WeakMap<HttpResponse, SentRequest>,
  byId: ReadonlyMap<string, Operation>,
): Failure | undefined {
  const failing = finding.steps[finding.failingStep];
  if (failing === undefined) return undefined;
  const operation = byId.get(failing.exchange.request.operationId) ?? failing.exchange.operation;
  const request = sent.get(failing.exchange.response);
  if (request === undefined) return undefined;
  const response = failing.exchange.response;
  return {
    operationId: operation.id,
    method: operation.method,
    operationPath: operation.path,
    violation: finding.violation,
    mode: failing.exchange.request.mode,
    request,
    response: {
      status: response.status,
      headers: response.headers,
      body: response.body,
      truncated: response.truncated,
      durationMs: response.durationMs,
    },
    seed,
    shrunk: finding.shrinks > 0,
    occurrences: 1,
    sequence: finding.steps.map((step) => sequenceStep(step, sent)),
  };
}

function sequenceStep(step: ResourceStep, sent: WeakMap<HttpResponse, SentRequest>): SequenceStep {
  const request = sent.get(step.exchange.response) ?? {
    method: step.exchange.request.method,
    url: step.exchange.request.path,
    headers: step.exchange.request.headers,
  };
  const note =
    step.action === 'create' && step.id !== undefined
      ? `created ${step.id}`
      : step.action === 'list' && step.walk !== undefined
        ? `walked ${step.walk.ids.length} item${step.walk.ids.length === 1 ? '' : 's'}${step.walk.total === undefined ? '' : `, total ${step.walk.total}`}${step.walk.complete ? '' : ', not to the end'}`
        : undefined;
  return {
    request,
    status: step.exchange.response.status,
    ...(note === undefined ? {} : { note }),
  };
}
