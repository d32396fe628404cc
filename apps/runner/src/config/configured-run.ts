import type { LoadedPlugins } from './load-plugins.js';
import type { OperationPlan } from './plan-operations.js';

/** What a config file adds to a run beyond its options: per-operation settings and plugins. */
export interface ConfiguredRun {
  plan: OperationPlan;
  plugins: LoadedPlugins;
}
