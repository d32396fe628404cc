import type { ApiModel } from '@assay/model';
import type { AuthSettings } from '../auth/auth-settings.js';
import { chooseRequirement } from '../auth/choose-requirement.js';
import type { ConfiguredStatus, LoadedConfig, RunSettings } from '../config/assay-config.js';
import { checkEnabled } from '../config/check-enabled.js';
import type { LoadedPlugins } from '../config/load-plugins.js';
import type { OperationPlan } from '../config/plan-operations.js';
import { selectOperations } from '../engine/select-operations.js';
import type { ApiInspection, ConfigInspection, OperationConfigInspection } from './api-inspection.js';
import { parseShard } from './parse-cli-args.js';

/** What {@link configuredInspection} needs: the file, the chosen target, the API as the file shapes it. */
export interface InspectionConfig {
  loaded: LoadedConfig;
  target?: string;
  /** The top level with the chosen target over it. */
  settings: RunSettings;
  plan: OperationPlan;
  /** Every check id a run could select (built-in, transport, plugins'). */
  checkIds: readonly string[];
  plugins: LoadedPlugins;
  /** The run's defaults, for what neither the file nor a flag sets. */
  defaults: { maxExamples: number; timeoutMs: number };
}

/**
 * Adds to an inspection what the config file does to each operation: whether it is skipped and
 * why, the checks that judge it, expected statuses, fixed or example parameters, volatile fields,
 * the requests and timeout it gets, and which security schemes the configured credentials meet.
 * Credentials are named by kind and scheme, never shown.
 */
export function configuredInspection(
  api: ApiModel,
  inspection: ApiInspection,
  config: InspectionConfig,
): ApiInspection {
  const { settings, plan } = config;
  const runChecks = config.checkIds.filter(
    (id) =>
      (settings.checks === undefined || settings.checks.includes(id)) &&
      !(settings.excludeChecks ?? []).includes(id),
  );
  // The mock takes its own token in every scheme (the run prints that it does not send the file's).
  const auth: AuthSettings =
    settings.mock === true
      ? { bearer: 'mock', basic: { username: 'mock', password: 'mock' }, apiKey: 'mock' }
      : (settings.auth ?? {});
  const byId = new Map(api.operations.map((op) => [op.id, op] as const));
  const file: ConfigInspection = {
    file: config.loaded.shown,
    ...(config.target === undefined ? {} : { target: config.target }),
    ...(settings.mock === true
      ? { sendsTo: 'mock' }
      : settings.baseUrl === undefined
        ? {}
        : { sendsTo: settings.baseUrl }),
    credentials: credentialKinds(auth),
    ...(settings.headers === undefined ? {} : { headers: Object.keys(settings.headers).sort() }),
  };
  const { plugins } = config;
  const ids = (checks: readonly { id: string }[]) => checks.map((c) => c.id);
  if (config.loaded.config.plugins !== undefined && config.loaded.config.plugins.length > 0) {
    file.plugins = {
      checks: ids(plugins.checks),
      sequenceChecks: ids(plugins.sequenceChecks),
      runChecks: ids(plugins.runChecks),
      hooks: plugins.hooks.map((h) => h.name),
    };
  }
  const only = config.loaded.config.only ?? {};
  const selection = selectOperations(api.operations, {
    operations: only.operations ?? [],
    tags: only.tags ?? [],
    ...(settings.shard === undefined ? {} : { shard: parseShard(settings.shard) }),
    unsafe: settings.unsafe ?? false,
  });
  // Inspect takes no selection flags: the reasons name the file's keys the selection came from.
  const fileReason = (reason: string) =>
    reason
      .replace('(--operation)', '(only.operations)')
      .replace('(--tag)', '(only.tags)')
      .replace(', --shard)', ', shard)');
  const notTested = new Map(
    selection.skipped.map(({ operation, reason }) => [operation.id, fileReason(reason)] as const),
  );
  const operations = inspection.operations.map((op) => {
    const planned = plan.get(op.operationId);
    const operation = byId.get(op.operationId)!;
    const checks = runChecks.filter((id) => checkEnabled(planned, id));
    const out: OperationConfigInspection = {
      checks,
      turnedOff: config.checkIds.filter((id) => !checks.includes(id)).sort(),
      maxExamples: planned?.maxExamples ?? settings.maxExamples ?? config.defaults.maxExamples,
      timeoutMs: planned?.timeoutMs ?? settings.timeout ?? config.defaults.timeoutMs,
      credentials: credentialsOf(chooseRequirement(api, operation, auth)),
    };
    if (planned?.skip !== undefined) out.skip = planned.skip;
    const reason =
      notTested.get(op.operationId) ??
      (planned?.skip === undefined ? undefined : `skipped by the config file: ${planned.skip}`);
    if (reason !== undefined) out.notTested = reason;
    if (planned !== undefined && planned.expectedStatuses.size > 0) {
      out.expectedStatuses = Object.fromEntries(
        [...planned.expectedStatuses].map(([id, statuses]): [string, ConfiguredStatus[]] => [
          id,
          [...statuses],
        ]),
      );
    }
    if (planned !== undefined && planned.parameters.size > 0) {
      out.parameters = Object.fromEntries(
        [...planned.parameters].map(([name, { value }]) => [name, parameterSetting(value)] as const),
      );
    }
    if (planned !== undefined && planned.volatile.length > 0) out.volatile = [...planned.volatile];
    if (planned !== undefined && planned.volatileHeaders.length > 0)
      out.volatileHeaders = [...planned.volatileHeaders];
    if (planned?.list !== undefined) out.list = true;
    return { ...op, config: out };
  });
  return { ...inspection, config: file, operations };
}

function parameterSetting(value: unknown): { fixed: unknown } | { examples: unknown[] } {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const examples = (value as { examples?: unknown }).examples;
    if (Object.keys(value).length === 1 && Array.isArray(examples) && examples.length > 0)
      return { examples };
  }
  return { fixed: value };
}

function credentialsOf(
  choice: ReturnType<typeof chooseRequirement>,
): OperationConfigInspection['credentials'] {
  if (choice.kind === 'anonymous') return { sends: [] };
  if (choice.kind === 'satisfied') return { sends: choice.schemes.map((s) => s.scheme.name) };
  return { missing: choice.missing };
}

/** The kinds of credential configured (`bearer`, `basic`, `apiKey`, `oauth2`, `scheme <name>`), no values. */
function credentialKinds(auth: AuthSettings): string[] {
  const kinds: string[] = [];
  if (auth.bearer !== undefined) kinds.push('bearer');
  if (auth.basic !== undefined) kinds.push('basic');
  if (auth.apiKey !== undefined) kinds.push('apiKey');
  if (auth.oauth2 !== undefined) kinds.push('oauth2');
  for (const name of Object.keys(auth.schemes ?? {}).sort()) kinds.push(`scheme ${name}`);
  return kinds;
}
