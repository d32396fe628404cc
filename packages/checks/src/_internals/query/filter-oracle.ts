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
  return filterMatcher(filter, values)(item);
}

/**
 * {@link filterMatches} for one filter and its values, applied to many items: the values are split,
 * trimmed and folded once rather than once per item (a page of a hundred items against a server
 * that ignores the filter judged every item's every candidate again).
 */
export function filterMatcher(
  filter: QueryFilter,
  values: readonly string[],
): (item: unknown) => boolean | undefined {
  const candidates = values
    .flatMap((value) => (value.includes(',') ? [value, ...value.split(',')] : [value]))
    .map((raw) => raw.trim())
    .filter((value) => value !== '')
    .map(
      (value): Candidate => ({
        value,
        folded: filter.kind === 'text' ? foldText(value) : value,
        uuid: UUID.test(value) ? value.replace(/-/g, '').toLowerCase() : undefined,
      }),
    );
  const { kind, property } = filter;
  return (item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    if (!Object.hasOwn(item, property)) return undefined;
    const actual = (item as Record<string, unknown>)[property];
    let verdict: boolean | undefined;
    for (const candidate of candidates) {
      const one = matchOne(kind, actual, candidate);
      if (one === true) return true;
      if (one === false) verdict = false;
    }
    return verdict;
  };
}

/** A filter value: trimmed and non-empty, with its folded form for text filters. */
interface Candidate {
  value: string;
  folded: string;
  /** Set when the value is a UUID: its hex digits, lower-case (computed once, not per item). */
  uuid: string | undefined;
}

function matchOne(kind: QueryFilter['kind'], actual: unknown, candidate: Candidate): boolean | undefined {
  const { value } = candidate;
  if (Array.isArray(actual)) {
    let sawUnknown = false;
    for (const element of actual) {
      const one = matchOne(kind, element, candidate);
      if (one === true) return true;
      if (one === undefined) sawUnknown = true;
    }
    return sawUnknown ? undefined : false;
  }
  if (kind === 'text') {
    if (typeof actual === 'string') return foldText(actual).includes(candidate.folded);
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
    // A UUID is 32 hex digits and up to 4 dashes: other lengths skip the pattern.
    if (candidate.uuid !== undefined && actual.length >= 32 && actual.length <= 36 && UUID.test(actual)) {
      return actual.replace(/-/g, '').toLowerCase() === candidate.uuid;
    }
    return actual === value;
  }
  if (actual === null) return value === 'null' || value === 'None' ? undefined : false;
  return undefined;
}
