import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentDecode, percentEncode } from './percent-encode.js';

describe('percentEncode', () => {
  it('leaves only unreserved characters and escapes on the wire, and decodes back to the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const encoded = percentEncode(text);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(percentDecode(encoded)).toBe(text);
      }),
    );
  });

  it('encodes the sub-delimiters encodeURIComponent keeps, and a lone surrogate as U+FFFD', () => {
    expect(percentEncode("a!'()*b")).toBe('a%21%27%28%29%2Ab');
    expect(percentEncode('x\uD800y')).toBe('x%EF%BF%BDy');
    expect(percentEncode('v1.2_3~-')).toBe('v1.2_3~-');
  });
});
