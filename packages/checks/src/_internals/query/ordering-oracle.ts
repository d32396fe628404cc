import type { OrderingSyntax } from '@assay/model';
/** One ordering key: a property, ascending or descending. */
export interface OrderingKey {
  field: string;
  descending: boolean;
}

/**
 * Parses an ordering parameter in its convention's syntax (see `OrderingSyntax`): `name`,
 * `-created`, `name,-pk` (Django, the default); `name,desc` (Spring Data); `name:desc` (Strapi,
 * nestjs-paginate); `name desc, pk` (OData, Google); a bare field name. A part it cannot read
 * makes the whole value unreadable (no keys), so nothing is judged on a guess.
 */
export function parseOrdering(value: string, syntax: OrderingSyntax = 'minus'): OrderingKey[] {
  if (syntax === 'comma') {
    const [field, direction, ...rest] = value.split(',').map((part) => part.trim());
    if (field === undefined || field === '' || rest.length > 0) return [];
    if (direction === undefined) return [{ field, descending: false }];
    const d = direction.toLowerCase();
    return d === 'asc' || d === 'desc' ? [{ field, descending: d === 'desc' }] : [];
  }
  if (syntax === 'field-only') {
    const field = value.trim();
    return field === '' || /[\s,]/.test(field) ? [] : [{ field, descending: false }];
  }
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const keys: OrderingKey[] = [];
  for (const part of parts) {
    if (syntax === 'minus') {
      if (part === '-' || part === '+') continue;
      keys.push(
        part.startsWith('-')
          ? { field: part.slice(1), descending: true }
          : { field: part.replace(/^\+/, ''), descending: false },
      );
      continue;
    }
    const m = (syntax === 'colon' ? /^([^:\s]+)(?::(asc|desc))?$/i : /^(\S+)(?:\s+(asc|desc))?$/i).exec(part);
    if (m === null) return [];
    keys.push({ field: m[1]!, descending: m[2]?.toLowerCase() === 'desc' });
  }
  return keys;
}

type StringCompare = (a: string, b: string) => number;
type NullMode = 'first' | 'last' | 'smallest' | 'largest';

const binary: StringCompare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const caseInsensitive: StringCompare = (a, b) => binary(a.toLowerCase(), b.toLowerCase());
const locale = new Intl.Collator('en');
const localeLoose = new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true });
// Case-insensitive locale collations that keep punctuation (MySQL's utf8mb4_0900_ai_ci, ICU `ks-level2`).
const localeCaseless = new Intl.Collator('en', { sensitivity: 'accent' });
const localeNumeric = new Intl.Collator('en', { numeric: true });
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// A timestamp column orders by the instant, whatever offset or precision the text shows.
const instant: StringCompare = (a, b) => {
  const order = DATE_TIME.test(a) && DATE_TIME.test(b) ? Date.parse(a) - Date.parse(b) : Number.NaN;
  return Number.isFinite(order) ? order : binary(a, b);
};

/**
 * The string collations databases commonly use: binary (`C`), case-insensitive, a locale (ICU or
 * glibc `en_US`, which may ignore punctuation at the first level, or ignore case), and numeric
 * (decimals that JSON carries as strings), and RFC 3339 date-times by instant.
 */
const STRING_COLLATIONS: StringCompare[] = [
  binary,
  instant,
  caseInsensitive,
  locale.compare,
  localeLoose.compare,
  localeCaseless.compare,
  localeNumeric.compare,
];
const NULL_MODES: NullMode[] = ['last', 'first', 'largest', 'smallest'];

/** The outcome of the ordering oracle. */
export type OrderingVerdict =
  | { sorted: true }
  | { sorted: false; index: number; field: string; previous: unknown; value: unknown }
  | { sorted: 'unknown' };

/**
 * Whether items are sorted by the keys under at least one common collation and null placement.
 * `unknown` when it cannot tell: a key missing from an item, or values of different types.
 * When sorted under none, `index` is the first item out of order under the most lenient one.
 */
export function orderingVerdict(items: readonly unknown[], keys: readonly OrderingKey[]): OrderingVerdict {
  if (keys.length === 0 || items.length < 2) return { sorted: true };
  const rows: unknown[][] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { sorted: 'unknown' };
    const row: unknown[] = [];
    for (const key of keys) {
      if (!Object.hasOwn(item, key.field)) return { sorted: 'unknown' };
      row.push((item as Record<string, unknown>)[key.field]);
    }
    rows.push(row);
  }
  for (let k = 0; k < keys.length; k++) {
    const kinds = new Set(rows.map((row) => kindOf(row[k])).filter((kind) => kind !== 'null'));
    if (kinds.size > 1 || kinds.has('other')) return { sorted: 'unknown' };
  }
  let latestBreak = -1;
  for (const strings of STRING_COLLATIONS) {
    for (const nulls of NULL_MODES) {
      const broken = firstBreak(rows, keys, strings, nulls);
      if (broken < 0) return { sorted: true };
      latestBreak = Math.max(latestBreak, broken);
    }
  }
  const keyIndex = Math.max(
    0,
    keys.findIndex((_, k) => rows[latestBreak - 1]![k] !== rows[latestBreak]![k]),
  );
  return {
    sorted: false,
    index: latestBreak,
    field: keys[keyIndex]!.field,
    previous: rows[latestBreak - 1]![keyIndex],
    value: rows[latestBreak]![keyIndex],
  };
}

function kindOf(value: unknown): 'null' | 'string' | 'number' | 'boolean' | 'other' {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

function firstBreak(
  rows: unknown[][],
  keys: readonly OrderingKey[],
  strings: StringCompare,
  nulls: NullMode,
): number {
  for (let i = 1; i < rows.length; i++) {
    if (compareRows(rows[i - 1]!, rows[i]!, keys, strings, nulls) > 0) return i;
  }
  return -1;
}

function compareRows(
  a: unknown[],
  b: unknown[],
  keys: readonly OrderingKey[],
  strings: StringCompare,
  nulls: NullMode,
): number {
  for (let k = 0; k < keys.length; k++) {
    const descending = keys[k]!.descending;
    const x = a[k];
    const y = b[k];
    let c: number;
    if (x === null || y === null) {
      if (x === y) continue;
      // Null placement relative to the output order (first/last) or to the values (smallest/largest).
      const nullFirst =
        nulls === 'first' || (nulls === 'smallest' && !descending) || (nulls === 'largest' && descending);
      c = x === null ? (nullFirst ? -1 : 1) : nullFirst ? 1 : -1;
      return c;
    }
    if (typeof x === 'string' && typeof y === 'string') c = strings(x, y);
    else if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else c = Number(x) - Number(y);
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}
