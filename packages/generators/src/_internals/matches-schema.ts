import type { JsonSchema, JsonSchemaObject } from '@assay/model';
import { checkNumberFormat, checkStringFormat } from './format-checks.js';
import { canonicalJson, jsonEqual } from './json-equal.js';
import { compilePattern } from './patterns.js';
import { resolveRef } from './resolve-ref.js';
import { type Keywords, keywords } from './schema-keywords.js';

/** What a successful evaluation looked at, for `unevaluatedItems`/`unevaluatedProperties` (2020-12 §11). */
interface Evaluated {
  items: Set<number> | 'all';
  props: Set<string> | 'all';
}

function merge(into: Evaluated, from: Evaluated): void {
  if (into.items !== 'all') {
    if (from.items === 'all') into.items = 'all';
    else for (const i of from.items) into.items.add(i);
  }
  if (into.props !== 'all') {
    if (from.props === 'all') into.props = 'all';
    else for (const p of from.props) into.props.add(p);
  }
}

/**
 * A JSON Schema 2020-12 evaluator for the applicator, validation and unevaluated vocabularies. It
 * lets the generators keep `oneOf` branches exclusive, drop enum members that break sibling
 * keywords, check what construction only approximates and decide, when no validator is injected,
 * whether a value is valid. Keywords it does not know are treated as satisfied; callers that need
 * certainty pass the project's validator instead.
 */
export function matchesSchema(
  schema: JsonSchema,
  value: unknown,
  defs: Record<string, JsonSchema>,
  depth = 0,
): boolean {
  return evaluate(schema, value, defs, depth, tracks(schema, defs)) !== undefined;
}

const mentionsUnevaluated = new WeakMap<object, boolean>();

function mentions(node: object): boolean {
  let known = mentionsUnevaluated.get(node);
  if (known === undefined) {
    known = JSON.stringify(node).includes('"unevaluated');
    mentionsUnevaluated.set(node, known);
  }
  return known;
}

/** Annotations are only collected where an unevaluated* keyword can read them (they cost a set per schema). */
function tracks(schema: JsonSchema, defs: Record<string, JsonSchema>): boolean {
  return typeof schema === 'object' && (mentions(schema) || mentions(defs));
}

