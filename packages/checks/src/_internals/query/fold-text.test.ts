import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './fold-text.js';

const fullFold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

describe('foldText', () => {
  it('folds ASCII and non-ASCII text alike: decomposed, without marks, lower-case', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), fc.string()),
        (text) => {
          expect(foldText(text)).toBe(fullFold(text));
        },
      ),
    );
    expect(foldText('Crème BRÛLÉE ﬁ')).toBe('creme brulee fi');
    expect(foldText('Hello, World!')).toBe('hello, world!');
  });
});
