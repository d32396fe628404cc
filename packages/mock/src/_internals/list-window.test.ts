import type { Pagination } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listWindow } from './list-window.js';
import { readPageSize } from './read-page-size.js';

const pool = Array.from({ length: 45 }, (_, i) => ({ id: i }));
const pageNumber: Pagination = {
  style: 'page-number',
  source: 'detected',
  pageParam: 'page',
  pageSizeParam: 'count',
  firstPage: 1,
};
const limitOffset: Pagination = {
  style: 'limit-offset',
  source: 'detected',
  limitParam: 'limit',
  offsetParam: 'offset',
  firstPage: 1,
};

describe('the window of a list request', () => {
  it('reads page, size and offset typed as strings as the numbers they spell (Slack types them so)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 30 }), (page, size) => {
        const asText = new Map<string, unknown>([
          ['page', String(page)],
          ['count', String(size)],
        ]);
        const asNumbers = new Map<string, unknown>([
          ['page', page],
          ['count', size],
        ]);
        expect(readPageSize(pageNumber, asText, {})).toBe(size);
        expect(listWindow(pageNumber, asText, {}, pool, size, 'id')).toEqual(
          listWindow(pageNumber, asNumbers, {}, pool, size, 'id'),
        );
      }),
    );
    const window = listWindow(limitOffset, new Map([['offset', '20']]), {}, pool, 20, 'id');
    expect(window).toMatchObject({ offset: 20, index: 1, inRange: true });
  });

  it('serves the first page for a page value that spells no number', () => {
    expect(listWindow(pageNumber, new Map([['page', 'abc']]), {}, pool, 20, 'id')).toMatchObject({
      index: 0,
      page: 1,
    });
    expect(readPageSize(pageNumber, new Map([['count', 'x']]), {})).toBeUndefined();
  });
});
