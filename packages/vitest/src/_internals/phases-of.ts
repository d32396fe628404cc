import type { GenerationMode, Operation } from '@assay/model';

/** One vitest test of an operation: the engine phase it reports and the request modes that phase sends. */
export interface PhaseTest {
  /** The test's name, e.g. `positive requests`. */
  title: string;
  /** The modes of the requests whose failures this test shows. */
  modes: ReadonlySet<GenerationMode>;
  /** The phase name the engine's warnings carry. */
  phase: string;
}

const always: readonly PhaseTest[] = [
  { title: 'examples', modes: new Set(['example']), phase: 'examples' },
  { title: 'coverage cases', modes: new Set(['coverage']), phase: 'coverage' },
  { title: 'positive requests', modes: new Set(['positive']), phase: 'positive' },
  { title: 'negative requests', modes: new Set(['negative']), phase: 'negative' },
];
const list: PhaseTest = {
  title: 'list walks and query probes',
  modes: new Set(['pagination']),
  phase: 'list',
};
const auth: PhaseTest = { title: 'missing and wrong credentials', modes: new Set(['auth']), phase: 'auth' };

/**
 * The tests registered for an operation, in the engine's phase order: the list phase only for a list
 * operation, the auth phase only when every security alternative needs credentials (an operation that
 * also allows anonymous access has nothing to reject).
 */
export function phasesOf(operation: Operation): PhaseTest[] {
  const tests = [...always];
  if (operation.list !== undefined) tests.push(list);
  const secured = operation.security.length > 0 && operation.security.every((r) => Object.keys(r).length > 0);
  if (secured) tests.push(auth);
  return tests;
}
