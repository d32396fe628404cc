import { patternMatcher } from './pattern-matcher.js';

/**
 * {@link patternMatcher} in the shape ajv takes as its `code.regExp` option: ajv calls it with a
 * schema's `pattern` and its flags, and only ever calls `test` on the result. Native patterns are
 * handed over as the RegExp itself, the fastest path; the rest as their matcher, whose `toString`
 * is unique (ajv keys compiled patterns by it, and two matchers sharing one key would answer for
 * each other).
 */
export const patternEngine: ((pattern: string, flags: string) => { test(value: string): boolean }) & {
  code: string;
} = Object.assign(
  (pattern: string, flags: string) => {
    const matcher = patternMatcher(pattern, flags);
    return matcher.engine === 'ecmascript' && matcher.regExp !== undefined ? matcher.regExp : matcher;
  },
  // Only used by ajv's standalone code generation, which Assay does not use.
  { code: 'patternEngine' },
);
