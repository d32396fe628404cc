import { AssayError, type JsonSchemaObject, type JsonType } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './generation-error.js';
import { compilePattern } from './patterns.js';
import type { SchemaBuilder } from './schema-builder.js';

/** Objects of the schema: properties, required, patternProperties, additionalProperties, size bounds. */
export function objectArbitrary(
  builder: SchemaBuilder,
  s: JsonSchemaObject,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const bottom = depth >= builder.settings.maxDepth;
  const properties = s.properties ?? {};
  const names = Object.keys(properties);
  const required = new Set(s.required ?? []);
  const minProperties = s.minProperties ?? 0;
  const maxProperties = s.maxProperties ?? Number.POSITIVE_INFINITY;
  // Reach minProperties by construction: promote optional properties to required, in order.
  for (const name of names) {
    if (required.size >= minProperties) break;
    required.add(name);
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
      model[name] = builder.build(properties[name]!, depth);
    } catch (error) {
      // An optional property nothing satisfies is simply never sent.
      if (required.has(name) || !AssayError.is(error) || error.code !== 'generation') throw error;
    }
  }
  // unevaluatedProperties: false after merging reads as a closed object: only declared properties.
  const additional = s.additionalProperties ?? (s.unevaluatedProperties === false ? false : undefined);
  const patternEntries = Object.entries(s.patternProperties ?? {});
  // A required name without a property schema takes its schema from patternProperties or additionalProperties.
  for (const name of required) {
    if (Object.hasOwn(model, name)) continue;
    const pattern = patternEntries.find(([p]) => compilePattern(p)?.test(name));
    const schema = pattern ? pattern[1] : additional === undefined ? true : additional;
    if (schema === false) unsatisfiable(`required property ${name}, which additionalProperties forbids`);
    model[name] = builder.build(schema, depth);
  }
  const requiredKeys = [...required].filter((name) => Object.hasOwn(model, name));
  const record = fc.record(model, { requiredKeys, noNullPrototype: true });
  const extras: fc.Arbitrary<Record<string, unknown>>[] = [];
  // Names of Object.prototype members (`valueOf`, `__proto__` …) are valid JSON keys, but they
  // crash deep-equality helpers in validators and servers alike: they find no bug worth the noise.
  const taken = (key: string) =>
    Object.hasOwn(properties, key) || required.has(key) || key in Object.prototype;
  const missing = Math.max(0, minProperties - required.size);
  const extraMax = bottom ? missing : Math.max(missing, 2);
  for (const [pattern, schema] of patternEntries) {
    const regex = compilePattern(pattern);
    if (regex === undefined || extraMax === 0) continue;
    let keys: fc.Arbitrary<string>;
    try {
      keys = fc.stringMatching(regex.regExp!, { maxLength: 24 });
    } catch {
      continue;
    }
    const others = patternEntries.filter(([p]) => p !== pattern).map(([p]) => compilePattern(p));
    const key = boundedFilter(
      keys,
      // regex.test: a name drawn from the ECMAScript reading must match as the validator's engine reads it.
      (k) => !taken(k) && regex.test(k) && !others.some((o) => o?.test(k)),
      `a property name matching ${pattern}`,
    );
    extras.push(
      fc.dictionary(key, builder.build(schema, depth + 1), {
        minKeys: 0,
        maxKeys: extraMax,
        noNullPrototype: true,
      }),
    );
  }
  const freeForm =
    additional !== undefined && additional !== false && (names.length === 0 || additional !== true);
  const openWithoutProperties = additional === undefined && names.length === 0 && patternEntries.length === 0;
  if ((freeForm || openWithoutProperties || (missing > 0 && additional !== false)) && extraMax > 0) {
    const key = boundedFilter(
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789'),
        minLength: 1,
        maxLength: 10,
      }),
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
          .map(([head, ...tails]) => Object.assign({}, ...tails, head) as Record<string, unknown>);
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
