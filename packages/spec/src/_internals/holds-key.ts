/** Whether `key` is a key anywhere inside `value` (objects and arrays, to a bounded depth). */
export function holdsKey(value: unknown, key: string, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) return value.some((item) => holdsKey(item, key, depth + 1));
  return Object.entries(value).some(([k, sub]) => k === key || holdsKey(sub, key, depth + 1));
}
