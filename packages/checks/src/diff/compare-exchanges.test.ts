import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { compareExchanges } from './compare-exchanges.js';

const defs: Record<string, JsonSchema> = {
  Book: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid', readOnly: true },
      created: { type: 'string', format: 'date-time', readOnly: true },
      title: { type: 'string' },
      etag: { type: 'string', 'x-assay-volatile': true } as JsonSchema,
    },
  },
};
const list = operationWith(
  [responseSpec('200', { 'application/json': { type: 'array', items: { $ref: '#/$defs/Book' } } })],
  {
    list: {
      itemsPath: [],
      itemSchema: { $ref: '#/$defs/Book' },
      filters: [],
      ordering: { param: 'ordering', fields: ['title'] },
    },
  },
);
const json = fc.jsonValue({ maxDepth: 3 });

describe('compareExchanges', () => {
  it('finds no difference between an answer and itself, keys in any order (law)', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(200, 201, 404), (body, status) => {
        const a = exchangeWith(list, { status, body });
        const b = exchangeWith(list, { status, body: JSON.parse(JSON.stringify(body)) });
        expect(compareExchanges(a, b, { defs })).toEqual([]);
      }),
    );
  });

  it('finds a difference wherever one scalar of the body differs (law)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), fc.nat(), (titles, pick) => {
        const index = pick % titles.length;
        const books = titles.map((title) => ({ title }));
        const changed = books.map((book, i) => (i === index ? { title: `${book.title}!` } : book));
        const [difference] = compareExchanges(
          exchangeWith(list, { body: books, query: 'ordering=title' }),
          exchangeWith(list, { body: changed, query: 'ordering=title' }),
          { defs },
        );
        expect(difference?.kind).toBe('body');
        expect(difference?.pointer).toBe(`/${index}/title`);
      }),
    );
  });

  it('ignores server-made values (readOnly uuid and date-time, x-assay-volatile, the config pointers)', () => {
    const a = [
      { id: '0b7e0c62-1d4f-4a4e-9a59-1f1f0e8e7a01', created: '2026-01-01T00:00:00Z', title: 'A', etag: 'x' },
    ];
    const b = [
      { id: '5d1c3c56-9a1e-4b5b-8c51-5a2f3c7d8e02', created: '2026-02-02T10:00:00Z', title: 'A', etag: 'y' },
    ];
    expect(
      compareExchanges(exchangeWith(list, { body: a }), exchangeWith(list, { body: b }), { defs }),
    ).toEqual([]);
    const other = [{ ...b[0], title: 'B' }];
    expect(
      compareExchanges(exchangeWith(list, { body: a }), exchangeWith(list, { body: other }), { defs }),
    ).toEqual([expect.objectContaining({ kind: 'body', pointer: '/0/title', a: 'A', b: 'B' })]);
    const counted = operationWith([responseSpec('200', { 'application/json': { type: 'object' } })]);
    const [x, y] = [
      { total: 1, at: 'now' },
      { total: 1, at: 'later' },
    ];
    expect(
      compareExchanges(exchangeWith(counted, { body: x }), exchangeWith(counted, { body: y }), { defs }),
    ).toHaveLength(1);
    expect(
      compareExchanges(exchangeWith(counted, { body: x }), exchangeWith(counted, { body: y }), {
        defs,
        volatile: ['/at'],
      }),
    ).toEqual([]);
  });

  it('compares a list as a multiset unless the request asked for an ordering', () => {
    const books = [{ title: 'A' }, { title: 'B' }];
    const reversed = [...books].reverse();
    expect(
      compareExchanges(exchangeWith(list, { body: books }), exchangeWith(list, { body: reversed }), { defs }),
    ).toEqual([]);
    expect(
      compareExchanges(
        exchangeWith(list, { body: books, query: 'ordering=title' }),
        exchangeWith(list, { body: reversed, query: 'ordering=title' }),
        { defs },
      ),
    ).toEqual([expect.objectContaining({ kind: 'body', pointer: '/0/title' })]);
  });

  it('tells status, media type and documented header differences apart', () => {
    const headed = operationWith([
      responseSpec('200', { 'application/json': { type: 'object' } }, {
        'X-Total-Count': { required: true, schema: { type: 'integer' } },
      } as never),
    ]);
    const base = { body: {}, headers: { 'content-type': 'application/json', 'x-total-count': '3' } };
    expect(
      compareExchanges(exchangeWith(headed, base), exchangeWith(headed, { ...base, status: 201 }), { defs }),
    ).toEqual([expect.objectContaining({ kind: 'status', a: 200, b: 201 })]);
    expect(
      compareExchanges(
        exchangeWith(headed, base),
        exchangeWith(headed, { ...base, headers: { 'content-type': 'text/plain' } }),
        { defs },
      ),
    ).toEqual([expect.objectContaining({ kind: 'content-type' })]);
    expect(
      compareExchanges(
        exchangeWith(headed, base),
        exchangeWith(headed, {
          ...base,
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-total-count': '4' },
        }),
        { defs },
      ),
    ).toEqual([expect.objectContaining({ kind: 'header', pointer: 'x-total-count', a: '3', b: '4' })]);
  });
});
