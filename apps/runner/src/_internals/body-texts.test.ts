import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyTexts } from './body-texts.js';

describe('bodyTexts', () => {
  it('decodes as TextDecoder does, a body seen again included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.uint8Array({ maxLength: 64 })), { maxLength: 20 }),
        (bodies) => {
          const texts = bodyTexts(1);
          let previous: { kind: string; bytes: Buffer; text: string } | undefined;
          for (const [kind, raw] of bodies) {
            const bytes = Buffer.from(raw);
            const text = texts.text(kind, Buffer.from(bytes));
            expect(text).toBe(new TextDecoder().decode(bytes));
            previous = { kind, bytes, text };
          }
          if (previous !== undefined) {
            expect(texts.text(previous.kind, Buffer.from(previous.bytes))).toBe(previous.text);
          }
        },
      ),
    );
  });
});
