import type { JsonSchema, JsonSchemaObject } from '@assay/model';
import { flattenSchema, mergeSchemas } from './merge-schemas.js';
import { negateSchema } from './negate-schema.js';
import { keywords } from './schema-keywords.js';

/** More alternatives than this and conditionals are checked on drawn values instead. */
const MAX_BRANCHES = 16;

function mergeInto(
  branch: JsonSchemaObject | false,
  sub: JsonSchema,
  defs: Record<string, JsonSchema>,
): JsonSchemaObject | false {
  if (branch === false || sub === true) return branch;
  const flat = flattenSchema(sub, defs).schema;
  return flat === false ? false : mergeSchemas(branch, flat);
}

/**
 * The alternatives a schema's conditionals leave, each one a plain set of constraints: `if`/`then`
 * /`else` becomes "`if` and `then`" or "not `if`, and `else`"; `dependentRequired` and
 * `dependentSchemas` become "the property is there, with what it brings" or "the property is
 * absent" (2020-12 §10.2.2, §6.5.4). Generation then picks an alternative and satisfies it rather
 * than drawing values and hoping the conditions hold. Undefined when the schema has no
 * conditionals, or so many that the alternatives would multiply out of bounds.
 */
export function conditionalBranches(
  s: JsonSchemaObject,
  defs: Record<string, JsonSchema>,
): JsonSchemaObject[] | undefined {
  const k = keywords(s);
  if (k.if === undefined && k.dependentRequired === undefined && k.dependentSchemas === undefined)
    return undefined;
  const {
    if: condition,
    then: consequence,
    else: alternative,
    dependentRequired,
    dependentSchemas,
    ...rest
  } = k;
  let branches: JsonSchemaObject[] = [rest];
  // Each option is a list of schemas that, together, make one alternative.
  const fork = (options: (branch: JsonSchemaObject) => JsonSchema[][]) => {
    branches = branches.flatMap((branch) =>
      options(branch)
        .map((parts) => parts.reduce<JsonSchemaObject | false>((b, part) => mergeInto(b, part, defs), branch))
        .filter((b): b is JsonSchemaObject => b !== false),
    );
  };
  if (condition !== undefined) {
    fork(() => [
      [condition, consequence ?? true],
      [negateSchema(condition, defs), alternative ?? true],
    ]);
  }
  const present = (branch: JsonSchemaObject, key: string) => branch.required?.includes(key) === true;
  const absent = (key: string): JsonSchemaObject => ({ properties: { [key]: false } });
  for (const [key, needed] of Object.entries(dependentRequired ?? {})) {
    fork((branch) =>
      present(branch, key) ? [[{ required: needed }]] : [[{ required: [key, ...needed] }], [absent(key)]],
    );
    if (branches.length > MAX_BRANCHES) return undefined;
  }
  for (const [key, sub] of Object.entries(dependentSchemas ?? {})) {
    fork((branch) => (present(branch, key) ? [[sub]] : [[{ required: [key] }, sub], [absent(key)]]));
    if (branches.length > MAX_BRANCHES) return undefined;
  }
  return branches;
}
