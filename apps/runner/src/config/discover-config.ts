import type { LoadedConfig } from './assay-config.js';
import { findConfigFile } from './find-config-file.js';
import { readConfigFile } from './read-config-file.js';

/**
 * The config file of a command, read and checked: the one named (`--config`), else
 * `assay.config.yaml`/`.yml`/`.json` in `cwd`; undefined when there is none.
 */
export async function discoverConfig(context: {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  explicit?: string;
}): Promise<LoadedConfig | undefined> {
  const path = await findConfigFile(context.cwd, context.explicit);
  return path === undefined ? undefined : readConfigFile(path, context);
}
