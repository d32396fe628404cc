import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { compareExchanges } from './compare-exchanges.js';

const etagged = operationWith([
  responseSpec('200', { 'application/json': { type: 'object' } }, {
    ETag: { required: true, schema: { type: 'string' } },
    'X-Total-Count': { schema: { type: 'integer' } },
  } as never),
]);
const answer = (etag: string | undefined, count = '3') =>
  exchangeWith(etagged, {
    body: {},
    headers: {
      'content-type': 'application/json',
      'x-total-count': count,
      ...(etag === undefined ? {} : { etag }),
    },
  });

describe('compareExchanges with volatile headers', () => {
  it('ignores the value of a header named volatile, whatever both sides send (law)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(compareExchanges(answer(a), answer(b), { defs: {}, volatileHeaders: ['etag'] })).toEqual([]);
      }),
    );
  });

  it('still compares it without the setting, still compares the other headers, and still tells a missing one', () => {
    expect(compareExchanges(answer('"1"'), answer('"2"'), { defs: {} })).toEqual([
      expect.objectContaining({ kind: 'header', pointer: 'etag' }),
    ]);
    expect(
      compareExchanges(answer('"1"'), answer('"2"', '4'), { defs: {}, volatileHeaders: ['etag'] }),
    ).toEqual([expect.objectContaining({ kind: 'header', pointer: 'x-total-count' })]);
    expect(
      compareExchanges(answer('"1"'), answer(undefined), { defs: {}, volatileHeaders: ['etag'] }),
    ).toEqual([expect.objectContaining({ kind: 'header', pointer: 'etag', b: undefined })]);
  });
});
