import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/**
 * The rules a cursor page breaks: an empty page that says there is more, a count below the page, a
 * negative `remainingItemCount`, or items said to remain after a page that gives no way to reach them
 * (Kubernetes sets `remainingItemCount` only beside a `continue` token).
 */
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
  const remaining = page.remaining;
  if (remaining !== undefined && remaining < 0) {
    out.push({
      keyword: 'remaining',
      pointer: pointerOf(p.remainingPath),
      expected: '>= 0',
      actual: remaining,
      message: `the page says ${remaining} items remain`,
    });
  } else if (remaining !== undefined && remaining > 0 && p.nextPath !== undefined && noToken(page.next)) {
    out.push({
      keyword: 'remaining',
      pointer: pointerOf(p.remainingPath),
      expected: 0,
      actual: remaining,
      message: `the page says ${remaining} items remain but gives no token to continue with`,
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

/** No next token: absent, null or empty. */
function noToken(next: unknown): boolean {
  return next === undefined || next === null || next === '';
}
