import { stableHash } from '../_internals/stable-hash.js';

/**
 * The fast-check seed of one generation phase of one operation: derived from the run seed, the
 * operation id and the phase, so selecting, sharding or reordering operations never changes the
 * requests an operation gets for a given run seed.
 */
export function phaseSeed(runSeed: number, operationId: string, phase: string): number {
  return stableHash(`${runSeed >>> 0}\u0000${operationId}\u0000${phase}`) | 0;
}

/** The seed of the `chunk`-th block of generated requests of a phase (chunk 0 uses the phase seed). */
export function chunkSeed(phase: number, chunk: number): number {
  return chunk === 0 ? phase : stableHash(`${phase >>> 0}\u0000${chunk}`) | 0;
}
