import { type PatternMatcher, patternMatcher } from '@assay/patterns';

/**
 * Compiles a schema `pattern` under the project's one pattern policy (the validator's), so a value
 * drawn here is judged by the same engine that will judge it in a response or a request. Returns
 * undefined for patterns the policy does not enforce (not ECMAScript, or risky and beyond RE2):
 * the validator accepts anything there, and so does generation.
 */
export function compilePattern(pattern: string): PatternMatcher | undefined {
  const matcher = patternMatcher(pattern);
  return matcher.engine === 'none' ? undefined : matcher;
}
