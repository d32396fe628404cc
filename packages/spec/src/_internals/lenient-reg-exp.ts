import type { CodeOptions } from 'ajv/dist/2020.js';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;

const ANYTHING = { test: (_: string) => true };

/**
 * The regular-expression engine ajv compiles `pattern` with, the same policy as @assay/checks:
 * ECMA-262 with the `u` flag, else without it (specs write `\_` or `\:`), else a pattern that
 * matches anything (`(?i)`, `\Z` are not ECMAScript) so a rule nobody can read is never enforced.
 */
export const lenientRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      try {
        return new RegExp(pattern, flags.replace('u', ''));
      } catch {
        return ANYTHING;
      }
    }
  },
  { code: 'lenientRegExp' },
);
