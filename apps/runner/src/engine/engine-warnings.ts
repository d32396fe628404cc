import type { Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import type { RunContext } from './run-context.js';
import type { RunWarning } from './run-result.js';

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
  const at = error.details.pointer === undefined ? '' : ` (schema at ${error.details.pointer})`;
  addOnce(run, run.specWarnings, {
    code: 'unsatisfiable-schema',
    operation: operation.id,
    phase,
    message: `${phase} requests could not be generated: ${error.message}${at}`,
  });
  return true;
}

/** A check that throws is a bug in Assay: it must not end the run, nor pass for a finding. Said once. */
export function reportCheckThrew(run: RunContext, id: string, error: unknown): void {
  addOnce(run, run.warnings, { code: 'check-threw', message: `check ${id} threw: ${errorText(error)}` });
}

/** A phase of an operation that threw (a bug in Assay): the rest of the phase is skipped. */
export function reportPhaseFailed(
  run: RunContext,
  operation: Operation,
  phase: string,
  error: unknown,
): void {
  run.warnings.push({
    code: 'phase-failed',
    operation: operation.id,
    phase,
    message: `${phase} phase failed: ${errorText(error)}`,
  });
}

/** A phase that could not run for an operation, and why (a resource the stateful phase cannot drive). */
export function reportPhaseSkipped(
  run: RunContext,
  operation: Operation,
  phase: string,
  reason: string,
): void {
  addOnce(run, run.warnings, {
    code: 'phase-skipped',
    operation: operation.id,
    phase,
    message: `${phase} phase not run: ${reason}`,
  });
}

/** Shrinking that threw (a bug in Assay): the failure keeps its first reproduction. */
export function reportShrinkFailed(run: RunContext, operation: Operation, error: unknown): void {
  run.warnings.push({
    code: 'shrink-failed',
    operation: operation.id,
    message: `shrinking failed: ${errorText(error)}`,
  });
}

/**
 * A generator that threw (a bug in Assay) while building a phase's requests: said once per
 * operation and phase; `seed`, when given, is the first failing chunk's, which replays it.
 */
export function reportGenerationFailed(
  run: RunContext,
  operation: Operation,
  phase: string,
  error: unknown,
  seed?: number,
): void {
  addOnce(run, run.warnings, {
    code: 'generation-failed',
    operation: operation.id,
    phase,
    message: `${phase} generation failed${seed === undefined ? '' : ` (seed ${seed})`}: ${errorText(error)}`,
  });
}

/** Adds a warning unless one with the same code, operation and phase (or message) was said already. */
function addOnce(run: RunContext, list: RunWarning[], warning: RunWarning): void {
  const key = [warning.code, warning.operation ?? '', warning.phase ?? warning.message].join('\u0000');
  if (run.warned.has(key)) return;
  run.warned.add(key);
  list.push(warning);
}
