import { escapePointerToken } from '@assay/json-schema';

/** Where two JSON values first differ, and the two values there. */
export interface ValueDifference {
  pointer: string;
  a: unknown;
  b: unknown;
}

/**
 * The first place two JSON values differ, depth first in key order (both normalised, so keys are
 * sorted alike): a missing key on one side, a different type, a different length or a different
 * scalar. `undefined` when they are equal.
 */
export function firstDifference(a: unknown, b: unknown, pointer = ''): ValueDifference | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const inner = firstDifference(a[i], b[i], `${pointer}/${i}`);
      if (inner !== undefined) return inner;
    }
    return a.length === b.length ? undefined : { pointer, a: `${a.length} items`, b: `${b.length} items` };
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const at = `${pointer}/${escapePointerToken(key)}`;
      if (!(key in a)) return { pointer: at, a: undefined, b: b[key] };
      if (!(key in b)) return { pointer: at, a: a[key], b: undefined };
      const inner = firstDifference(a[key], b[key], at);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  return { pointer, a, b };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
