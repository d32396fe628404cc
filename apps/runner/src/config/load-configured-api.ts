import type { ApiModel, Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import { loadApi } from '@assay/spec';
import type { LoadedConfig } from './assay-config.js';
import { configProblem } from './config-problem.js';
import { narrowParameters } from './narrow-parameters.js';
import { type OperationPlan, planOperations } from './plan-operations.js';

/** What the loader's `pagination` option takes for one operation (its own type, whatever it grows into). */
type ListOption = NonNullable<NonNullable<Parameters<typeof loadApi>[1]>['pagination']>[string];

/** The API as the config file shapes it, and the per-operation settings the engine applies. */
export interface ConfiguredApi {
  api: ApiModel;
  plan: OperationPlan;
  /** The operations whose parameters were narrowed, as loaded. */
  unnarrowed: ReadonlyMap<string, Operation>;
}

/**
 * Loads the spec and applies the config file to it: `list` descriptions go to the loader's
 * `pagination` option (so the spec is read a second time only when the file has one, since
 * selectors by tag or glob can only be resolved on a loaded API), and `parameters` narrow the
 * parameters' schemas. A loader error about a `list` names the key of the file.
 */
export async function loadConfiguredApi(
  source: string,
  loaded: LoadedConfig | undefined,
): Promise<ConfiguredApi> {
  const first = await loadApi(source);
  if (loaded === undefined) return { api: first, plan: new Map(), unnarrowed: new Map() };
  const plan = planOperations(first, loaded);
  const lists = [...plan].filter(([, planned]) => planned.list !== undefined);
  let api = first;
  if (lists.length > 0) {
    const pagination: Record<string, ListOption> = {};
    for (const [id, planned] of lists) pagination[id] = listOption(planned.list!);
    try {
      api = await loadApi(source, { pagination });
    } catch (error) {
      const flag = AssayError.is(error) ? error.details.flag : undefined;
      if (!AssayError.is(error) || flag === undefined || !/^pagination(\.|$)/.test(flag)) throw error;
      // The loader names the key it refuses as `pagination.<operationId>.<key>` (`filters[0].kind`):
      // the error points at that key in the file.
      const keyed = lists.find(([id]) => flag.startsWith(`pagination.${id}.`));
      const culprit = keyed ?? lists.find(([id]) => error.message.includes(id)) ?? lists[0]!;
      const inner =
        keyed === undefined
          ? []
          : flag
              .slice(`pagination.${keyed[0]}.`.length)
              .split(/\.|\[(\d+)\]/)
              .filter((part): part is string => part !== undefined && part !== '');
      throw configProblem(
        loaded,
        [...(culprit[1].listKey ?? []), ...inner],
        error.message.replace(/^pagination option( for \S+?)?( key \S+)?: /, ''),
      );
    }
  }
  const narrowed = narrowParameters(api, plan, loaded);
  const unnarrowed = new Map(
    api.operations.filter((op, index) => narrowed.operations[index] !== op).map((op) => [op.id, op] as const),
  );
  return { api: narrowed, plan, unnarrowed };
}

/** Body paths may be written dotted (`pagination.count`); the loader takes property names. */
function listOption(list: Record<string, unknown>): ListOption {
  const option: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(list)) {
    option[name] = name.endsWith('Path') && typeof value === 'string' ? value.split('.') : value;
  }
  return option as ListOption;
}
