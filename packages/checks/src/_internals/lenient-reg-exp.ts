import type { CodeOptions } from 'ajv/dist/2020.js';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;

const ALWAYS: { test(s: string): boolean } = { test: () => true };

/**
 * The regular-expression engine given to ajv. JSON Schema patterns are ECMA-262 with the `u` flag,
 * but specs in the wild carry patterns that only compile without it (`\_`, `\:`), and some that
 * are not ECMAScript at all (`(?i)`, `\Z`). Those fall back to no `u` flag, then to matching
 * anything: a check that cannot read the rule must not report a value as breaking it.
 */
export const lenientRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      try {
        return new RegExp(pattern, flags.replace('u', ''));
      } catch {
        return ALWAYS;
      }
    }
  },
  { code: 'lenientRegExp' },
);
