import type { ApiModel, Operation, Parameter } from '@assay/model';
import type { LoadedConfig } from './assay-config.js';
import { configProblem } from './config-problem.js';
import type { OperationPlan } from './plan-operations.js';

/**
 * Applies the file's `parameters` to the API before anything is generated: a fixed value becomes
 * the parameter's only value (`const`, and required, so every request carries it); `{examples: [...]}`
 * becomes the values it is drawn from (`enum`) and the examples the example phase sends. So ids that
 * exist reach real resources instead of random 404s, and a negative request still changes them on
 * purpose. A name that matches no parameter of the operations its entry selects is an error.
 */
export function narrowParameters(api: ApiModel, plan: OperationPlan, loaded: LoadedConfig): ApiModel {
  const used = new Map<string, { key: readonly string[]; hits: number }>();
  const operations = api.operations.map((operation) => {
    const planned = plan.get(operation.id);
    if (planned === undefined || planned.parameters.size === 0) return operation;
    let parameters = operation.parameters;
    for (const [name, { value, key }] of planned.parameters) {
      const entry = used.get(key.join('\u0000')) ?? { key, hits: 0 };
      used.set(key.join('\u0000'), entry);
      const fits = (p: Parameter) =>
        p.in === 'header' ? p.name.toLowerCase() === name.toLowerCase() : p.name === name;
      if (!parameters.some(fits)) continue;
      entry.hits += 1;
      parameters = parameters.map((p) => (fits(p) ? narrowed(p, value) : p));
    }
    return { ...operation, parameters } satisfies Operation;
  });
  for (const { key, hits } of used.values()) {
    if (hits === 0) {
      throw configProblem(
        loaded,
        key,
        'no operation this entry selects has a parameter of that name (a header the spec does not declare goes under headers)',
      );
    }
  }
  return { ...api, operations };
}

function narrowed(parameter: Parameter, value: unknown): Parameter {
  const examples = examplesOf(value);
  if (examples !== undefined) {
    return { ...parameter, schema: { enum: examples }, examples };
  }
  return { ...parameter, schema: { const: value }, examples: [value], required: true };
}

/** `{examples: [...]}`: values to draw from; anything else is one fixed value. */
function examplesOf(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const examples = (value as { examples?: unknown }).examples;
  return keys.length === 1 && Array.isArray(examples) && examples.length > 0 ? examples : undefined;
}
