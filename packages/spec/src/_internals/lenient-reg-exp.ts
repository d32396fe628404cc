import type { CodeOptions } from 'ajv/dist/2020.js';
import { RE2JS } from 're2js';
import { backtrackingRisk } from './backtracking-risk.js';

type RegExpEngine = NonNullable<CodeOptions['regExp']>;

const ANYTHING = { test: (_: string) => true };

/**
 * The regular-expression engine ajv compiles `pattern` with, the same policy as @assay/checks:
 * ECMA-262 with the `u` flag, else without it (specs write `\_` or `\:`), else a pattern that
 * matches anything (`(?i)`, `\Z` are not ECMAScript) so a rule nobody can read is never enforced.
 *
 * A pattern that could backtrack catastrophically (`^(a+)+$`, see {@link backtrackingRisk}) runs on
 * RE2JS instead, a linear-time engine in plain JavaScript: a hostile spec, or a hostile server's
 * string against it, cannot hang validation. When RE2 cannot express such a pattern (lookaround,
 * backreferences) it is not enforced at all, rather than risk the hang.
 */
export const lenientRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    if (!backtrackingRisk(pattern)) return native(pattern, flags) ?? ANYTHING;
    return linear(pattern, flags) ?? ANYTHING;
  },
  { code: 'lenientRegExp' },
);

function native(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags);
  } catch {
    try {
      return new RegExp(pattern, flags.replace('u', ''));
    } catch {
      return undefined;
    }
  }
}

function linear(pattern: string, flags: string): { test(value: string): boolean } | undefined {
  try {
    const compiled = RE2JS.compile(
      RE2JS.translateRegExp(pattern),
      flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0,
    );
    return { test: (value: string) => compiled.test(value) };
  } catch {
    return undefined;
  }
}
