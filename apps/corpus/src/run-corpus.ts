import { type CheckSpecOptions, checkSpec, type SpecOutcome } from './check-spec.js';
import type { DirectorySpec } from './directory-specs.js';

/** Options of {@link runCorpus}. */
export interface RunCorpusOptions extends CheckSpecOptions {
  /** Specs checked at once, each in its own process (one per core is right). */
  concurrency: number;
  /** Called as each spec finishes, in finishing order. */
  onOutcome?: (outcome: SpecOutcome, done: number, total: number) => void;
}

/** Checks every spec against Assay's own mock of it, `concurrency` at a time; outcomes in input order. */
export async function runCorpus(
  specs: readonly DirectorySpec[],
  options: RunCorpusOptions,
): Promise<SpecOutcome[]> {
  const outcomes: SpecOutcome[] = new Array(specs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < specs.length) {
      const index = next++;
      const outcome = await checkSpec(specs[index] as DirectorySpec, options);
      outcomes[index] = outcome;
      done += 1;
      options.onOutcome?.(outcome, done, specs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return outcomes;
}
