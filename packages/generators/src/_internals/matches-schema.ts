import type { JsonSchema, JsonSchemaObject } from '@assay/model';
import { checkNumberFormat, checkStringFormat } from './format-checks.js';
import { canonicalJson, jsonEqual } from './json-equal.js';
import { compilePattern } from './patterns.js';
import { resolveRef } from './resolve-ref.js';

/**
 * A small JSON Schema 2020-12 evaluator for the keywords the generators produce or mutate. It lets
 * the generators keep `oneOf` branches exclusive, drop enum members that break sibling keywords and
 * decide, when no validator is injected, whether a value is valid. Keywords it does not know are
 * treated as satisfied; callers that need certainty pass the project's validator instead.
 */
export function matchesSchema(
  schema: JsonSchema,
  value: unknown,
  defs: Record<string, JsonSchema>,
  depth = 0,
): boolean {
  if (schema === true) return true;
  if (schema === false) return false;
  if (depth > 64) return true;
  const s = schema;
  if (s.$ref !== undefined && !matchesSchema(resolveRef(s.$ref, defs), value, defs, depth + 1)) return false;
  if (!matchesType(s, value)) return false;
  if (s.const !== undefined && !jsonEqual(s.const, value)) return false;
  if (s.enum !== undefined && !s.enum.some((member) => jsonEqual(member, value))) return false;
  if (typeof value === 'string' && !matchesString(s, value)) return false;
  if (typeof value === 'number' && !matchesNumber(s, value)) return false;
  if (Array.isArray(value) && !matchesArray(s, value, defs, depth)) return false;
  if (isPlainObject(value) && !matchesObject(s, value, defs, depth)) return false;
  if (s.allOf?.some((sub) => !matchesSchema(sub, value, defs, depth + 1))) return false;
  if (s.anyOf !== undefined && !s.anyOf.some((sub) => matchesSchema(sub, value, defs, depth + 1)))
    return false;
  if (
    s.oneOf !== undefined &&
    s.oneOf.filter((sub) => matchesSchema(sub, value, defs, depth + 1)).length !== 1
  ) {
    return false;
  }
  if (s.not !== undefined && matchesSchema(s.not, value, defs, depth + 1)) return false;
  return true;
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

/** ajv's multipleOf test (no precision option): the quotient must be an integer. */
export function isMultipleOf(value: number, divisor: number): boolean {
  const quotient = value / divisor;
  return Number.isFinite(quotient) && quotient === Math.trunc(quotient);
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
  s: JsonSchemaObject,
  value: unknown[],
  defs: Record<string, JsonSchema>,
  depth: number,
): boolean {
  if (s.minItems !== undefined && value.length < s.minItems) return false;
  if (s.maxItems !== undefined && value.length > s.maxItems) return false;
  const prefix = s.prefixItems ?? [];
  for (let i = 0; i < value.length; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : s.items;
    if (itemSchema !== undefined && !matchesSchema(itemSchema, value[i], defs, depth + 1)) return false;
  }
  if (s.uniqueItems === true && new Set(value.map(canonicalJson)).size !== value.length) return false;
  return true;
}

function matchesObject(
  s: JsonSchemaObject,
  value: Record<string, unknown>,
  defs: Record<string, JsonSchema>,
  depth: number,
): boolean {
  const keys = Object.keys(value);
  if (s.minProperties !== undefined && keys.length < s.minProperties) return false;
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
  if (s.required?.some((key) => !Object.hasOwn(value, key))) return false;
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
      if (!matchesSchema(s.additionalProperties, value[key], defs, depth + 1)) return false;
    }
  }
  return true;
}
