import type {
  ApiModel,
  ApiResource,
  HttpRequest,
  HttpResponse,
  JsonSchema,
  Operation,
  ResourceStep,
  StatefulCheck,
  Violation,
} from '@assay/model';
import fc from 'fast-check';
import {
  itemRequest,
  type ResourceModel,
  type ResourcePlan,
  type ResourceSystem,
  requiredOnly,
  resourceCommands,
} from './resource-commands.js';
import { volatileProperties } from './volatile-properties.js';

/** What the stateful phase needs for one resource. */
export interface StatefulRunOptions {
  api: ApiModel;
  resource: ApiResource;
  checks: readonly StatefulCheck[];
  /** Sends a request (relative to the base URL; credentials are the sender's business). */
  send(request: HttpRequest): Promise<HttpResponse | undefined>;
  /** Positive requests of an operation: the bodies of creates, replaces and patches. */
  requests(operation: Operation): fc.Arbitrary<HttpRequest>;
  /** The project's validator. */
  isValid(schema: JsonSchema, value: unknown): boolean;
  seed: number;
  /** Sequences tried per search (default 100). */
  numRuns?: number;
  /** Commands per sequence at most (default 10). */
  maxCommands?: number;
  basePath: string;
  /** Extra top-level properties the server may change on its own (config), on top of the spec's readOnly ones. */
  volatile?: readonly string[];
  /** False when the checks cannot be sure (eventual consistency declared): they then say nothing. */
  certain?: boolean;
  isAborted?: () => boolean;
}

/** One bug a sequence showed: the check, its violation and the (shrunk) sequence of steps. */
export interface StatefulFinding {
  check: string;
  violation: Violation;
  /** The steps of the shortest failing sequence found, in order. */
  steps: ResourceStep[];
  /** The index of the step that shows the violation. */
  failingStep: number;
  /** How many times fast-check made the sequence shorter or simpler. */
  shrinks: number;
}

/** What the stateful phase did on one resource. */
export interface StatefulOutcome {
  resource: ApiResource;
  findings: StatefulFinding[];
  /** Sequences run (shrinking replays included). */
  sequences: number;
  requests: number;
  /** Created resources the phase could not delete afterwards (`METHOD path → status`, or why). */
  uncleaned: string[];
  /** Why the phase did not run on this resource, when it did not. */
  skipped?: string;
}

/**
 * The stateful phase on one resource: model-based sequences of create, list, read, replace, patch
 * and delete (fast-check commands with preconditions over what exists), each judged by the
 * stateful checks as a whole. A failing sequence is shrunk to the shortest one that still fails
 * the same check; then the search goes on for the other checks. The same seed gives the same
 * sequences. After every sequence, each resource it created and did not delete is deleted where
 * the API has a DELETE; what could not be is reported.
 */
export async function runStateful(options: StatefulRunOptions): Promise<StatefulOutcome> {
  const { api, resource } = options;
  const byId = (id: string | undefined) =>
    id === undefined ? undefined : api.operations.find((operation) => operation.id === id);
  const plan: ResourcePlan = {
    resource,
    basePath: options.basePath,
    requests: options.requests,
    isValid: options.isValid,
  };
  for (const role of ['create', 'list', 'read', 'replace', 'patch', 'delete'] as const) {
    const operation = byId(resource[role]);
    if (operation !== undefined) plan[role] = operation;
  }
  const outcome: StatefulOutcome = { resource, findings: [], sequences: 0, requests: 0, uncleaned: [] };
  if (/\{/.test(resource.collection)) {
    outcome.skipped = `${resource.collection} is nested under a path parameter, which the stateful phase does not fill`;
    return outcome;
  }
  if (plan.create === undefined) {
    outcome.skipped = `${resource.collection} has no create operation`;
    return outcome;
  }
  let commands: ReturnType<typeof resourceCommands>;
  try {
    commands = resourceCommands(plan);
  } catch (error) {
    outcome.skipped = `its requests cannot be generated: ${(error as Error).message}`;
    return outcome;
  }
  // The cleanup DELETE carries what the operation requires (a query parameter, a header).
  const deleteTemplate =
    plan.delete === undefined
      ? undefined
      : fc
          .sample(plan.requests(plan.delete), { seed: options.seed, numRuns: 1 })
          .map((request) => requiredOnly(plan.delete as Operation, request))[0];
  const volatile = [...volatileProperties(api, plan), ...(options.volatile ?? [])];
  const send = async (request: HttpRequest) => {
    outcome.requests += 1;
    return options.send(request);
  };

  const found = new Set<string>();
  for (let round = 0; round < options.checks.length && options.isAborted?.() !== true; round++) {
    const checks = options.checks.filter((check) => !found.has(check.id));
    let target: string | undefined;
    let last: { steps: ResourceStep[]; violation: Violation; step: number } | undefined;
    const property = fc.asyncProperty(
      fc.commands(commands, { maxCommands: options.maxCommands ?? 10, size: 'max' }),
      async (sequence) => {
        if (options.isAborted?.() === true) return true;
        outcome.sequences += 1;
        const system: ResourceSystem = { send, steps: [], created: new Set() };
        await fc.asyncModelRun(
          () => ({ model: { alive: [], gone: [] } as ResourceModel, real: system }),
          sequence,
        );
        outcome.uncleaned.push(...(await cleanUp(plan, system, deleteTemplate)));
        const trace = { resource, steps: system.steps, volatile, certain: options.certain ?? true };
        for (const check of checks) {
          if (target !== undefined && check.id !== target) continue;
          const [first] = check.verify(trace);
          if (first === undefined) continue;
          target = check.id;
          last = { steps: system.steps, violation: first.violation, step: first.step };
          return false;
        }
        return true;
      },
    );
    const result = await fc.check(property, { seed: options.seed + round, numRuns: options.numRuns ?? 100 });
    const failure = last as { steps: ResourceStep[]; violation: Violation; step: number } | undefined;
    if (!result.failed || target === undefined || failure === undefined) break;
    found.add(target);
    outcome.findings.push({
      check: target,
      violation: failure.violation,
      // The checks are causal (a step's verdict reads only the steps before it), so the steps after
      // the failing one are not part of the reproduction.
      steps: failure.steps.slice(0, failure.step + 1),
      failingStep: failure.step,
      shrinks: result.numShrinks,
    });
  }
  return outcome;
}

/** Deletes what a sequence created and did not delete; returns what could not be deleted. */
async function cleanUp(
  plan: ResourcePlan,
  system: ResourceSystem,
  template?: HttpRequest,
): Promise<string[]> {
  const remove = plan.delete;
  const left: string[] = [];
  for (const id of system.created) {
    const path = plan.resource.item.replace(`{${plan.resource.idParam}}`, encodeURIComponent(id));
    if (remove === undefined) {
      left.push(`${path}: the API has no DELETE for it`);
      continue;
    }
    const response = await system.send(itemRequest(plan, remove, id, template));
    const status = response?.status;
    if (status === undefined) left.push(`DELETE ${path}: no response`);
    else if ((status < 200 || status >= 300) && status !== 404 && status !== 410)
      left.push(`DELETE ${path} → ${status}`);
  }
  return left;
}
