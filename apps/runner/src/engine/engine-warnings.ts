import type { Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import type { RunContext } from './run-context.js';

/** The message of anything thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A `generation` error while drawing requests means the spec asks for what no value can be (e.g.
 * overlapping `oneOf` branches): a problem of the spec, said once per operation and phase, not a
 * bug in Assay. Returns false for any other error, which is one.
 */
export function reportSpecProblem(
  run: RunContext,
  operation: Operation,
  phase: string,
  error: unknown,
): boolean {
  if (!AssayError.is(error) || error.code !== 'generation') return false;
  const prefix = `${operation.id}: ${phase} requests could not be generated`;
  if (!run.specWarnings.some((w) => w.startsWith(prefix))) {
    const at = error.details.pointer === undefined ? '' : ` (schema at ${error.details.pointer})`;
    run.specWarnings.push(`${prefix}: ${error.message}${at}`);
  }
  return true;
}

/** A check that throws is a bug in Assay: it must not end the run, nor pass for a finding. Said once. */
export function reportCheckThrew(run: RunContext, id: string, error: unknown): void {
  const message = `check ${id} threw: ${errorText(error)}`;
  if (!run.warnings.includes(message)) run.warnings.push(message);
}

/** Something of one operation Assay failed to do (a phase, a generator, a shrink that threw). */
export function reportFailed(run: RunContext, operation: Operation, what: string, error: unknown): void {
  run.warnings.push(`${operation.id}: ${what} failed: ${errorText(error)}`);
}

/**
 * A generator that threw on one chunk of a phase: said once per operation and phase (the first
 * chunk's seed replays it), and testing goes on with the next chunk.
 */
export function reportChunkFailed(
  run: RunContext,
  operation: Operation,
  phase: string,
  seed: number,
  error: unknown,
): void {
  const prefix = `${operation.id}: ${phase} generation failed`;
  if (!run.warnings.some((w) => w.startsWith(prefix))) {
    run.warnings.push(`${prefix} (seed ${seed}): ${errorText(error)}`);
  }
}
