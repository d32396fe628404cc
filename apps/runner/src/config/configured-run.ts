import type { Operation } from '@assay/model';
import type { LoadedPlugins } from './load-plugins.js';
import type { OperationPlan } from './plan-operations.js';

/** What a config file adds to a run beyond its options: per-operation settings and plugins. */
export interface ConfiguredRun {
  plan: OperationPlan;
  plugins: LoadedPlugins;
  /**
   * The operations whose parameters the file narrowed, as the spec describes them: negative
   * requests are made from these, since a value the spec allows is no invalid input, even when the
   * file fixed another one.
   */
  unnarrowed: ReadonlyMap<string, Operation>;
}
