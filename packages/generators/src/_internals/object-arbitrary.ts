import { AssayError, type JsonSchema, type JsonSchemaObject, type JsonType } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './generation-error.js';
import { matchesSchema } from './matches-schema.js';
import { flatSchemaOrUndefined, mergeSchemas } from './merge-schemas.js';
import { compilePattern } from './patterns.js';
import type { SchemaBuilder } from './schema-builder.js';
import { keywords } from './schema-keywords.js';

const NAME_UNIT = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789');

/** A schema that means all of `parts` (one part stays itself, so arbitraries stay cached). */
function allOf(parts: JsonSchema[]): JsonSchema {
  if (parts.includes(false)) return false;
  const constraining = parts.filter((p) => p !== true);
  if (constraining.length === 0) return true;
  return constraining.length === 1 ? constraining[0]! : { allOf: constraining };
}

/**
 * Where additional property names come from: names `propertyNames` describes (its const, enum,
 * pattern or format), else short lower-case words. Undefined when `propertyNames` allows no name.
 */
function nameSource(builder: SchemaBuilder, names: JsonSchema | undefined): fc.Arbitrary<string> | undefined {
  const plain = fc.string({ unit: NAME_UNIT, minLength: 1, maxLength: 10 });
  if (names === undefined || names === true) return plain;
  const flat = flatSchemaOrUndefined(names, builder.defs);
  if (flat === undefined) return undefined;
  const described = ['const', 'enum', 'pattern', 'format'].some((k) => flat[k] !== undefined);
  if (!described) return plain;
  try {
    return builder.build(mergeSchemas(flat, { type: 'string' })) as fc.Arbitrary<string>;
  } catch (error) {
    if (AssayError.is(error) && error.code === 'generation') return undefined;
    throw error;
  }
}

/**
 * Sets an own property, whatever its name: `target.__proto__ = x` would change the prototype, and
 * `__proto__` is a property name JSON allows and a schema may declare.
 */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Objects of the schema: properties, required, patternProperties, additionalProperties, size bounds. */
