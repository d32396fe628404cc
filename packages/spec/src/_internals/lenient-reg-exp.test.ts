import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from './backtracking-risk.js';
import { lenientRegExp } from './lenient-reg-exp.js';

const catastrophic = [
  '^(a+)+$',
  '(a*)*b',
  '^(\\w+\\s?)*$',
  '^(a|aa)+$',
  '(x+x+)+y',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a+){20}$',
];
const harmless = [
  '^[a-z]+$',
  '^\\d{3}-\\d{4}$',
  '^(foo|bar)$',
  '^(ab)+$',
  '[(a+)+]',
  '\\(a+\\)+',
  '^(a+)?$',
  '^[\\w.-]{1,64}@[\\w.-]+$',
];

describe('backtrackingRisk', () => {
  it('flags repeated groups that repeat or alternate inside', () => {
    for (const pattern of catastrophic) expect(backtrackingRisk(pattern), pattern).toBe(true);
  });
  it('leaves ordinary patterns, classes and escaped parentheses alone', () => {
    for (const pattern of harmless) expect(backtrackingRisk(pattern), pattern).toBe(false);
  });
});

describe('lenientRegExp', () => {
  it('answers as ECMAScript does on short strings, for risky and ordinary patterns alike', () => {
    const patterns = [...catastrophic.filter((p) => !p.includes('{20}')), ...harmless];
    fc.assert(
      fc.property(
        fc.constantFrom(...patterns),
        fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'y', ' ', 'Z', '-', '@'), maxLength: 12 }),
        (pattern, value) => {
          expect(lenientRegExp(pattern, 'u').test(value)).toBe(new RegExp(pattern, 'u').test(value));
        },
      ),
    );
  });

  it('rejects a long near-miss against ^(a+)+$ at once through ajv (a backtracking engine would not finish)', () => {
    const ajv = new Ajv2020({ code: { regExp: lenientRegExp } });
    const validate = ajv.compile({ type: 'string', pattern: '^(a+)+$' });
    expect(validate(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(validate('a'.repeat(100_000))).toBe(true);
  });

  it('does not enforce a risky pattern that RE2 cannot express, rather than risk the hang', () => {
    expect(lenientRegExp('^((a+)+)\\2$', 'u').test('anything at all')).toBe(true);
  });

  it('keeps the old leniency: non-ECMAScript patterns are not enforced', () => {
    expect(lenientRegExp('(?i)abc\\Z', 'u').test('zzz')).toBe(true);
    expect(lenientRegExp('^a\\_b$', 'u').test('a_b')).toBe(true);
  });
});
