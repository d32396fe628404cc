import { contentRangeProblems } from './content-range-problems.js';
import { cursorProblems } from './cursor-problems.js';
import { limitOffsetProblems } from './limit-offset-problems.js';
import { linkHeaderProblems } from './link-header-problems.js';
import { pageNumberProblems } from './page-number-problems.js';
import { pageObjectProblems } from './page-object-problems.js';
import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';
import { totalsProblems } from './totals-problems.js';

/** The metadata rules a single page breaks, by style. Rules whose inputs are unknown are skipped. */
export function metadataProblems(page: PageView): PageProblem[] {
  if (page.items === undefined) return [];
  switch (page.pagination.style) {
    case 'page-object':
      return pageObjectProblems(page, page.items.length);
    case 'page-number':
      return [...pageNumberProblems(page, page.items.length), ...totalsProblems(page)];
    case 'limit-offset':
      return [...limitOffsetProblems(page, page.items.length), ...totalsProblems(page)];
    case 'cursor':
      return [...cursorProblems(page, page.items.length), ...totalsProblems(page)];
    case 'link-header':
      return linkHeaderProblems(page, page.items.length);
    case 'content-range':
      return contentRangeProblems(page, page.items.length);
  }
}