export function objectArbitrary(
  builder: SchemaBuilder,
  schema: JsonSchemaObject,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const s = keywords(schema);
  const bottom = depth >= builder.settings.maxDepth;
  const patternEntries = Object.entries(s.patternProperties ?? {});
  const namesSchema = s.propertyNames;
  const nameAllowed = (name: string) =>
    namesSchema === undefined || matchesSchema(namesSchema, name, builder.defs);
  for (const name of s.required ?? [])
    if (!nameAllowed(name)) unsatisfiable(`required property ${name}, which propertyNames forbids`);
  // A declared property also takes the schemas of the patternProperties its name matches (§10.3.2.2).
  const properties: Record<string, JsonSchema> = {};
  for (const [name, own] of Object.entries(s.properties ?? {})) {
    if (!nameAllowed(name)) continue;
    const patterns = patternEntries.filter(([p]) => compilePattern(p)?.test(name)).map(([, sub]) => sub);
    define(properties, name, patterns.length === 0 ? own : allOf([own, ...patterns]));
  }
  const names = Object.keys(properties);
  const required = new Set(s.required ?? []);
  const minProperties = s.minProperties ?? 0;
  const maxProperties = s.maxProperties ?? Number.POSITIVE_INFINITY;
  // Reach minProperties by construction: promote optional properties to required, in order.
  for (const name of names) {
    if (required.size >= minProperties) break;
    if (properties[name] !== false) required.add(name);
  }
  const hidden =
    builder.settings.view === 'request'
      ? 'readOnly'
      : builder.settings.view === 'response'
        ? 'writeOnly'
        : undefined;
  const included = names.filter(
    (name) => required.has(name) || (!bottom && !(hidden && builder.flagged(properties[name]!, hidden))),
  );
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of included) {
    try {
      define(model, name, builder.build(properties[name]!, depth));
    } catch (error) {
      // An optional property nothing satisfies is simply never sent.
      if (required.has(name) || !AssayError.is(error) || error.code !== 'generation') throw error;
    }
  }
  // After merging, what unevaluatedProperties constrains are the names nothing else declares.
  const additional = s.additionalProperties ?? s.unevaluatedProperties;
  // A required name without a property schema takes its schema from patternProperties or additionalProperties.
  for (const name of required) {
    if (Object.hasOwn(model, name)) continue;
    const pattern = patternEntries.find(([p]) => compilePattern(p)?.test(name));
    const schema = pattern ? pattern[1] : additional === undefined ? true : additional;
    if (schema === false) unsatisfiable(`required property ${name}, which additionalProperties forbids`);
    define(model, name, builder.build(schema, depth));
  }
  const requiredKeys = [...required].filter((name) => Object.hasOwn(model, name));
  const record = fc.record(model, { requiredKeys, noNullPrototype: true });
  const extras: fc.Arbitrary<Record<string, unknown>>[] = [];
  // Names of Object.prototype members (`valueOf`, `__proto__` …) are valid JSON keys, but they
  // crash deep-equality helpers in validators and servers alike: they find no bug worth the noise.
  const taken = (key: string) =>
    Object.hasOwn(s.properties ?? {}, key) ||
    required.has(key) ||
    key in Object.prototype ||
    !nameAllowed(key);
  const missing = Math.max(0, minProperties - required.size);
  const extraMax = bottom ? missing : Math.max(missing, 2);
  // A name may match several patterns: its value then satisfies each of their schemas.
  const valueByPatterns = new Map<string, fc.Arbitrary<unknown> | undefined>();
  const patternValue = (key: string): fc.Arbitrary<unknown> | undefined => {
    const matched = patternEntries.filter(([p]) => compilePattern(p)?.test(key));
    const signature = matched.map(([p]) => p).join('\u0000');
    if (!valueByPatterns.has(signature)) {
      const joined = allOf(matched.map(([, sub]) => sub));
      let value: fc.Arbitrary<unknown> | undefined;
      try {
        value = joined === false ? undefined : builder.build(joined, depth + 1);
      } catch (error) {
        // Patterns whose schemas contradict each other: no name may match all of them.
        if (!AssayError.is(error) || error.code !== 'generation') throw error;
      }
      valueByPatterns.set(signature, value);
    }
    return valueByPatterns.get(signature);
  };
  for (const [pattern, sub] of patternEntries) {
    const regex = compilePattern(pattern);
    // Objects with no name matching a `false` pattern are what such a pattern allows.
    if (regex === undefined || extraMax === 0 || sub === false) continue;
    let keys: fc.Arbitrary<string>;
    try {
      keys = fc.stringMatching(regex.regExp!, { maxLength: 24 });
    } catch {
      continue;
    }
    const key = boundedFilter(
      keys,
      // regex.test: a name drawn from the ECMAScript reading must match as the validator's engine reads it.
      (k) => !taken(k) && regex.test(k) && patternValue(k) !== undefined,
      `a property name matching ${pattern}`,
    );
    const entry = key.chain((k) => patternValue(k)!.map((value) => [k, value] as const));
    extras.push(
      fc
        .uniqueArray(entry, { maxLength: extraMax, selector: ([k]) => k })
        .map((entries) => Object.fromEntries(entries) as Record<string, unknown>),
    );
  }
  const freeForm =
    additional !== undefined && additional !== false && (names.length === 0 || additional !== true);
  const openWithoutProperties = additional === undefined && names.length === 0 && patternEntries.length === 0;
  const source = nameSource(builder, namesSchema);
  if (
    (freeForm || openWithoutProperties || (missing > 0 && additional !== false)) &&
    extraMax > 0 &&
    source !== undefined
  ) {
    const key = boundedFilter(
      source,
      (k) => !taken(k) && !patternEntries.some(([p]) => compilePattern(p)?.test(k)),
      'an additional property name',
    );
    const valueSchema =
      additional === undefined || additional === true
        ? { type: ['string', 'integer', 'boolean'] as JsonType[] }
        : additional;
    extras.push(
      fc.dictionary(key, builder.build(valueSchema, depth + 1), {
        minKeys: missing,
        maxKeys: extraMax,
        noNullPrototype: true,
      }),
    );
  }
  const combined =
    extras.length === 0
      ? record
      : fc
          .tuple(record, ...extras)
          // Entries, not Object.assign: assigning `__proto__` would set the prototype, not a property.
          .map(([head, ...tails]) =>
            Object.fromEntries([...tails, head].flatMap((part) => Object.entries(part))),
          );
  if (minProperties === 0 && maxProperties === Number.POSITIVE_INFINITY) return combined;
  return boundedFilter(
    combined,
    (value) => {
      const count = Object.keys(value).length;
      return count >= minProperties && count <= maxProperties;
    },
    `between ${minProperties} and ${maxProperties} properties`,
  );
}
