import { AssayError, type JsonSchema, type JsonSchemaObject, type JsonType } from '@assay/model';
import { jsonEqual } from './json-equal.js';
import { compilePattern } from './patterns.js';
import { resolveRef } from './resolve-ref.js';

/** Constraints that could not be merged into one schema; generated values are filtered by them. */
export const RESIDUE = 'x-assay-residue';

/** A schema with its top-level `$ref` and `allOf` merged away. `false`: nothing satisfies it. */
export interface FlatSchema {
  schema: JsonSchemaObject | false;
  /** How many `$ref`s were followed to flatten it (counts towards the recursion bound). */
  refs: number;
}

const ANNOTATIONS = new Set([
  'description',
  'title',
  'examples',
  'example',
  'default',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$comment',
  'externalDocs',
  'xml',
]);

/**
 * {@link flattenSchema} for callers that only look: undefined when the schema allows nothing
 * (`false`) or cannot be flattened (a `$ref`/`allOf` cycle), instead of `false` or a thrown error.
 */
export function flatSchemaOrUndefined(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
): JsonSchemaObject | undefined {
  try {
    const flat = flattenSchema(schema, defs).schema;
    return flat === false ? undefined : flat;
  } catch {
    return undefined;
  }
}

/**
 * Flattens the top level of a schema: follows `$ref` (with sibling keywords, as 2020-12 reads
 * them) and merges `allOf` members into one schema, so a generator sees one set of constraints.
 */
export function flattenSchema(schema: JsonSchema, defs: Record<string, JsonSchema>, guard = 0): FlatSchema {
  if (schema === true) return { schema: {}, refs: 0 };
  if (schema === false) return { schema: false, refs: 0 };
  if (guard > 48) {
    throw new AssayError(
      'generation',
      'A schema refers to itself without ever reaching a value (a $ref/allOf cycle).',
      {
        pointer: schema.$ref ?? '',
      },
    );
  }
  const { $ref, allOf, ...rest } = localUnevaluated(schema);
  let merged: JsonSchemaObject | false = rest;
  let refs = 0;
  if ($ref !== undefined) {
    const target = flattenSchema(resolveRef($ref, defs), defs, guard + 1);
    refs += target.refs + 1;
    merged = target.schema === false ? false : mergeSchemas(target.schema, rest);
  }
  for (const member of allOf ?? []) {
    if (merged === false) break;
    const flat = flattenSchema(member, defs, guard + 1);
    refs += flat.refs;
    merged = flat.schema === false ? false : mergeSchemas(merged, flat.schema);
  }
  return { schema: merged, refs };
}

// Keywords that apply subschemas to the same value, whose annotations unevaluated* also sees.
const IN_PLACE = ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas'];

/**
 * In a schema with no in-place applicator, what unevaluatedProperties sees evaluated is what
 * additionalProperties sees (its own properties and patternProperties), and likewise for
 * unevaluatedItems and items unless contains evaluates items too: there they are the same keyword,
 * and reading them as such keeps them from covering what merging brings in from other members
 * (an uncle's properties, a sibling allOf member's).
 */
function localUnevaluated(schema: JsonSchemaObject): JsonSchemaObject {
  const ownProperties = schema.unevaluatedProperties;
  const ownItems = schema.unevaluatedItems;
  if (ownProperties === undefined && ownItems === undefined) return schema;
  if (IN_PLACE.some((k) => schema[k] !== undefined)) return schema;
  const out: JsonSchemaObject = { ...schema };
  if (ownProperties !== undefined) {
    delete out.unevaluatedProperties;
    out.additionalProperties ??= ownProperties as JsonSchema;
  }
  if (ownItems !== undefined && schema.contains === undefined) {
    delete out.unevaluatedItems;
    out.items ??= ownItems as JsonSchema;
  }
  return out;
}

