import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/** The rules a cursor page breaks: an empty page that says there is more, a count below the page. */
export function cursorProblems(page: PageView, n: number): PageProblem[] {
  const p = page.pagination;
  const out: PageProblem[] = [];
  if (page.hasMore === true && n === 0) {
    out.push({
      keyword: 'has-more',
      pointer: pointerOf(p.hasMorePath),
      expected: false,
      actual: true,
      message: 'an empty page says there is more',
    });
  }
  if (page.count !== undefined && n > page.count) {
    out.push({
      keyword: 'count',
      pointer: pointerOf(p.countPath),
      expected: `>= ${n}`,
      actual: page.count,
      message: `the page holds ${n} items but count is ${page.count}`,
    });
  }
  return out;
}
