import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateBody } from './truncate-body.js';

describe('truncateBody', () => {
  it('keeps a body within the cap as it is', () => {
    expect(truncateBody('{"a":1}', 16)).toBe('{"a":1}');
  });

  it('cuts to the cap in UTF-8 bytes, never inside a character, and says how much was shown', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 0, max: 64 }),
        (body, cap) => {
          const out = truncateBody(body, cap);
          if (Buffer.byteLength(body) <= cap) {
            expect(out).toBe(body);
            return;
          }
          const match = /^([\s\S]*)… \[truncated: (\d+) of (\d+) bytes shown\]$/.exec(out);
          expect(match).not.toBeNull();
          const kept = match![1]!;
          expect(body.startsWith(kept)).toBe(true);
          expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(cap);
          expect(Number(match![2])).toBe(Buffer.byteLength(kept));
          expect(Number(match![3])).toBe(Buffer.byteLength(body));
          expect(kept).not.toMatch(/[\ud800-\udbff]$/);
        },
      ),
    );
  });

  it('says so when the transport already cut the body', () => {
    expect(truncateBody('abc', 10, true)).toContain('truncated by the transport');
    expect(truncateBody('abcdef', 2, true)).toBe('ab… [truncated: 2 of more than 6 bytes shown]');
  });
});
