import { isAbsolute, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import { checkRunTarget, parseBaseUrl, parseHeader, parseShard } from '../cli/parse-cli-args.js';
import type { ReportKind, RunOptions } from '../cli/run-options.js';
import { mergedAuth } from './_internals/merged-auth.js';
import type { LoadedConfig } from './assay-config.js';
import { chosenSettings } from './chosen-settings.js';

/** The options of a run once the config file is merged in, and the target that was chosen. */
export interface MergedRun {
  options: RunOptions;
  /** The name of the target used, when the file has targets. */
  target?: string;
}

/**
 * Merges a config file under the command line: a flag wins over the chosen target, which wins over
 * the top level of the file, which wins over the defaults. Headers are merged by name (the flag's
 * value wins); `only` fills `--operation`/`--tag`. Paths in the file (spec, reports) are relative
 * to the file. Afterwards the run must name a spec and a target.
 */
export function mergeRunOptions(flags: RunOptions, loaded: LoadedConfig | undefined): MergedRun {
  if (loaded === undefined) {
    if (flags.target !== undefined) {
      throw new AssayError('usage', '--target: there is no config file with targets (see --config)', {
        flag: '--target',
      });
    }
    checkRunTarget(flags);
    return { options: flags };
  }
  const { config } = loaded;
  const chosen = chosenSettings(loaded, flags.target);
  const targetName = chosen.name;
  const { target, merged: file } = chosen;
  const auth = file.auth;

  const given = new Set(flags.fromFlags ?? (Object.keys(flags) as Array<keyof RunOptions>));
  const options: RunOptions = { ...flags };
  const set = <K extends keyof RunOptions>(field: K, value: RunOptions[K] | undefined): void => {
    if (value !== undefined && !given.has(field)) options[field] = value;
  };
  if (options.spec === '' && config.spec !== undefined) {
    options.spec = /^https?:\/\//i.test(config.spec) ? config.spec : resolveIn(loaded, config.spec);
  }
  // Where to send is one choice: a flag that picks a server or the mock replaces the file's choice.
  // The target's choice replaces the top level's the same way.
  const where = target.baseUrl !== undefined || target.mock !== undefined ? target : config;
  if (!given.has('baseUrl') && !given.has('mock')) {
    if (where.baseUrl !== undefined) {
      options.baseUrl = parseBaseUrl(where.baseUrl);
      options.mock = false;
    } else if (where.mock === true) options.mock = true;
  }
  set('operations', config.only?.operations);
  set('tags', config.only?.tags);
  if (file.headers !== undefined) {
    const fromFlags = new Set(flags.headers.map(([name]) => name));
    const fromFile = Object.entries(file.headers)
      .map(([name, value]) => parseHeader(`${name}: ${value}`))
      .filter(([name]) => !fromFlags.has(name));
    options.headers = [...fromFile, ...flags.headers];
  }
  if (auth !== undefined) {
    // Credentials from flags (and their environment variables) win over the file's, kind by kind.
    options.auth = mergedAuth(auth, flags.auth);
    set('bearer', auth.bearer);
  }
  set('maxExamples', file.maxExamples);
  set('seed', file.seed);
  set('checks', file.checks);
  set('excludeChecks', file.excludeChecks);
  set('concurrency', file.concurrency);
  set('rate', file.rate);
  set('timeoutMs', file.timeout);
  set('timeBudgetS', file.timeBudget);
  set('unsafe', file.unsafe);
  // --quiet and --verbose are one choice: a flag for either replaces the file's.
  if (!given.has('verbose')) set('quiet', file.quiet);
  set('shrink', file.shrink);
  set('maxBodyBytes', file.maxBody);
  set('faults', file.faults);
  set('items', file.items);
  if (file.shard !== undefined) set('shard', parseShard(file.shard));
  if (!given.has('quiet')) set('verbose', file.verbose);
  set('maxFailures', file.maxFailures);
  set('color', file.color);
  if (file.reports !== undefined) {
    const reports: RunOptions['reports'] = [];
    for (const [kind, value] of Object.entries(file.reports) as Array<[ReportKind, string | boolean]>) {
      if (kind === 'github') {
        if (value === true) reports.push({ kind, path: '' });
      } else if (typeof value === 'string') {
        reports.push({ kind, path: value === '-' ? '-' : resolveIn(loaded, value) });
      }
    }
    set('reports', reports);
  }
  checkRunTarget(options);
  return { options, ...(targetName === undefined ? {} : { target: targetName }) };
}

function resolveIn(loaded: LoadedConfig, path: string): string {
  return isAbsolute(path) ? path : resolve(loaded.dir, path);
}