function intersectTypes(a: JsonSchemaObject, b: JsonSchemaObject): JsonType[] | undefined {
  const list = (s: JsonSchemaObject): JsonType[] | undefined => {
    if (s.type === undefined) return undefined;
    const types = Array.isArray(s.type) ? [...s.type] : [s.type];
    if (s.nullable === true && !types.includes('null')) types.push('null');
    return types;
  };
  const left = list(a);
  const right = list(b);
  if (left === undefined) return right;
  if (right === undefined) return left;
  const out: JsonType[] = [];
  for (const type of left) {
    if (right.includes(type)) out.push(type);
    else if (type === 'integer' && right.includes('number')) out.push('integer');
    else if (type === 'number' && right.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function addResidue(target: JsonSchemaObject, residue: JsonSchema): void {
  const list = (target[RESIDUE] as JsonSchema[] | undefined) ?? [];
  target[RESIDUE] = [...list, residue];
}

function allowsKey(s: JsonSchemaObject, key: string): boolean {
  if (s.additionalProperties !== false) return true;
  if (s.properties && Object.hasOwn(s.properties, key)) return true;
  return Object.keys(s.patternProperties ?? {}).some(
    (pattern) => compilePattern(pattern)?.test(key) ?? false,
  );
}

const CONDITIONAL = ['if', 'then', 'else'];

/**
 * `if`, `then` and `else` act together within one schema object (2020-12 §10.2.2): a member's
 * `then` without its `if` does nothing, and two members' conditionals stay two conditionals.
 */
function mergeConditional(out: JsonSchemaObject, b: JsonSchemaObject): void {
  if (b.if === undefined) return;
  const own: JsonSchemaObject = Object.fromEntries(
    CONDITIONAL.filter((k) => b[k] !== undefined).map((k) => [k, b[k]]),
  );
  if (out.if === undefined) {
    delete out.then;
    delete out.else;
    Object.assign(out, own);
  } else addResidue(out, own);
}

/** Merges two flattened schemas into one that means their conjunction (as far as it can). */
export function mergeSchemas(a: JsonSchemaObject, b: JsonSchemaObject): JsonSchemaObject {
  const out: JsonSchemaObject = { ...a };
  mergeConditional(out, b);
  for (const [keyword, value] of Object.entries(b)) {
    if (value === undefined || ANNOTATIONS.has(keyword) || CONDITIONAL.includes(keyword)) continue;
    const current = out[keyword];
    if (current === undefined) {
      out[keyword] = value;
      continue;
    }
    switch (keyword) {
      case 'type':
      case 'nullable':
        break;
      case 'enum':
        out.enum = (current as unknown[]).filter((member) =>
          (value as unknown[]).some((other) => jsonEqual(member, other)),
        );
        break;
      case 'const':
        if (!jsonEqual(current, value)) out.enum = [];
        break;
      case 'required':
        out.required = [...new Set([...(current as string[]), ...(value as string[])])];
        break;
      case 'properties':
      case 'patternProperties': {
        const left = current as Record<string, JsonSchema>;
        const right = value as Record<string, JsonSchema>;
        const joined: Record<string, JsonSchema> = { ...left };
        for (const [name, sub] of Object.entries(right)) {
          const existing = joined[name];
          joined[name] = existing === undefined ? sub : joinSubschemas(existing, sub);
        }
        out[keyword] = joined;
        break;
      }
      case 'additionalProperties':
      case 'items':
        out[keyword] = joinSubschemas(current as JsonSchema, value as JsonSchema);
        break;
      case 'prefixItems':
        out.prefixItems = joinPrefixes(a, b);
        break;
      case 'minimum':
      case 'exclusiveMinimum':
      case 'minLength':
      case 'minItems':
      case 'minProperties':
        out[keyword] = Math.max(current as number, value as number);
        break;
      case 'maximum':
      case 'exclusiveMaximum':
      case 'maxLength':
      case 'maxItems':
      case 'maxProperties':
        out[keyword] = Math.min(current as number, value as number);
        break;
      case 'uniqueItems':
        out.uniqueItems = current === true || value === true;
        break;
      case 'multipleOf': {
        const x = current as number;
        const y = value as number;
        if (Number.isInteger(x / y)) break;
        if (Number.isInteger(y / x)) out.multipleOf = y;
        else addResidue(out, { multipleOf: y });
        break;
      }
      case 'discriminator':
        break;
      case RESIDUE:
        out[RESIDUE] = [...(current as JsonSchema[]), ...(value as JsonSchema[])];
        break;
      default:
        if (!jsonEqual(current, value)) addResidue(out, { [keyword]: value });
    }
  }
  // A member's additionalProperties also constrains the properties only the other member declares.
  for (const [own, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const extra = own.additionalProperties;
    if (extra === undefined || extra === true || extra === false || !other.properties || !out.properties)
      continue;
    for (const key of Object.keys(other.properties)) {
      if (own.properties && Object.hasOwn(own.properties, key)) continue;
      if (Object.keys(own.patternProperties ?? {}).some((pattern) => compilePattern(pattern)?.test(key)))
        continue;
      const current: JsonSchema | undefined = out.properties[key];
      if (current !== undefined)
        out.properties = { ...out.properties, [key]: joinSubschemas(current, extra) };
    }
  }
  // `items` beside no prefixItems applies to every item, also those the other member's prefixItems name.
  if ((a.prefixItems === undefined) !== (b.prefixItems === undefined)) out.prefixItems = joinPrefixes(a, b);
  if (out.prefixItems === undefined) delete out.prefixItems;
  const types = intersectTypes(a, b);
  if (types !== undefined) {
    out.type = types;
    delete out.nullable;
  }
  // additionalProperties: false in one member closes the object for the other members' properties too.
  for (const closed of [a, b]) {
    if (closed.additionalProperties !== false || !out.properties) continue;
    out.properties = Object.fromEntries(
      Object.entries(out.properties).filter(([key]) => allowsKey(closed, key)),
    );
  }
  return out;
}

/** The item schemas at each place the members' prefixItems name: both members' schemas for that place. */
function joinPrefixes(a: JsonSchemaObject, b: JsonSchemaObject): JsonSchema[] | undefined {
  const left = a.prefixItems ?? [];
  const right = b.prefixItems ?? [];
  const length = Math.max(left.length, right.length);
  if (length === 0) return undefined;
  const at = (s: JsonSchemaObject, list: JsonSchema[], i: number): JsonSchema => list[i] ?? s.items ?? true;
  return Array.from({ length }, (_, i) => joinSubschemas(at(a, left, i), at(b, right, i)));
}

function joinSubschemas(left: JsonSchema, right: JsonSchema): JsonSchema {
  if (left === false || right === false) return false;
  if (left === true) return right;
  if (right === true) return left;
  return { allOf: [left, right] };
}
