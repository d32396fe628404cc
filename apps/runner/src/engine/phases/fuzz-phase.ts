import type { HttpRequest } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { reportGenerationFailed, reportSpecProblem, untestableReason } from '../engine-warnings.js';
import { exchangeBatch } from '../exchange/exchange.js';
import { isHalted, type OperationContext } from '../operation-context.js';
import { chunkSeed, phaseSeed } from '../phase-seed.js';
import { snapshot } from '../seen-values.js';
import { type ShrinkCandidate, shrinkPhase } from './shrink-phase.js';

/** Generated requests per fast-check seed: the unit of generation between abort checks. */
const chunkSize = 50;

/**
 * Phase 3: property-based requests, valid (`positive`) or made invalid (`negative`), `maxExamples`
 * of them, generated chunk by chunk and sent in generation order. The first occurrence of each bug
 * met here is then shrunk ({@link shrinkPhase}) when the run shrinks.
 */
export async function fuzzPhase(op: OperationContext, mode: 'positive' | 'negative'): Promise<void> {
  const options = op.run.options;
  let arbitrary: fc.Arbitrary<HttpRequest>;
  try {
    arbitrary = options.kit.requestArbitrary(op.operation, mode, snapshot(op.seen));
  } catch (error) {
    if (!AssayError.is(error) || error.code !== 'generation') throw error;
    // No valid request at all is the spec's problem, and the operation goes untested: say so. An
    // operation with nothing that can be made invalid simply has no negative phase.
    if (mode === 'positive') {
      reportSpecProblem(op.run, op.operation, mode, error);
      op.result.untestable ??= untestableReason(error);
    }
    return;
  }
  const phase = phaseSeed(options.seed, op.operation.id, mode);
  const toShrink: ShrinkCandidate[] = [];
  const maxExamples = options.maxExamplesFor?.(op.operation) ?? options.maxExamples;
  // A schema no draw can satisfy may only show when drawing: with no valid request drawn at all,
  // the operation is as untestable as when no arbitrary could be built.
  let drawn = false;
  let unsatisfied: AssayError | undefined;
  // Generated chunk by chunk, each from its own seed, so a time budget or Ctrl-C stops generation
  // too, and (seed, index) still replays any request exactly.
  for (let chunk = 0; chunk * chunkSize < maxExamples && !isHalted(op); chunk++) {
    const seed = chunkSeed(phase, chunk);
    const numRuns = Math.min(chunkSize, maxExamples - chunk * chunkSize);
    let batch: HttpRequest[];
    try {
      batch = fc.sample(arbitrary, { seed, numRuns });
    } catch (error) {
      // An unsatisfiable schema is the spec's problem; any other generator that throws is a bug in
      // Assay. Either is said once, and testing goes on with the next chunk.
      if (reportSpecProblem(op.run, op.operation, mode, error)) unsatisfied ??= error as AssayError;
      else reportGenerationFailed(op.run, op.operation, mode, error, seed);
      continue;
    }
    drawn = true;
    // Let timers and signal handlers (SIGINT) run: an in-process target never yields by itself.
    await new Promise((resolve) => setImmediate(resolve));
    const done = await exchangeBatch(op, batch, (index) => ({ seed, path: String(index) }));
    for (let index = 0; index < done.length; index++) {
      for (const violation of done[index]!.shrinkable) toShrink.push({ seed, index, violation });
    }
  }
  if (mode === 'positive' && !drawn && unsatisfied !== undefined)
    op.result.untestable ??= untestableReason(unsatisfied);
  if (options.shrink) await shrinkPhase(op, arbitrary, toShrink);
}
