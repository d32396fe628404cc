import { intParam, queryParam } from '../query-string.js';
import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/** The rules a limit/offset page breaks: count against the offset, next and previous links. */
export function limitOffsetProblems(page: PageView, n: number): PageProblem[] {
  const p = page.pagination;
  const out: PageProblem[] = [];
  const o = page.requestedOffset;
  const { count } = page;
  if (o === undefined || o < 0) return out;
  if (count !== undefined) {
    // An empty page at an offset past the end is the right answer, not a count problem.
    if (n > 0 && o + n > count) {
      out.push({
        keyword: 'count',
        pointer: pointerOf(p.countPath),
        expected: `>= ${o + n}`,
        actual: count,
        message: `offset ${o} plus ${n} items goes past count ${count}`,
      });
    } else if (n === 0 && o < count) {
      out.push({
        keyword: 'items',
        pointer: pointerOf(page.exchange.operation.list?.itemsPath),
        expected: `items from offset ${o} of ${count}`,
        actual: 0,
        message: `count is ${count} but the page at offset ${o} is empty`,
      });
    }
  }
  if (p.nextPath !== undefined && count !== undefined && o + n <= count) {
    const last = o + n >= count;
    if (typeof page.next === 'string' && page.next !== '') {
      const linked = p.offsetParam === undefined ? undefined : linkedInt(page.next, p.offsetParam);
      if (last) {
        out.push({
          keyword: 'next',
          pointer: pointerOf(p.nextPath),
          expected: null,
          actual: page.next,
          message: `offset ${o} plus ${n} items reaches count ${count} but the page links a next page`,
        });
      } else if (linked !== undefined && linked !== o + n) {
        out.push({
          keyword: 'next',
          pointer: pointerOf(p.nextPath),
          expected: o + n,
          actual: linked,
          message: `the next link skips to offset ${linked} after items ${o}..${o + n - 1}`,
        });
      }
    } else if (page.next === null && !last && n > 0) {
      out.push({
        keyword: 'next',
        pointer: pointerOf(p.nextPath),
        expected: `a link to offset ${o + n}`,
        actual: null,
        message: `${count - o - n} items remain after this page but there is no next link`,
      });
    }
  }
  if (p.previousPath !== undefined) {
    if (o === 0 && typeof page.previous === 'string' && page.previous !== '') {
      out.push({
        keyword: 'previous',
        pointer: pointerOf(p.previousPath),
        expected: null,
        actual: page.previous,
        message: 'the page at offset 0 links a previous page',
      });
    } else if (o > 0 && page.previous === null) {
      out.push({
        keyword: 'previous',
        pointer: pointerOf(p.previousPath),
        expected: 'a link',
        actual: null,
        message: `the page at offset ${o} has no previous link`,
      });
    }
  }
  return out;
}

/** The page number a link carries; a link without the parameter means the first page (DRF drops `page=1`). */
function linkedInt(link: string, param: string): number | undefined {
  try {
    return intParam(queryParam(new URL(link, 'http://relative.invalid/').search, param));
  } catch {
    return undefined;
  }
}
