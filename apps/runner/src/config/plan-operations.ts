import type { ApiModel } from '@assay/model';
import type { ConfiguredStatus, LoadedConfig, OperationSettings } from './assay-config.js';
import { configProblem } from './config-problem.js';
import { parseSelector } from './parse-selector.js';
import { selectsOperation } from './selects-operation.js';

/** The settings of one operation, after every entry of `operations` that matches it is merged. */
export interface PlannedOperation {
  checks?: readonly string[];
  excludeChecks: readonly string[];
  /** By check id. */
  expectedStatuses: ReadonlyMap<string, readonly ConfiguredStatus[]>;
  /** By parameter name, with the selector path of the entry that set it (for errors). */
  parameters: ReadonlyMap<string, { value: unknown; key: readonly string[] }>;
  volatile: readonly string[];
  /** Response header names (lower case) whose values are not compared. */
  volatileHeaders: readonly string[];
  maxExamples?: number;
  timeoutMs?: number;
  skip?: string;
  /** Passed to the spec loader's `pagination` option. */
  list?: Record<string, unknown>;
  /** Where `list` was set, for errors of the loader. */
  listKey?: readonly string[];
}

/** Per-operation settings of a run, by operation id (operations no entry matches are absent). */
export type OperationPlan = ReadonlyMap<string, PlannedOperation>;

/**
 * Resolves the file's `operations` entries against the API. Entries apply in file order, so a
 * later, narrower entry overrides an earlier, broader one key by key; `parameters`,
 * `expectedStatuses` and `excludeChecks` accumulate, `volatile` pointers and `volatileHeaders` add up. A selector that
 * matches no operation is an error: a typo must not leave a setting silently unused.
 */
export function planOperations(api: ApiModel, loaded: LoadedConfig): OperationPlan {
  const plan = new Map<string, PlannedOperation>();
  for (const [selectorText, settings] of Object.entries(loaded.config.operations ?? {})) {
    const key = ['operations', selectorText];
    const parsed = parseSelector(selectorText);
    if (!parsed.ok) throw configProblem(loaded, key, parsed.message);
    const matched = api.operations.filter((operation) => selectsOperation(parsed.selector, operation));
    if (matched.length === 0) {
      const known = api.operations
        .slice(0, 6)
        .map((op) => op.id)
        .join(', ');
      throw configProblem(
        loaded,
        key,
        `matches no operation of the spec (operations include: ${known}${api.operations.length > 6 ? ', …' : ''})`,
      );
    }
    const exact = parsed.selector.kind === 'id' || parsed.selector.kind === 'method-path';
    for (const operation of matched) {
      const before = plan.get(operation.id) ?? emptyPlan();
      // A list description given for a whole tag or path glob is meant for its lists only.
      const list =
        settings.list !== undefined && (exact || operation.list !== undefined) ? settings.list : undefined;
      plan.set(operation.id, merged(before, settings, key, list));
    }
  }
  return plan;
}

function emptyPlan(): PlannedOperation {
  return {
    excludeChecks: [],
    expectedStatuses: new Map(),
    parameters: new Map(),
    volatile: [],
    volatileHeaders: [],
  };
}

function merged(
  before: PlannedOperation,
  settings: OperationSettings,
  key: readonly string[],
  list: Record<string, unknown> | undefined,
): PlannedOperation {
  const next: PlannedOperation = {
    ...before,
    excludeChecks: [...new Set([...before.excludeChecks, ...(settings.excludeChecks ?? [])])],
    expectedStatuses: new Map([
      ...before.expectedStatuses,
      ...Object.entries(settings.expectedStatuses ?? {}),
    ]),
    parameters: new Map([
      ...before.parameters,
      ...Object.entries(settings.parameters ?? {}).map(
        ([name, value]) => [name, { value, key: [...key, 'parameters', name] }] as const,
      ),
    ]),
    volatile: [...new Set([...before.volatile, ...(settings.volatile ?? [])])],
    volatileHeaders: [
      ...new Set([
        ...before.volatileHeaders,
        ...(settings.volatileHeaders ?? []).map((h) => h.toLowerCase()),
      ]),
    ],
  };
  if (settings.checks !== undefined) next.checks = settings.checks;
  if (settings.maxExamples !== undefined) next.maxExamples = settings.maxExamples;
  if (settings.timeout !== undefined) next.timeoutMs = settings.timeout;
  if (settings.skip !== undefined) next.skip = settings.skip;
  if (list !== undefined) {
    next.list = { ...before.list, ...list };
    next.listKey = [...key, 'list'];
  }
  return next;
}
