import type { PageProblem } from './page-problem.js';
import { pageSizeBounds, totalPagesFeasible } from './page-size-bounds.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/**
 * The totals and end flags every page-number and offset convention may carry, checked against the
 * page and each other: the echoed `current` page and page size, `total pages` against the count
 * (`ceil(count / size)`; 0 or 1 for an empty list, as fastapi-pagination and Spring Data write it),
 * `isLast` / `has_more` against what the count says remains, and a numeric `next` page (json-server,
 * mongoose-paginate-v2) and an `X-Next-Page` header (GitLab: the next page's number, empty on the last
 * page) against the page after this one. A rule whose inputs are unknown is skipped,
 * and the page size is never assumed: an echoed size is used, else the sizes consistent with the page.
 */
export function totalsProblems(page: PageView): PageProblem[] {
  const items = page.items;
  if (items === undefined) return [];
  const n = items.length;
  const p = page.pagination;
  const out: PageProblem[] = [];
  const { count, totalPages: T } = page;
  const bounds = pageSizeBounds(page);
  const exact = page.pageSize !== undefined && page.pageSize > 0 ? page.pageSize : undefined;
  if (exact !== undefined && n > exact) {
    out.push({
      keyword: 'page-size',
      pointer: pointerOf(p.pageSizePath),
      expected: `>= ${n}`,
      actual: exact,
      message: `the page holds ${n} items but says its page size is ${exact}`,
    });
  }
  if (
    exact !== undefined &&
    page.requestedSize !== undefined &&
    page.requestedSize > 0 &&
    exact > page.requestedSize
  ) {
    out.push({
      keyword: 'page-size',
      pointer: pointerOf(p.pageSizePath),
      expected: `<= ${page.requestedSize}`,
      actual: exact,
      message: `a page size of ${page.requestedSize} was asked for but the page says its size is ${exact}`,
    });
  }
  const min = exact ?? bounds.min;
  const max = exact ?? bounds.max;
  const totalOk =
    count === undefined ||
    T === undefined ||
    (count === 0 ? T === 0 || T === 1 : totalPagesFeasible(count, T, min, max));
  if (!totalOk) {
    out.push({
      keyword: 'total-pages',
      pointer: pointerOf(p.totalPagesPath),
      expected: exact === undefined ? `ceil(${count} / page size)` : Math.ceil(count! / exact),
      actual: T,
      message: `${T} pages cannot hold ${count} items at a page size ${exact === undefined ? `in [${min}, ${max}]` : `of ${exact}`}`,
    });
  }
  // Where this page sits, when the convention says: a page number, or an offset.
  const r = page.requestedPage;
  const index = r === undefined ? undefined : r - p.firstPage;
  if (page.current !== undefined && r !== undefined && index! >= 0 && page.current !== r) {
    out.push({
      keyword: 'current',
      pointer: pointerOf(p.currentPath),
      expected: r,
      actual: page.current,
      message: `page ${r} was asked for but the page says it is page ${page.current}`,
    });
  }
  const last = isLastPage(page, index, exact, totalOk);
  if (last !== undefined) {
    if (page.isLast !== undefined && page.isLast !== last) {
      out.push({
        keyword: 'is-last',
        pointer: pointerOf(p.isLastPath),
        expected: last,
        actual: page.isLast,
        message: last
          ? 'the last page says it is not the last'
          : 'a page with more after it says it is the last',
      });
    }
    if (page.hasMore !== undefined && page.hasMore === last) {
      out.push({
        keyword: 'has-more',
        pointer: pointerOf(p.hasMorePath),
        expected: !last,
        actual: page.hasMore,
        message: last ? 'the last page says more items follow' : 'a page with more after it says none follow',
      });
    }
    if (typeof page.next === 'number' && r !== undefined) {
      const expected = last ? 0 : r + 1;
      if (page.next !== expected && !(last && page.next === 0)) {
        out.push({
          keyword: 'next',
          pointer: pointerOf(p.nextPath),
          expected: last ? null : expected,
          actual: page.next,
          message: last
            ? `page ${r} is the last but names page ${page.next} as next`
            : `the next page of page ${r} must be ${expected}, not ${page.next}`,
        });
      }
    } else if (last === false && page.next === null && p.style === 'page-number' && typeof r === 'number') {
      out.push({
        keyword: 'next',
        pointer: pointerOf(p.nextPath),
        expected: r + 1,
        actual: null,
        message: `page ${r} is not the last but names no next page`,
      });
    }
    const header = page.nextPageHeader;
    if (header !== undefined && r !== undefined && header !== (last ? '' : String(r + 1))) {
      out.push({
        keyword: 'next',
        pointer: '',
        expected: last ? '' : String(r + 1),
        actual: header,
        message: last
          ? `page ${r} is the last but ${p.nextPageHeader} says ${header}`
          : `the next page of page ${r} is ${r + 1}, but ${p.nextPageHeader} says ${JSON.stringify(header)}`,
      });
    }
  }
  return out;
}

/**
 * Whether the page is the last, by what the server said about its totals (`undefined` when it
 * cannot be told): the total pages for a page number, else the count with an echoed page size or,
 * for an offset, the count alone.
 */
function isLastPage(
  page: PageView,
  index: number | undefined,
  exact: number | undefined,
  totalOk: boolean,
): boolean | undefined {
  const n = page.items!.length;
  const { count, totalPages: T } = page;
  if (index !== undefined && index >= 0) {
    if (T !== undefined && totalOk) {
      if (index >= Math.max(T, 1)) return undefined; // past the end: pagination-past-last judges it
      return index + 1 >= T;
    }
    if (count !== undefined && exact !== undefined) {
      if (index * exact >= Math.max(count, 1)) return undefined;
      return (index + 1) * exact >= count;
    }
    return undefined;
  }
  const o = page.requestedOffset;
  if (o !== undefined && count !== undefined && o < count) return o + n >= count;
  return undefined;
}
