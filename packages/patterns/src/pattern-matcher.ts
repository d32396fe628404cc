import { RE2JS } from 're2js';
import { backtrackingRisk } from './backtracking-risk.js';

/**
 * A schema `pattern` compiled under Assay's one policy. Every package that reads a pattern (the
 * loader's early schema compile, the generators, the validator) goes through this, so a value the
 * generators draw and the validator judge is read the same way by both.
 */
export interface PatternMatcher {
  /** Whether the value matches: a search, like ECMAScript `test`, anchored only where the pattern anchors. */
  test(value: string): boolean;
  /**
   * Which engine answers: `ecmascript` (the native engine, for patterns that cannot backtrack
   * catastrophically), `re2` (a linear-time engine, for those that can), or `none` when the pattern
   * is not enforced at all (it is not ECMAScript, or it is risky and RE2 cannot express it).
   */
  readonly engine: 'ecmascript' | 're2' | 'none';
  /** The pattern as ECMAScript reads it; undefined when engine is `none`. Generators draw strings from it. */
  readonly regExp: RegExp | undefined;
  /** Unique per pattern, flags and engine: ajv keys the patterns it has compiled by this string. */
  toString(): string;
}

/** Distinct patterns kept compiled; past this the cache starts again, so a 50,000-pattern spec stays bounded. */
const CACHE_LIMIT = 10_000;
const cache = new Map<string, PatternMatcher>();

/**
 * Compiles a JSON Schema `pattern` (ECMA-262, RFC draft 2020-12 §6.3.3) under Assay's policy:
 *
 * - ECMAScript with the given flags (default `u`, as JSON Schema asks), else without `u`: specs in
 *   the wild write `\_` or `\:`, which only legacy mode accepts.
 * - A pattern no ECMAScript mode reads (`(?i)`, `\Z`) is not enforced (`none`): a check that cannot
 *   read a rule must not report a value as breaking it.
 * - A pattern that could backtrack catastrophically ({@link backtrackingRisk}, e.g. `^(a+)+$`) runs on
 *   RE2JS, a linear-time engine in plain JavaScript, so neither a hostile spec nor a hostile server's
 *   string can hang a run. When RE2 cannot express it (backreferences, lookaround) it is not
 *   enforced, rather than risk the hang.
 *
 * Matchers are cached per pattern and flags, and are stateless (no `g` or `y` flag).
 */
export function patternMatcher(pattern: string, flags = 'u'): PatternMatcher {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const matcher = compile(pattern, flags);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, matcher);
  return matcher;
}

function compile(pattern: string, flags: string): PatternMatcher {
  const regExp = ecmascript(pattern, flags.replace(/[gy]/g, ''));
  if (regExp === undefined) return unenforced(pattern, flags);
  if (!backtrackingRisk(pattern)) {
    return {
      test: (value) => regExp.test(value),
      engine: 'ecmascript',
      regExp,
      toString: () => String(regExp),
    };
  }
  const linear = re2(pattern, regExp.flags);
  if (linear === undefined) return unenforced(pattern, flags);
  return { test: linear, engine: 're2', regExp, toString: () => `re2:/${pattern}/${regExp.flags}` };
}

function unenforced(pattern: string, flags: string): PatternMatcher {
  return { test: () => true, engine: 'none', regExp: undefined, toString: () => `none:/${pattern}/${flags}` };
}

function ecmascript(pattern: string, flags: string): RegExp | undefined {
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

function re2(pattern: string, flags: string): ((value: string) => boolean) | undefined {
  try {
    let options = 0;
    if (flags.includes('i')) options |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('m')) options |= RE2JS.MULTILINE;
    if (flags.includes('s')) options |= RE2JS.DOTALL;
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), options);
    return (value: string) => compiled.test(value);
  } catch {
    return undefined;
  }
}
