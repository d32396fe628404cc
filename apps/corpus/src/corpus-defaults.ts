import type { CheckSpecOptions } from './check-spec.js';

/** How the corpus runs each spec, the same in CI's sample and in `npm run corpus`. */
export const corpusDefaults = {
  check: { seed: 1, maxExamples: 5, timeBudgetSeconds: 60, killAfterMs: 240_000 } satisfies CheckSpecOptions,
  /** CI's fixed sample: how many specs, and the size above which a spec is left to the full run. */
  sampleSize: 200,
  sampleMaxBytes: 1_000_000,
};
