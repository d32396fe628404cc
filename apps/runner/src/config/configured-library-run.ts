import type { ApiModel } from '@assay/model';
import type { LoadedConfig, RunSettings } from './assay-config.js';
import { checkConfiguredCheckIds } from './check-configured-check-ids.js';
import { chosenSettings } from './chosen-settings.js';
import type { ConfiguredRun } from './configured-run.js';
import { knownCheckIds } from './known-check-ids.js';
import { loadConfiguredApi } from './load-configured-api.js';
import { loadPlugins, noPlugins } from './load-plugins.js';

/** A config file applied for a library caller: the API it shapes, what `executeRun` takes, the settings. */
export interface ConfiguredLibraryRun {
  api: ApiModel;
  /** For `executeRun`'s `configured` option. */
  configured: ConfiguredRun;
  /** The file's top level with the chosen target over it; the caller's own options win over these. */
  settings: RunSettings;
  /** The file's `only`: operations and tags to test. */
  only: { operations?: string[]; tags?: string[] };
  target?: string;
}

/**
 * Does for a library caller (such as `@assay/vitest`) what `assay run` does with its config file:
 * chooses the target, loads the spec through the file (list descriptions, fixed parameters),
 * loads the plugins and checks every check id the file names.
 */
export async function configuredLibraryRun(
  source: string,
  loaded: LoadedConfig,
  target?: string,
): Promise<ConfiguredLibraryRun> {
  const chosen = chosenSettings(loaded, target);
  const { api, plan, unnarrowed } = await loadConfiguredApi(source, loaded);
  const plugins = await loadPlugins(loaded, knownCheckIds(api, noPlugins));
  checkConfiguredCheckIds(loaded, knownCheckIds(api, plugins));
  return {
    api,
    configured: { plan, plugins, unnarrowed },
    settings: chosen.merged,
    only: { ...loaded.config.only },
    ...(chosen.name === undefined ? {} : { target: chosen.name }),
  };
}
