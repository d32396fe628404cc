import { linkedPage } from './linked-page.js';
import type { PageProblem } from './page-problem.js';
import { pageSizeBounds } from './page-size-bounds.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/** The rules a page-number page (DRF's `{count, next, previous, results}`) breaks: count, next and previous links. */
export function pageNumberProblems(page: PageView, n: number): PageProblem[] {
  const p = page.pagination;
  const out: PageProblem[] = [];
  const r = page.requestedPage;
  const { count } = page;
  const first = p.firstPage;
  if (r === undefined || r < first) return out;
  const { min, max } = pageSizeBounds(page);
  if (count !== undefined && n > count) {
    out.push({
      keyword: 'count',
      pointer: pointerOf(p.countPath),
      expected: `>= ${n}`,
      actual: count,
      message: `the page holds ${n} items but count is ${count}`,
    });
  }
  if (typeof page.next === 'string' && page.next !== '') {
    const linked = p.pageParam === undefined ? undefined : linkedPage(page.next, p.pageParam, first);
    if (n === 0 || (count !== undefined && (r - first + 1) * n >= count)) {
      out.push({
        keyword: 'next',
        pointer: pointerOf(p.nextPath),
        expected: null,
        actual: page.next,
        message: `page ${r} holds the last of ${count ?? n} items but links a next page`,
      });
    } else if (linked !== undefined && linked !== r + 1) {
      out.push({
        keyword: 'next',
        pointer: pointerOf(p.nextPath),
        expected: r + 1,
        actual: linked,
        message: `the next link of page ${r} leads to page ${linked}`,
      });
    }
  } else if (
    (page.next === null || page.next === '') &&
    count !== undefined &&
    !(n === 0 && r > first && (r - first) * max >= count)
  ) {
    // The last page: every earlier page held page_size items, this one the rest. An empty page so
    // far on that the largest pages allowed would hold every item before it may be past the end
    // rather than the last page (DRF answers 404 there, others an empty page): it says nothing.
    const before = count - n;
    const size = r === first ? undefined : before / (r - first);
    const consistent =
      r === first ? before === 0 : Number.isInteger(size) && size! >= min && size! <= max && n <= size!;
    if (!consistent) {
      out.push({
        keyword: 'count',
        pointer: pointerOf(p.countPath),
        expected: r === first ? n : `(page - 1) * page_size + ${n}`,
        actual: count,
        message: `page ${r} has no next page, so it holds the last items, but ${n} items here do not add up to count ${count}`,
      });
    }
  }
  if (p.previousPath !== undefined) {
    if (r === first && typeof page.previous === 'string' && page.previous !== '') {
      out.push({
        keyword: 'previous',
        pointer: pointerOf(p.previousPath),
        expected: null,
        actual: page.previous,
        message: 'the first page links a previous page',
      });
    } else if (r > first && page.previous === null) {
      out.push({
        keyword: 'previous',
        pointer: pointerOf(p.previousPath),
        expected: `a link to page ${r - 1}`,
        actual: null,
        message: `page ${r} has no previous link`,
      });
    } else if (typeof page.previous === 'string' && page.previous !== '' && p.pageParam !== undefined) {
      const linked = linkedPage(page.previous, p.pageParam, first);
      if (linked !== undefined && linked !== r - 1) {
        out.push({
          keyword: 'previous',
          pointer: pointerOf(p.previousPath),
          expected: r - 1,
          actual: linked,
          message: `the previous link of page ${r} leads to page ${linked}`,
        });
      }
    }
  }
  return out;
}
