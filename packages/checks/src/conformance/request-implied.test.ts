import type { Pagination } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { ignoredAuth } from './ignored-auth.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { positiveDataAcceptance } from './positive-data-acceptance.js';

const op = operationWith([responseSpec('200')]);

describe('negative-data-rejection', () => {
  const reason = {
    location: 'query' as const,
    name: 'page',
    keyword: 'minimum',
    value: -1,
    message: 'page: -1 < 1',
  };
  it('wants a 4xx for a negative request', () => {
    const accepted = exchangeWith(op, { mode: 'negative', status: 200 });
    accepted.request.reason = reason;
    const [v] = negativeDataRejection.verify(accepted);
    expect(v).toMatchObject({ keyword: 'minimum', expected: '4xx', actual: 200 });
    expect(v!.fingerprint).toContain('page');
    expect(negativeDataRejection.verify(exchangeWith(op, { mode: 'negative', status: 400 }))).toEqual([]);
    expect(negativeDataRejection.verify(exchangeWith(op, { mode: 'negative', status: 422 }))).toEqual([]);
  });
  it('leaves 5xx to not-a-server-error and ignores other modes', () => {
    expect(negativeDataRejection.verify(exchangeWith(op, { mode: 'negative', status: 500 }))).toEqual([]);
    expect(negativeDataRejection.verify(exchangeWith(op, { mode: 'positive', status: 200 }))).toEqual([]);
  });
});

describe('positive-data-acceptance', () => {
  it('reports a valid request rejected with a 4xx other than 401, 403, 404 and 429', () => {
    expect(positiveDataAcceptance.verify(exchangeWith(op, { status: 400 }))[0]).toMatchObject({
      actual: 400,
    });
    expect(positiveDataAcceptance.verify(exchangeWith(op, { mode: 'example', status: 422 }))).toHaveLength(1);
    for (const status of [200, 401, 403, 404, 429, 500]) {
      expect(positiveDataAcceptance.verify(exchangeWith(op, { status }))).toEqual([]);
    }
    expect(positiveDataAcceptance.verify(exchangeWith(op, { mode: 'negative', status: 400 }))).toEqual([]);
    expect(positiveDataAcceptance.verify(exchangeWith(op, { mode: 'auth', status: 400 }))).toEqual([]);
  });
  it('allows pagination to reject a page other than the first, an offset, a cursor or a range', () => {
    const pagination: Pagination = {
      style: 'page-object',
      source: 'detected',
      firstPage: 1,
      pageParam: 'page',
      offsetParam: 'offset',
      cursorParam: 'cursor',
    };
    const list = operationWith([responseSpec('200')], {
      list: { itemsPath: ['results'], itemSchema: {}, filters: [], pagination },
    });
    for (const query of ['page=0', 'page=-3', 'page=9999', 'offset=500', 'cursor=abc']) {
      expect(positiveDataAcceptance.verify(exchangeWith(list, { status: 400, query }))).toEqual([]);
    }
    expect(
      positiveDataAcceptance.verify(
        exchangeWith(list, { status: 416, requestHeaders: { range: '100-109' } }),
      ),
    ).toEqual([]);
    expect(positiveDataAcceptance.verify(exchangeWith(list, { status: 400, query: 'page=1' }))).toHaveLength(
      1,
    );
    expect(positiveDataAcceptance.verify(exchangeWith(list, { status: 400, query: 'name=x' }))).toHaveLength(
      1,
    );
  });
});

describe('ignored-auth', () => {
  const secured = operationWith([responseSpec('200')], { security: [{ bearer: [] }] });
  it('wants 401 or 403 for a request without valid credentials', () => {
    expect(ignoredAuth.verify(exchangeWith(secured, { mode: 'auth', status: 200 }))[0]).toMatchObject({
      check: 'ignored-auth',
      expected: [401, 403],
      actual: 200,
    });
    expect(ignoredAuth.verify(exchangeWith(secured, { mode: 'auth', status: 401 }))).toEqual([]);
    expect(ignoredAuth.verify(exchangeWith(secured, { mode: 'auth', status: 403 }))).toEqual([]);
  });
  it('says nothing for operations open to anonymous callers, or for other modes', () => {
    expect(ignoredAuth.verify(exchangeWith(op, { mode: 'auth', status: 200 }))).toEqual([]);
    const optional = operationWith([], { security: [{ bearer: [] }, {}] });
    expect(ignoredAuth.verify(exchangeWith(optional, { mode: 'auth', status: 200 }))).toEqual([]);
    expect(ignoredAuth.verify(exchangeWith(secured, { mode: 'positive', status: 200 }))).toEqual([]);
  });
});
