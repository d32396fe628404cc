import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapePointerToken, joinPointer, pointerTokens, readPointer } from './json-pointer.js';

const token = fc.oneof(fc.string(), fc.constantFrom('~', '/', '~1', '~0', '/~', 'a/b~c', ''));

describe('JSON pointers (RFC 6901)', () => {
  it('splits a joined pointer back into the very tokens it was joined from', () => {
    fc.assert(
      fc.property(fc.array(token), (tokens) => {
        expect(pointerTokens(joinPointer('', ...tokens))).toEqual(tokens);
      }),
    );
  });

  it('reads back the value stored under any path of property names', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 6 }), fc.jsonValue(), (tokens, leaf) => {
        let doc: unknown = leaf;
        for (const name of [...tokens].reverse()) doc = { [name]: doc };
        expect(readPointer(doc, joinPointer('', ...tokens))).toEqual(leaf);
      }),
    );
  });

  it('escapes ~ before / (§3), indexes arrays by decimal index only, and reads own properties only', () => {
    expect(escapePointerToken('~/')).toBe('~0~1');
    expect(joinPointer('/a', 0, 'b/c')).toBe('/a/0/b~1c');
    const doc = { list: [10, 20], obj: {} };
    expect(readPointer(doc, '/list/1')).toBe(20);
    expect(readPointer(doc, '/list/01')).toBeUndefined();
    expect(readPointer(doc, '/list/length')).toBeUndefined();
    expect(readPointer(doc, '/obj/toString')).toBeUndefined();
    expect(readPointer(doc, '')).toBe(doc);
  });
});
