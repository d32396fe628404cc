import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defKeyOfRef } from './def-key-of-ref.js';
import { escapePointerToken } from './json-pointer.js';

const key = fc.oneof(fc.string(), fc.constantFrom('~', '/', '~1', '~0', 'a/b~c', '100%', '%41', 'a b', 'é'));

describe('defKeyOfRef', () => {
  it('reads back every key from its reference, escaped as a pointer token and percent-encoded', () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(defKeyOfRef(`#/$defs/${encodeURIComponent(escapePointerToken(k))}`)).toBe(k);
      }),
    );
  });

  it('reads a key escaped as a pointer token only, when it holds no %', () => {
    fc.assert(
      fc.property(
        key.filter((k) => !k.includes('%')),
        (k) => {
          expect(defKeyOfRef(`#/$defs/${escapePointerToken(k)}`)).toBe(k);
        },
      ),
    );
  });

  it('keeps a literal % that decodes to nothing, and names no key for other references', () => {
    expect(defKeyOfRef('#/$defs/100%')).toBe('100%');
    expect(defKeyOfRef('#/$defs/a~1b%20c')).toBe('a/b c');
    expect(defKeyOfRef('#/components/schemas/Pet')).toBeUndefined();
    expect(defKeyOfRef('#/$defs/Pet/properties/name')).toBeUndefined();
    expect(defKeyOfRef('other.json#/$defs/Pet')).toBeUndefined();
  });
});
