import type { QueryFilter } from '@assay/model';
import { foldText } from './fold-text.js';

const TRUE = new Set(['true', 'True', 'TRUE', '1', 'yes', 'on']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'no', 'off']);
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * Whether an item's property value matches a filter's parameter values: `true`, `false`, or
 * `undefined` when the oracle cannot tell (empty parameter, which filter libraries ignore; a value
 * it cannot read; a property the item does not carry). Several values (`a=1&a=2`, or `1,2`) match
 * when any does. Text filters match by case-insensitive containment, so exact, case-insensitive
 * and containment servers all pass.
 */
export function filterMatches(
  filter: QueryFilter,
  item: unknown,
  values: readonly string[],
): boolean | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  if (!Object.hasOwn(item, filter.property)) return undefined;
  const actual = (item as Record<string, unknown>)[filter.property];
  const candidates = values.flatMap((value) =>
    value.includes(',') ? [value, ...value.split(',')] : [value],
  );
  let verdict: boolean | undefined;
  for (const candidate of candidates) {
    const one = matchOne(filter.kind, actual, candidate);
    if (one === true) return true;
    if (one === false) verdict = false;
  }
  return verdict;
}

function matchOne(kind: QueryFilter['kind'], actual: unknown, raw: string): boolean | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  if (Array.isArray(actual)) {
    const results = actual.map((element) => matchOne(kind, element, raw));
    if (results.includes(true)) return true;
    return results.every((r) => r === false) ? false : undefined;
  }
  if (kind === 'text') {
    if (typeof actual === 'string') return foldText(actual).includes(foldText(value));
    if (typeof actual === 'number') return String(actual).includes(value);
    return actual === null ? false : undefined;
  }
  if (typeof actual === 'boolean') {
    if (TRUE.has(value)) return actual === true;
    if (FALSE.has(value)) return actual === false;
    return undefined;
  }
  if (typeof actual === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n === actual : undefined;
  }
  if (typeof actual === 'string') {
    if (UUID.test(actual) && UUID.test(value)) {
      return actual.replace(/-/g, '').toLowerCase() === value.replace(/-/g, '').toLowerCase();
    }
    return actual === value;
  }
  if (actual === null) return value === 'null' || value === 'None' ? undefined : false;
  return undefined;
}
