import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuery, parseQuery } from './parse-query.js';

describe('parseQuery', () => {
  it('reads back what formatQuery writes, repeated names in order', () => {
    const entries = fc.array(
      fc.tuple(fc.string({ minLength: 1 }), fc.array(fc.string(), { minLength: 1, maxLength: 3 })),
      {
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(entries, (list) => {
        const values = new Map<string, string[]>();
        for (const [name, vs] of list) values.set(name, [...(values.get(name) ?? []), ...vs]);
        expect(parseQuery(formatQuery(values))).toEqual(values);
      }),
    );
  });

  it('reads + as a space, a bare name as empty, and keeps malformed escapes', () => {
    expect(parseQuery('q=a+b&flag&bad=%E0%A4%A&x=%41')).toEqual(
      new Map([
        ['q', ['a b']],
        ['flag', ['']],
        ['bad', ['%E0%A4%A']],
        ['x', ['A']],
      ]),
    );
  });
});
