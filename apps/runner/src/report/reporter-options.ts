import type { Redactor } from './create-redactor.js';

/** Options every reporter takes. */
export interface ReporterOptions {
  /**
   * The run's redactor (from `--auth-bearer` and `--header`). Without one, headers named like
   * credentials are still blanked, but configured secret values are not known.
   */
  redactor?: Redactor;
}
