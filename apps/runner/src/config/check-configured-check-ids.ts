import { nearestKey } from './_internals/nearest-key.js';
import type { LoadedConfig } from './assay-config.js';
import { configProblem } from './config-problem.js';

/**
 * Every check id the file names (top level, targets, per operation, `expectedStatuses` keys) must
 * be one the run knows (built-in or from a plugin): a misspelt id in `checks` would otherwise turn
 * every check off without a word.
 */
export function checkConfiguredCheckIds(loaded: LoadedConfig, known: readonly string[]): void {
  const knownSet = new Set(known);
  const verify = (ids: readonly string[] | undefined, key: readonly string[]) => {
    for (const [index, id] of (ids ?? []).entries()) {
      if (knownSet.has(id)) continue;
      const near = nearestKey(id, known);
      throw configProblem(
        loaded,
        [...key, String(index)],
        `unknown check "${id}"${near === undefined ? `; valid ids: ${[...known].sort().join(', ')}` : `; did you mean "${near}"?`}`,
      );
    }
  };
  const { config } = loaded;
  verify(config.checks, ['checks']);
  verify(config.excludeChecks, ['excludeChecks']);
  for (const [name, target] of Object.entries(config.targets ?? {})) {
    verify(target.checks, ['targets', name, 'checks']);
    verify(target.excludeChecks, ['targets', name, 'excludeChecks']);
  }
  for (const [selector, settings] of Object.entries(config.operations ?? {})) {
    const key = ['operations', selector];
    verify(settings.checks, [...key, 'checks']);
    verify(settings.excludeChecks, [...key, 'excludeChecks']);
    for (const id of Object.keys(settings.expectedStatuses ?? {})) {
      if (knownSet.has(id)) continue;
      const near = nearestKey(id, known);
      throw configProblem(
        loaded,
        [...key, 'expectedStatuses', id],
        `unknown check "${id}"${near === undefined ? '' : `; did you mean "${near}"?`}`,
      );
    }
  }
}
