import type { RunOptions } from '../cli/run-options.js';
import type { LoadedConfig } from './assay-config.js';
import { discoverConfig } from './discover-config.js';
import { mergeRunOptions } from './merge-run-options.js';

/** A run's options with its config file (if any) merged in. */
export interface ConfiguredRunOptions {
  options: RunOptions;
  /** The file used; absent when there is none. */
  config?: LoadedConfig;
  target?: string;
}

/**
 * Finds the run's config file (`--config`, else `assay.config.yaml`/`.yml`/`.json` in `cwd`),
 * reads it with `${VAR}` substituted from `env`, and merges it under the command line.
 */
export async function configureRun(
  flags: RunOptions,
  context: { cwd: string; env: Readonly<Record<string, string | undefined>> },
): Promise<ConfiguredRunOptions> {
  const config = await discoverConfig({
    ...context,
    ...(flags.config === undefined ? {} : { explicit: flags.config }),
  });
  const merged = mergeRunOptions(flags, config);
  return {
    options: merged.options,
    ...(config === undefined ? {} : { config }),
    ...(merged.target === undefined ? {} : { target: merged.target }),
  };
}
