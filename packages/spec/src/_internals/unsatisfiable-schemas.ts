import { joinPointer } from '@assay/json-schema';
import type { JsonSchema, JsonSchemaObject, JsonType, Operation, SpecProblem } from '@assay/model';

const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated']);
const ALL_TYPES: JsonType[] = ['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'];
// Lower and upper bounds that cannot both hold when the lower one is above the upper one.
const RANGES: [string, string][] = [
  ['minimum', 'maximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
  ['minContains', 'maxContains'],
];

function typesOf(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonType[] {
  if (typeof schema === 'boolean') return schema ? ALL_TYPES : [];
  const target = typeof schema.$ref === 'string' ? defs[schema.$ref.slice('#/$defs/'.length)] : undefined;
  const own =
    schema.type === undefined ? ALL_TYPES : Array.isArray(schema.type) ? schema.type : [schema.type];
  const referred = target === undefined ? ALL_TYPES : typesOf(target, {});
  return own.filter((t) => referred.includes(t) || (t === 'integer' && referred.includes('number')));
}

/**
 * Why no value can satisfy a schema, for the contradictions that are plain to see in the schema
 * itself: `false`, `not` of a schema everything matches, no type left, a lower bound above its
 * upper bound, a required property the schema forbids, allOf members of types that do not meet,
 * and anyOf/oneOf whose every branch is one of those. A `$ref` is not followed: its target is
 * judged once, where it is defined. Undefined when nothing plain is found.
 */
export function unsatisfiableReason(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  depth = 0,
): string | undefined {
  if (schema === true || depth > 16) return undefined;
  if (schema === false) return 'it is the schema false';
  const s: JsonSchemaObject = schema;
  const not = s.not;
  if (not === true || (typeof not === 'object' && Object.keys(not).every((k) => ANNOTATIONS.has(k))))
    return '`not` of a schema every value matches';
  if (Array.isArray(s.type) && s.type.length === 0) return 'its type list is empty';
  for (const [low, high] of RANGES) {
    const a = s[low];
    const b = s[high];
    if (typeof a === 'number' && typeof b === 'number' && a > b) return `${low} ${a} is above ${high} ${b}`;
  }
  for (const name of s.required ?? [])
    if (s.properties?.[name] === false) return `the required property ${name} is forbidden`;
  if (s.allOf !== undefined) {
    for (const [i, member] of s.allOf.entries()) {
      const reason = unsatisfiableReason(member, defs, depth + 1);
      if (reason !== undefined) return `allOf member ${i}: ${reason}`;
    }
    const common = [s, ...s.allOf].reduce<JsonType[]>(
      (types, member) =>
        typesOf(member, defs).filter(
          (t) => types.includes(t) || (t === 'integer' && types.includes('number')),
        ),
      ALL_TYPES,
    );
    if (common.length === 0) return 'its allOf members allow no common type';
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = s[keyword];
    if (branches === undefined || branches.length === 0) continue;
    const reasons = branches.map((b) => unsatisfiableReason(b, defs, depth + 1));
    if (reasons.every((r) => r !== undefined))
      return `every ${keyword} branch is unsatisfiable (${reasons[0]})`;
  }
  return undefined;
}

/**
 * A warning for each schema no value can satisfy ({@link unsatisfiableReason}), said once where
 * the schema is defined: each definition once, and each operation's own inline request schemas.
 * Requests that need such a value cannot be generated.
 */
export function unsatisfiableProblems(
  defs: Record<string, JsonSchema>,
  operations: readonly Operation[],
  locationOf: (key: string) => { pointer: string; file?: string },
): SpecProblem[] {
  const out: SpecProblem[] = [];
  const warn = (pointer: string, reason: string, file?: string) =>
    out.push({
      severity: 'warning',
      code: 'schema-unsatisfiable',
      pointer,
      message: `${pointer || '/'}: no value satisfies this schema (${reason}); requests that need one cannot be generated`,
      ...(file === undefined ? {} : { file }),
    });
  for (const [key, def] of Object.entries(defs)) {
    // The request and response views of a definition are the same schema, said once.
    if (key.endsWith('.request') || key.endsWith('.response')) continue;
    const reason = unsatisfiableReason(def, defs);
    if (reason === undefined) continue;
    const { pointer, file } = locationOf(key);
    warn(pointer, reason, file);
  }
  for (const operation of operations) {
    const inline: [string, JsonSchema][] = [];
    for (const [media, content] of Object.entries(operation.requestBody?.content ?? {}))
      inline.push([
        joinPointer(operation.pointer, 'requestBody', 'content', media, 'schema'),
        content.schema,
      ]);
    for (const parameter of operation.parameters)
      inline.push([joinPointer(operation.pointer, 'parameters', parameter.name), parameter.schema]);
    for (const [pointer, schema] of inline) {
      if (typeof schema === 'object' && schema.$ref !== undefined && Object.keys(schema).length === 1)
        continue;
      const reason = unsatisfiableReason(schema, defs);
      if (reason !== undefined) warn(pointer, reason);
    }
  }
  return out;
}
