import type { JsonSchema } from '@assay/model';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import { schemaTypes } from './schema-types.js';

/** A boundary case: a value, and whether it sits inside the schema's bounds or just beyond them. */
export interface Boundary {
  value: unknown;
  inside: boolean;
  /** For cases beyond a bound: the keyword broken. */
  keyword: string;
  /** What the case is, e.g. `maximum 100` or `just above maximum 100`. */
  label: string;
}

/** A long string for "very long" cases: long enough to hit buffers and column limits. */
export const LONG_STRING_LENGTH = 1000;
export const UNICODE_STRING = 'Zoë ünïcødé ✓ 日本語 🙂';

/**
 * Enum members a coverage phase visits one by one. Past this many, an evenly spread sample (first and
 * last included) stands for the rest, which random generation still draws: one request per member
 * of a 200,000-value enum would turn the deterministic phase into the whole run.
 */
export const ENUM_COVERAGE_LIMIT = 32;

function spreadMembers(members: readonly unknown[]): readonly unknown[] {
  if (members.length <= ENUM_COVERAGE_LIMIT) return members;
  const step = (members.length - 1) / (ENUM_COVERAGE_LIMIT - 1);
  return Array.from({ length: ENUM_COVERAGE_LIMIT }, (_, k) => members[Math.round(k * step)]);
}

/**
 * The boundary cases of one schema, deterministic and finite: each enum member (at most
 * {@link ENUM_COVERAGE_LIMIT}, spread over longer enums), each bound and
 * the value just beyond it, empty, minimum- and maximum-length, very long and Unicode strings, and
 * null where the schema allows it. Whether a case is really inside is decided later, against the
 * validator, after serialisation.
 */
export function boundaryValues(schema: JsonSchema, defs: Record<string, JsonSchema>): Boundary[] {
  const s = flatSchemaOrUndefined(schema, defs);
  if (s === undefined) return [];
  const types = schemaTypes(schema, defs);
  const out: Boundary[] = [];
  const inside = (value: unknown, label: string) => out.push({ value, inside: true, keyword: '', label });
  const beyond = (value: unknown, keyword: string, label: string) =>
    out.push({ value, inside: false, keyword, label });
  const members = s.const !== undefined ? [s.const] : s.enum;
  if (members !== undefined) {
    for (const member of spreadMembers(members)) inside(member, `enum value ${JSON.stringify(member)}`);
  } else {
    if (types.includes('integer') || types.includes('number')) {
      const step = types.includes('number') ? 0.5 : 1;
      if (s.minimum !== undefined) {
        inside(s.minimum, `minimum ${s.minimum}`);
        beyond(s.minimum - step, 'minimum', `just below minimum ${s.minimum}`);
      }
      if (s.maximum !== undefined) {
        inside(s.maximum, `maximum ${s.maximum}`);
        beyond(s.maximum + step, 'maximum', `just above maximum ${s.maximum}`);
      }
      if (typeof s.exclusiveMinimum === 'number') {
        inside(s.exclusiveMinimum + step, `just above exclusiveMinimum ${s.exclusiveMinimum}`);
        beyond(s.exclusiveMinimum, 'exclusiveMinimum', `exclusiveMinimum ${s.exclusiveMinimum} itself`);
      }
      if (typeof s.exclusiveMaximum === 'number') {
        inside(s.exclusiveMaximum - step, `just below exclusiveMaximum ${s.exclusiveMaximum}`);
        beyond(s.exclusiveMaximum, 'exclusiveMaximum', `exclusiveMaximum ${s.exclusiveMaximum} itself`);
      }
      if (s.minimum === undefined && s.exclusiveMinimum === undefined) inside(0, 'zero');
    }
    if (types.includes('boolean')) {
      inside(true, 'true');
      inside(false, 'false');
    }
    if (types.includes('string') && s.format === undefined && s.pattern === undefined) {
      const min = s.minLength ?? 0;
      inside('', 'empty string');
      if (min > 1) inside('a'.repeat(min), `minLength ${min}`);
      if (min > 0) beyond('a'.repeat(min - 1), 'minLength', `just below minLength ${min}`);
      if (s.maxLength !== undefined) {
        inside('a'.repeat(s.maxLength), `maxLength ${s.maxLength}`);
        beyond('a'.repeat(s.maxLength + 1), 'maxLength', `just above maxLength ${s.maxLength}`);
      } else inside('a'.repeat(LONG_STRING_LENGTH), `very long string (${LONG_STRING_LENGTH})`);
      inside(UNICODE_STRING, 'unicode string');
    } else if (types.includes('string')) {
      inside('', 'empty string');
    }
  }
  if (types.includes('null') && !(members ?? []).includes(null)) inside(null, 'null');
  return out;
}
