import { authPhase } from './auth-phase.js';
import { coveragePhase } from './coverage-phase.js';
import { examplesPhase } from './examples-phase.js';
import { fuzzPhase } from './fuzz-phase.js';
import { listPhase } from './list-phase.js';
import type { NamedPhase } from './phase.js';

/**
 * The phases every operation goes through, in order. A phase skips itself when it does not apply
 * (the list phase on an operation that is not a list, the auth phase on one that needs no auth). To
 * add a phase: write it as a {@link Phase} in its own file beside these and list it here; the order
 * is part of what a seed replays (later phases read the seen values and accepted request of earlier
 * ones).
 */
export const operationPhases: readonly NamedPhase[] = [
  { name: 'examples', run: examplesPhase },
  { name: 'coverage', run: coveragePhase },
  { name: 'positive', run: (op) => fuzzPhase(op, 'positive') },
  { name: 'negative', run: (op) => fuzzPhase(op, 'negative') },
  { name: 'list', run: listPhase },
  { name: 'auth', run: authPhase },
];
