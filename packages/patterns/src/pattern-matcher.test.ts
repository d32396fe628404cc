import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catastrophic, harmless } from './_test/sample-patterns.js';
import { patternEngine } from './pattern-engine.js';
import { patternMatcher } from './pattern-matcher.js';

describe('patternMatcher', () => {
  it('answers as ECMAScript does on short strings, for risky and ordinary patterns alike', () => {
    const patterns = [...catastrophic.filter((p) => !p.includes('{20}')), ...harmless];
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'y', ' ', 'Z', '-', '@'), maxLength: 12 }),
        (pattern, value) => {
          expect(patternMatcher(pattern).test(value)).toBe(new RegExp(pattern, 'u').test(value));
        },
      ),
    );
  });

  it('runs risky patterns on RE2 and ordinary ones on ECMAScript', () => {
    for (const pattern of catastrophic) expect(patternMatcher(pattern).engine, pattern).toBe('re2');
    for (const pattern of harmless) expect(patternMatcher(pattern).engine, pattern).toBe('ecmascript');
  });

  it('rejects a long near-miss against ^(a+)+$ at once (a backtracking engine would not finish)', () => {
    const matcher = patternMatcher('^(a+)+$');
    expect(matcher.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(matcher.test('a'.repeat(100_000))).toBe(true);
  });

  it('does not enforce a risky pattern that RE2 cannot express, rather than risk the hang', () => {
    const matcher = patternMatcher('^((a+)+)\\2$');
    expect(matcher.engine).toBe('none');
    expect(matcher.test('anything at all')).toBe(true);
  });

  it('does not enforce patterns that are not ECMAScript, and reads legacy-only escapes', () => {
    expect(patternMatcher('(?i)abc\\Z').test('zzz')).toBe(true);
    expect(patternMatcher('(?i)abc\\Z').regExp).toBeUndefined();
    expect(patternMatcher('^a\\_b$').test('a_b')).toBe(true);
    expect(patternMatcher('^a\\_b$').test('a-b')).toBe(false);
  });

  it('keeps case-insensitive flags on both engines', () => {
    expect(patternMatcher('^(a+)+$', 'iu').test('AaA')).toBe(true);
    expect(patternMatcher('^[a-z]+$', 'iu').test('AbC')).toBe(true);
  });

  it('gives every pattern its own string key, whatever its engine', () => {
    const all = [...catastrophic, ...harmless, '(?i)x', '(?i)y', '^((a+)+)\\2$', '^((b+)+)\\2$'];
    const keys = new Set(all.map((pattern) => String(patternMatcher(pattern))));
    expect(keys.size).toBe(all.length);
  });
});

describe('patternEngine in ajv', () => {
  it('keeps two RE2 patterns of one validator apart', () => {
    // ajv keys compiled patterns by their string form: matchers that all printed "[object Object]"
    // once made the second risky pattern of a document answer with the first one's rule.
    const ajv = new Ajv2020({ code: { regExp: patternEngine } });
    const first = ajv.compile({ type: 'string', pattern: '^(a+)+$' });
    const second = ajv.compile({ type: 'string', pattern: '^(b|bb)+$' });
    expect(first('aaa')).toBe(true);
    expect(second('bbb')).toBe(true);
    expect(second('aaa')).toBe(false);
    expect(first(`${'a'.repeat(50_000)}!`)).toBe(false);
  });

  it('validates ordinary patterns as ECMAScript', () => {
    const ajv = new Ajv2020({ code: { regExp: patternEngine } });
    const validate = ajv.compile({ type: 'string', pattern: '^\\p{Lu}' });
    expect(validate('Émile')).toBe(true);
    expect(validate('émile')).toBe(false);
  });
});
