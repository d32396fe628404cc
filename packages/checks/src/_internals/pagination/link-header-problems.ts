import { linkedPage } from './linked-page.js';
import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';

/** The rules an RFC 8288 `Link` header breaks: next on the last page, next and prev leading to the wrong page. */
export function linkHeaderProblems(page: PageView, n: number): PageProblem[] {
  const p = page.pagination;
  const out: PageProblem[] = [];
  const links = page.links;
  if (links === undefined) return out;
  const r = page.requestedPage;
  const first = p.firstPage;
  // A page number below the first (GitHub's page=0) is served as the first page by some servers
  // and refused by others: its links cannot be judged against it.
  if (r !== undefined && r < first) return out;
  if (links.next !== undefined) {
    const lastPage =
      links.last !== undefined && p.pageParam !== undefined
        ? linkedPage(links.last, p.pageParam, first)
        : undefined;
    const linked = p.pageParam === undefined ? undefined : linkedPage(links.next, p.pageParam, first);
    if (n === 0 || (r !== undefined && lastPage !== undefined && r >= lastPage)) {
      out.push({
        keyword: 'next',
        pointer: '',
        expected: 'no rel="next" link',
        actual: links.next,
        message: `the last page links a next page`,
      });
    } else if (r !== undefined && linked !== undefined && linked !== r + 1) {
      out.push({
        keyword: 'next',
        pointer: '',
        expected: r + 1,
        actual: linked,
        message: `the rel="next" link of page ${r} leads to page ${linked}`,
      });
    }
  } else if (links.last !== undefined && r !== undefined && p.pageParam !== undefined && n > 0) {
    const lastPage = linkedPage(links.last, p.pageParam, first);
    if (lastPage !== undefined && lastPage > r) {
      out.push({
        keyword: 'next',
        pointer: '',
        expected: `a rel="next" link to page ${r + 1}`,
        actual: null,
        message: `page ${r} links its last page, ${lastPage}, but no next page`,
      });
    }
  }
  if (links.prev !== undefined && r !== undefined && p.pageParam !== undefined) {
    const linked = linkedPage(links.prev, p.pageParam, first);
    if (r === first || (linked !== undefined && linked !== r - 1)) {
      out.push({
        keyword: 'previous',
        pointer: '',
        expected: r === first ? 'no rel="prev" link' : r - 1,
        actual: linked,
        message: `the rel="prev" link of page ${r} leads to page ${linked}`,
      });
    }
  }
  return out;
}
