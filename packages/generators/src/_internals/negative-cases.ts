import type { JsonSchema } from '@assay/model';
import { keywordViolations } from './keyword-violations.js';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import { compilePattern } from './patterns.js';
import { schemaTypes } from './schema-types.js';

/** One way to make a value invalid: the value and the keyword it breaks. */
export interface Mutation {
  value: unknown;
  keyword: string;
  /** Says what is wrong, completing "<where>: …", e.g. `"abc" is not an integer`. */
  message: string;
}

/** Where a mutated value goes, which limits what it may look like. */
export type MutationTarget = 'json' | 'query' | 'path' | 'header' | 'cookie';

const BAD_FORMAT: Record<string, string> = {
  uuid: 'not-a-uuid',
  date: '2021-13-45',
  'date-time': 'not-a-date-time',
  time: '25:61:00',
  email: 'not-an-email',
  uri: 'not-a-uri',
  url: 'not-a-url',
  hostname: 'not_a_hostname!',
  ipv4: '999.1.1.1',
  ipv6: 'not-an-ipv6',
  byte: '%%%%',
};

const PATTERN_PROBES = [
  '',
  '!',
  '~',
  '0',
  'a',
  'Z',
  '-',
  '_',
  '%',
  ' ',
  'a b',
  '!!!!',
  '0000000000',
  'aaaaaaaaaa',
  'é',
  '\u00A7',
];

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Candidate invalid values for one schema: wrong type, outside bounds or lengths, bad format,
 * pattern mismatch, outside the enum. For wire targets every value is text, as it will travel;
 * the caller keeps a candidate only if the server's reading of it is rejected by the validator.
 */
export function mutationsFor(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  target: MutationTarget,
): Mutation[] {
  const s = flatSchemaOrUndefined(schema, defs);
  if (s === undefined) return [];
  const types = schemaTypes(schema, defs);
  const wire = target !== 'json';
  const out: Mutation[] = [];
  const add = (value: unknown, keyword: string, message: string) => out.push({ value, keyword, message });
  const numeric = types.includes('integer') || types.includes('number');
  const text = (n: number) => (wire ? String(n) : n);

  // Wrong type.
  if (wire) {
    if (
      !types.includes('string') &&
      types.length < 7 &&
      !types.includes('object') &&
      !types.includes('array')
    ) {
      if (numeric) {
        add('abc', 'type', `"abc" is not a number`);
        if (!types.includes('number')) add('1.5', 'type', `"1.5" is not an integer`);
      } else if (types.includes('boolean')) add('maybe', 'type', `"maybe" is not a boolean`);
    }
  } else if (types.length < 7) {
    const samples: [string, unknown][] = [
      ['string', 'not-a-number'],
      ['integer', 7],
      ['number', 1.5],
      ['boolean', true],
      ['null', null],
      ['array', []],
      ['object', {}],
    ];
    for (const [type, value] of samples) {
      const allowed = types.includes(type as never) || (type === 'integer' && types.includes('number'));
      if (!allowed) add(value, 'type', `${show(value)} is not of type ${types.join(' or ')}`);
    }
  }

  // Bounds.
  if (numeric) {
    const integer = !types.includes('number');
    const step = integer ? 1 : 0.5;
    if (s.minimum !== undefined)
      add(text(s.minimum - step), 'minimum', `${s.minimum - step} is below the minimum ${s.minimum}`);
    if (s.maximum !== undefined)
      add(text(s.maximum + step), 'maximum', `${s.maximum + step} is above the maximum ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number')
      add(
        text(s.exclusiveMinimum),
        'exclusiveMinimum',
        `${s.exclusiveMinimum} is not above ${s.exclusiveMinimum}`,
      );
    if (typeof s.exclusiveMaximum === 'number')
      add(
        text(s.exclusiveMaximum),
        'exclusiveMaximum',
        `${s.exclusiveMaximum} is not below ${s.exclusiveMaximum}`,
      );
    if (s.multipleOf !== undefined && integer && s.multipleOf > 1) {
      const base = Math.ceil((s.minimum ?? 0) / s.multipleOf) * s.multipleOf + 1;
      add(text(base), 'multipleOf', `${base} is not a multiple of ${s.multipleOf}`);
    }
    if (s.format === 'int32') add(text(2 ** 31), 'format', `${2 ** 31} is outside int32`);
  }

  // Strings.
  if (types.includes('string')) {
    if (s.minLength !== undefined && s.minLength > 0) {
      const short = 'a'.repeat(s.minLength - 1);
      add(short, 'minLength', `${show(short)} is shorter than ${s.minLength}`);
    }
    if (s.maxLength !== undefined && s.maxLength < 4096) {
      const long = 'a'.repeat(s.maxLength + 1);
      add(long, 'maxLength', `a string of ${s.maxLength + 1} characters is longer than ${s.maxLength}`);
    }
    const bad = s.format === undefined ? undefined : BAD_FORMAT[s.format];
    if (bad !== undefined) add(bad, 'format', `${show(bad)} is not a valid ${s.format}`);
    const regex = s.pattern === undefined ? undefined : compilePattern(s.pattern);
    if (regex !== undefined) {
      for (const probe of PATTERN_PROBES) {
        if (!regex.test(probe)) {
          add(probe, 'pattern', `${show(probe)} does not match ${s.pattern}`);
          break;
        }
      }
    }
  }

  // Enum and const.
  const members = s.const !== undefined ? [s.const] : s.enum;
  if (members !== undefined && members.length > 0) {
    const keyword = s.const !== undefined ? 'const' : 'enum';
    const numbers = members.filter((m): m is number => typeof m === 'number');
    if (numbers.length > 0) {
      // Not Math.max(...numbers): an enum of 100,000 numbers would overflow the stack.
      const outside = numbers.reduce((max, n) => Math.max(max, n), -Infinity) + 1;
      add(text(outside), keyword, `${outside} is not one of the allowed values`);
    }
    if (members.some((m) => typeof m === 'string') || types.includes('string')) {
      add('not-an-allowed-value', keyword, `"not-an-allowed-value" is not one of the allowed values`);
    }
  }

  if (!wire && types.includes('array') && (s.minItems ?? 0) === 1)
    add([], 'minItems', 'an empty array has fewer than 1 item');
  // Arrays and objects that break one applicator or size keyword, built like valid values.
  if (!wire)
    for (const m of keywordViolations(schema, defs))
      if (!out.some((o) => o.keyword === m.keyword)) out.push(m);

  return out.filter((m) => {
    if (target === 'header' || target === 'cookie') return typeof m.value === 'string' && TOKEN.test(m.value);
    if (target === 'path')
      return typeof m.value === 'string' && m.value !== '' && m.value !== '.' && m.value !== '..';
    return true;
  });
}
