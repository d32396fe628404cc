import { AssayError } from '@assay/model';
import { mergedAuth } from './_internals/merged-auth.js';
import { nearestKey } from './_internals/nearest-key.js';
import type { LoadedConfig, RunSettings } from './assay-config.js';

/** The run settings of a config file once the target is chosen. */
export interface ChosenSettings {
  /** The name of the target used (`--target`, else the file's `target`); absent when none is. */
  name?: string;
  /** The chosen target's own settings (`{}` without a target). */
  target: RunSettings;
  /** The top level with the target over it: headers merged by name, auth kind by kind. */
  merged: RunSettings;
}

/**
 * Picks the file's target (`--target` wins over the file's `target:`) and lays it over the top
 * level. An unknown target suggests the nearest name; a target whose `${VAR}`s are not all set is
 * an error only now that it is chosen.
 */
export function chosenSettings(loaded: LoadedConfig, flag: string | undefined): ChosenSettings {
  const { config } = loaded;
  const name = flag ?? config.target;
  let target: RunSettings = {};
  if (name !== undefined) {
    const names = Object.keys(config.targets ?? {});
    const found = config.targets?.[name];
    if (found === undefined) {
      const near = nearestKey(name, names);
      throw new AssayError(
        'usage',
        `--target: ${loaded.shown} has no target "${name}"${names.length === 0 ? '' : ` (known: ${names.join(', ')})`}${near === undefined ? '' : `; did you mean "${near}"?`}`,
        { flag: '--target' },
      );
    }
    const unresolved = loaded.unresolvedTargets.get(name);
    if (unresolved !== undefined) throw unresolved;
    target = found;
  }
  const merged: RunSettings = { ...withoutUndefined(config), ...withoutUndefined(target) };
  if (config.headers !== undefined || target.headers !== undefined) {
    merged.headers = { ...config.headers, ...target.headers };
  }
  const auth = mergedAuth(config.auth, target.auth);
  if (auth === undefined) delete merged.auth;
  else merged.auth = auth;
  return { ...(name === undefined ? {} : { name }), target, merged };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