function evaluate(
  schema: JsonSchema,
  value: unknown,
  defs: Record<string, JsonSchema>,
  depth: number,
  track: boolean,
): Evaluated | undefined {
  const seen: Evaluated = track ? { items: new Set(), props: new Set() } : { items: 'all', props: 'all' };
  if (schema === true) return seen;
  if (schema === false) return undefined;
  if (depth > 64) return seen;
  const s = keywords(schema);
  const inPlace = (sub: JsonSchema): boolean => {
    const result = evaluate(sub, value, defs, depth + 1, track);
    if (result === undefined) return false;
    merge(seen, result);
    return true;
  };
  if (s.$ref !== undefined && !inPlace(resolveRef(s.$ref, defs))) return undefined;
  if (!matchesType(s, value)) return undefined;
  if (s.const !== undefined && !jsonEqual(s.const, value)) return undefined;
  if (s.enum !== undefined && !s.enum.some((member) => jsonEqual(member, value))) return undefined;
  if (typeof value === 'string' && !matchesString(s, value)) return undefined;
  if (typeof value === 'number' && !matchesNumber(s, value)) return undefined;
  if (Array.isArray(value) && !matchesArray(s, value, defs, depth, seen)) return undefined;
  if (isPlainObject(value) && !matchesObject(s, value, defs, depth, seen)) return undefined;
  if (s.allOf !== undefined) for (const sub of s.allOf) if (!inPlace(sub)) return undefined;
  // Every passing anyOf branch contributes its annotations, so none may stop at the first.
  if (s.anyOf !== undefined) {
    const passed = track ? s.anyOf.map(inPlace).filter(Boolean).length > 0 : s.anyOf.some(inPlace);
    if (!passed) return undefined;
  }
  if (s.oneOf !== undefined) {
    let passing: Evaluated | undefined;
    let count = 0;
    for (const sub of s.oneOf) {
      const result = evaluate(sub, value, defs, depth + 1, track);
      if (result === undefined) continue;
      count += 1;
      if (count > 1) return undefined;
      passing = result;
    }
    if (passing === undefined) return undefined;
    merge(seen, passing);
  }
  if (s.not !== undefined && matchesSchema(s.not, value, defs, depth + 1)) return undefined;
  if (s.if !== undefined) {
    const condition = evaluate(s.if, value, defs, depth + 1, track);
    if (condition !== undefined) {
      merge(seen, condition);
      if (s.then !== undefined && !inPlace(s.then)) return undefined;
    } else if (s.else !== undefined && !inPlace(s.else)) return undefined;
  }
  if (isPlainObject(value) && s.dependentSchemas !== undefined) {
    for (const [key, sub] of Object.entries(s.dependentSchemas))
      if (Object.hasOwn(value, key) && !inPlace(sub)) return undefined;
  }
  if (Array.isArray(value) && s.unevaluatedItems !== undefined && seen.items !== 'all') {
    for (let i = 0; i < value.length; i++) {
      if (seen.items.has(i)) continue;
      if (!matchesSchema(s.unevaluatedItems, value[i], defs, depth + 1)) return undefined;
    }
    seen.items = 'all';
  }
  if (isPlainObject(value) && s.unevaluatedProperties !== undefined && seen.props !== 'all') {
    for (const key of Object.keys(value)) {
      if (seen.props.has(key)) continue;
      if (!matchesSchema(s.unevaluatedProperties, value[key], defs, depth + 1)) return undefined;
    }
    seen.props = 'all';
  }
  return seen;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(s: JsonSchemaObject, value: unknown): boolean {
  const declared = s.type === undefined ? undefined : Array.isArray(s.type) ? s.type : [s.type];
  const nullable = s.nullable === true;
  if (declared === undefined) return true;
  const actual = typeOf(value);
  return declared.some(
    (type) =>
      type === actual ||
      (type === 'integer' && actual === 'number' && Number.isInteger(value)) ||
      (nullable && actual === 'null'),
  );
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

function matchesString(s: JsonSchemaObject, value: string): boolean {
  const length = s.minLength !== undefined || s.maxLength !== undefined ? codePointLength(value) : 0;
  if (s.minLength !== undefined && length < s.minLength) return false;
  if (s.maxLength !== undefined && length > s.maxLength) return false;
  if (s.pattern !== undefined) {
    const regex = compilePattern(s.pattern);
    if (regex && !regex.test(value)) return false;
  }
  if (s.format !== undefined && checkStringFormat(s.format, value) === false) return false;
  return true;
}

/**
 * ajv's multipleOf test (no precision option): `quotient === parseInt(quotient)`, where parseInt
 * reads the quotient's decimal text, so a quotient of 1e21 or more (written with an exponent) fails.
 */
export function isMultipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Number.isFinite(quotient) && quotient === Math.trunc(quotient) && Math.abs(quotient) < 1e21;
}

function matchesNumber(s: JsonSchemaObject, value: number): boolean {
  if (s.minimum !== undefined && value < s.minimum) return false;
  if (s.maximum !== undefined && value > s.maximum) return false;
  if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return false;
  if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return false;
  if (s.multipleOf !== undefined && !isMultipleOf(value, s.multipleOf)) return false;
  if (s.format !== undefined && !checkNumberFormat(s.format, value)) return false;
  return true;
}

function matchesArray(
  s: Keywords,
  value: unknown[],
  defs: Record<string, JsonSchema>,
  depth: number,
  seen: Evaluated,
): boolean {
  if (s.minItems !== undefined && value.length < s.minItems) return false;
  if (s.maxItems !== undefined && value.length > s.maxItems) return false;
  const prefix = s.prefixItems ?? [];
  const items = seen.items;
  for (let i = 0; i < value.length; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : s.items;
    if (itemSchema === undefined) continue;
    if (!matchesSchema(itemSchema, value[i], defs, depth + 1)) return false;
    if (items !== 'all') items.add(i);
  }
  if (s.contains !== undefined) {
    let count = 0;
    for (let i = 0; i < value.length; i++) {
      if (!matchesSchema(s.contains, value[i], defs, depth + 1)) continue;
      count += 1;
      if (items !== 'all') items.add(i);
    }
    if (count < (s.minContains ?? 1) || count > (s.maxContains ?? Number.POSITIVE_INFINITY)) return false;
  }
  if (s.uniqueItems === true && new Set(value.map(canonicalJson)).size !== value.length) return false;
  return true;
}

function matchesObject(
  s: Keywords,
  value: Record<string, unknown>,
  defs: Record<string, JsonSchema>,
  depth: number,
  seen: Evaluated,
): boolean {
  const keys = Object.keys(value);
  if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
  if (s.required?.some((key) => !Object.hasOwn(value, key))) return false;
  for (const [key, needed] of Object.entries(s.dependentRequired ?? {})) {
    if (Object.hasOwn(value, key) && needed.some((other) => !Object.hasOwn(value, other))) return false;
  }
  const names = s.propertyNames;
  if (names !== undefined && keys.some((key) => !matchesSchema(names, key, defs, depth + 1))) return false;
  const props = seen.props;
  const patterns = Object.entries(s.patternProperties ?? {}).map(
    ([pattern, sub]) => [compilePattern(pattern), sub] as const,
  );
  for (const key of keys) {
    let known = false;
    const propertySchema = s.properties?.[key];
    if (propertySchema !== undefined && Object.hasOwn(s.properties ?? {}, key)) {
      known = true;
      if (!matchesSchema(propertySchema, value[key], defs, depth + 1)) return false;
    }
    for (const [regex, sub] of patterns) {
      if (regex?.test(key)) {
        known = true;
        if (!matchesSchema(sub, value[key], defs, depth + 1)) return false;
      }
    }
    if (!known && s.additionalProperties !== undefined) {
      known = true;
      if (!matchesSchema(s.additionalProperties, value[key], defs, depth + 1)) return false;
    }
    if (known && props !== 'all') props.add(key);
  }
  return true;
}
