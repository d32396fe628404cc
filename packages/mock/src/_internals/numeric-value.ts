/**
 * A paging parameter's value as a number: the number itself, or a string of decimal digits (a spec
 * may type `page` or `count` as a string, as Slack's does, and a server still reads `?page=2` as
 * page 2); `undefined` for anything else.
 */
export function numericValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\s*-?\d{1,15}\s*$/.test(raw)) return Number(raw);
  return undefined;
}
