import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Check, SequenceCheck } from '@assay/model';
import { AssayError } from '@assay/model';
import type { LoadedConfig } from './assay-config.js';
import { configProblem } from './config-problem.js';
import type { DefinedCheck, RunCheck } from './define-check.js';
import type { DefinedHook, RequestHook } from './define-hook.js';

/** What the config file's plugins add to a run. */
export interface LoadedPlugins {
  checks: Check[];
  sequenceChecks: SequenceCheck[];
  runChecks: RunCheck[];
  hooks: RequestHook[];
}

/** No plugins. */
export const noPlugins: LoadedPlugins = Object.freeze({
  checks: [],
  sequenceChecks: [],
  runChecks: [],
  hooks: [],
});

/**
 * Imports the modules listed under `plugins` (relative to the config file) and collects what they
 * export: checks made with `defineCheck` and hooks made with `defineHook`, as named exports or in
 * exported arrays. A module that cannot be imported, exports none, or reuses a check id (its own,
 * another plugin's, or one of `builtIn`) is an error
 * at its entry of the file.
 */
export async function loadPlugins(
  loaded: LoadedConfig,
  builtIn: readonly string[] = [],
): Promise<LoadedPlugins> {
  const plugins: LoadedPlugins = { checks: [], sequenceChecks: [], runChecks: [], hooks: [] };
  const ids = new Map<string, string>(builtIn.map((id) => [id, 'Assay itself'] as const));
  for (const [index, entry] of (loaded.config.plugins ?? []).entries()) {
    const key = ['plugins', String(index)];
    const path = isAbsolute(entry) ? entry : resolve(loaded.dir, entry);
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      if (AssayError.is(error)) throw configProblem(loaded, key, `${entry}: ${error.message}`);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw configProblem(loaded, key, `cannot load ${entry}: ${message}`);
    }
    let found = 0;
    for (const value of Object.values(module).flatMap((v) => (Array.isArray(v) ? v : [v]))) {
      if (isDefinedHook(value)) {
        plugins.hooks.push(value.hook);
        found += 1;
        continue;
      }
      if (!isDefinedCheck(value)) continue;
      const earlier = ids.get(value.check.id);
      if (earlier !== undefined) {
        throw configProblem(
          loaded,
          key,
          `${entry}: check id "${value.check.id}" is also defined by ${earlier}`,
        );
      }
      ids.set(value.check.id, entry);
      found += 1;
      if (value.scope === 'exchange') plugins.checks.push(value.check);
      else if (value.scope === 'sequence') plugins.sequenceChecks.push(value.check);
      else plugins.runChecks.push(value.check);
    }
    if (found === 0) {
      throw configProblem(
        loaded,
        key,
        `${entry} exports no check made with defineCheck and no hook made with defineHook`,
      );
    }
  }
  return plugins;
}

function isDefinedCheck(value: unknown): value is DefinedCheck {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'assay-check';
}

function isDefinedHook(value: unknown): value is DefinedHook {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'assay-hook';
}
