import { AssayError } from '@assay/model';
import type { AssayConfig, LoadedConfig } from './assay-config.js';
import { parseConfigText } from './parse-config-text.js';
import { readConfigFile } from './read-config-file.js';

/** What names the config when it is given as a value rather than a file. */
const VALUE_NAME = 'the config option';

/**
 * A config for library callers: a file path or URL, read like `--config`, or the file's content as
 * an object, checked by the same reader (every key, `${VAR}` substitution, one-line errors naming
 * the key). Relative paths in an object (spec, plugins, reports) are resolved against `cwd`.
 */
export async function configFromValue(
  value: string | URL | AssayConfig,
  context: { cwd: string; env: Readonly<Record<string, string | undefined>> },
): Promise<LoadedConfig> {
  if (typeof value === 'string') return readConfigFile(value, context);
  if (value instanceof URL) {
    if (value.protocol !== 'file:') {
      throw new AssayError('config', `${value.href}: a config file must be a local file`);
    }
    return readConfigFile(value.pathname, context);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AssayError('config', `${VALUE_NAME}: expected a file path or an object of config keys`);
  }
  // Pretty JSON, so that a problem's line and column point into something a reader can relate to.
  const text = JSON.stringify(value, null, 2);
  const { config, positions, unresolvedTargets } = parseConfigText(text, VALUE_NAME, context.env);
  return { path: context.cwd, shown: VALUE_NAME, dir: context.cwd, config, positions, unresolvedTargets };
}
