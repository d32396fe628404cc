import { isAbsolute, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import { checkConfiguredCheckIds } from '../config/check-configured-check-ids.js';
import { chosenSettings } from '../config/chosen-settings.js';
import { discoverConfig } from '../config/discover-config.js';
import { knownCheckIds } from '../config/known-check-ids.js';
import { loadConfiguredApi } from '../config/load-configured-api.js';
import { loadPlugins, noPlugins } from '../config/load-plugins.js';
import { apiInspection } from './api-inspection.js';
import type { CliIo } from './cli-io.js';
import { configuredInspection } from './configured-inspection.js';
import { formatInspection } from './format-inspection.js';
import { runDefaults } from './parse-cli-args.js';
import { specSource } from './spec-source.js';

/** The options of `assay inspect`. */
export interface InspectOptions {
  command: 'inspect';
  /** `''` when not given: the config file's `spec` is used. */
  spec: string;
  /** Print the {@link ApiInspection} as JSON instead of text. */
  json: boolean;
  /** `--config <file>`, as for `assay run`. */
  config?: string;
  /** `--target <name>`: whose credentials and settings are shown. */
  target?: string;
}

/**
 * `assay inspect [<spec>] [--json]`: prints what Assay understood of each operation; exits 0. The
 * config file is found as `assay run` finds it (`--config`, else the working directory), and the
 * API is loaded through it, so the inspection shows the file's effect: list descriptions, skips,
 * parameters, checks, expected statuses, volatile fields, requests, timeouts and credentials.
 */
export async function runInspectCommand(options: InspectOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const loaded = await discoverConfig({
    cwd,
    env: io.env,
    ...(options.config === undefined ? {} : { explicit: options.config }),
  });
  if (loaded === undefined && options.target !== undefined) {
    throw new AssayError('usage', '--target: there is no config file with targets (see --config)', {
      flag: '--target',
    });
  }
  const chosen = loaded === undefined ? undefined : chosenSettings(loaded, options.target);
  let spec = options.spec;
  if (spec === '' && loaded?.config.spec !== undefined) {
    const named = loaded.config.spec;
    spec = /^https?:\/\//i.test(named) || isAbsolute(named) ? named : resolve(loaded.dir, named);
  }
  if (spec === '') {
    throw new AssayError(
      'usage',
      `assay inspect: missing <spec> (a path or URL of an OpenAPI document${loaded === undefined ? '' : `, or spec: in ${loaded.shown}`})`,
    );
  }
  const { api, plan } = await loadConfiguredApi(specSource(spec, cwd), loaded);
  let inspection = apiInspection(api);
  if (loaded !== undefined && chosen !== undefined) {
    const plugins = await loadPlugins(loaded, knownCheckIds(api, noPlugins));
    const checkIds = knownCheckIds(api, plugins);
    checkConfiguredCheckIds(loaded, checkIds);
    inspection = configuredInspection(api, inspection, {
      loaded,
      ...(chosen.name === undefined ? {} : { target: chosen.name }),
      settings: chosen.merged,
      plan,
      checkIds,
      plugins,
      defaults: { maxExamples: runDefaults.maxExamples, timeoutMs: runDefaults.timeoutMs },
    });
  }
  io.stdout.write(options.json ? `${JSON.stringify(inspection, null, 2)}\n` : formatInspection(inspection));
  return 0;
}
