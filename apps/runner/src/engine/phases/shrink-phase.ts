import type { HttpRequest, Violation } from '@assay/model';
import fc from 'fast-check';
import type { SendOutcome } from '../../transport/create-transport.js';
import { withCredentials } from '../credentials.js';
import { reportShrinkFailed } from '../engine-warnings.js';
import { failureOf } from '../exchange/failure-of.js';
import { judgeOutcome } from '../exchange/judge-outcome.js';
import { transmit } from '../exchange/transmit.js';
import { isHalted, type OperationContext } from '../operation-context.js';

/** A bug met by a generated request: the chunk seed and index that replay it, and what it broke. */
export interface ShrinkCandidate {
  seed: number;
  index: number;
  violation: Violation;
}

/**
 * After a fuzz phase: shrinks each bug it met first (in the order met), replacing the book's
 * reproduction with the smallest request that still shows it. A shrink that throws is a warning;
 * the next one still runs.
 */
export async function shrinkPhase(
  op: OperationContext,
  arbitrary: fc.Arbitrary<HttpRequest>,
  candidates: readonly ShrinkCandidate[],
): Promise<void> {
  for (const candidate of candidates) {
    if (isHalted(op)) return;
    try {
      await shrinkOne(op, arbitrary, candidate);
    } catch (error) {
      reportShrinkFailed(op.run, op.operation, error);
    }
  }
}

/**
 * Replays the failing run of the property from its seed and path and lets fast-check shrink it.
 * The predicate fails only when the same check reports the same fingerprint again, so shrinking
 * cannot drift to another bug; a bounded number of requests is spent on it. Its exchanges are
 * judged but not recorded: they are replays, not new occurrences.
 */
async function shrinkOne(
  op: OperationContext,
  arbitrary: fc.Arbitrary<HttpRequest>,
  { seed, index, violation: target }: ShrinkCandidate,
): Promise<void> {
  const { api, credentials, shrinkBudget } = op.run.options;
  let budget = shrinkBudget ?? 200;
  let first = true;
  let reproduced = false;
  let last: { request: HttpRequest; outcome: SendOutcome; violation: Violation } | undefined;
  const property = fc.asyncProperty(arbitrary, async (generated) => {
    const isFirst = first;
    first = false;
    if (budget <= 0 || isHalted(op) || (!isFirst && !reproduced)) return true;
    budget -= 1;
    const request = withCredentials(generated, credentials, api, op.operation);
    const outcome = await transmit(op, request);
    const match = sameBug(violationsOrEmpty(op, request, outcome), target);
    if (match === undefined) return true;
    if (isFirst) reproduced = true;
    last = { request, outcome, violation: match };
    return false;
  });
  const details = await fc.check(property, { seed, path: String(index), numRuns: 1 });
  if (!details.failed || last === undefined || details.counterexamplePath === null) return;
  const shrunk = failureOf(op, last.violation, last.request, last.outcome, {
    seed,
    path: details.counterexamplePath,
  });
  op.run.book.replace({ ...shrunk, shrunk: true });
}

/** A replay's violations; the unreachable decision does not apply to a replay (it cannot end the run). */
function violationsOrEmpty(op: OperationContext, request: HttpRequest, outcome: SendOutcome): Violation[] {
  try {
    return judgeOutcome(op, request, outcome);
  } catch {
    return [];
  }
}

function sameBug(violations: readonly Violation[], target: Violation): Violation | undefined {
  return violations.find((v) => v.check === target.check && v.fingerprint === target.fingerprint);
}
