import type { PageProblem } from './page-problem.js';
import { pageSizeBounds, totalPagesFeasible } from './page-size-bounds.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';

/** The rules a page object (authentik's `pagination` block) breaks: current, count, indexes, total pages, next and previous page numbers. */
export function pageObjectProblems(page: PageView, n: number): PageProblem[] {
  const p = page.pagination;
  const out: PageProblem[] = [];
  const first = p.firstPage;
  const { count, totalPages: T, startIndex: start, endIndex: end } = page;
  const { min, max } = pageSizeBounds(page);
  const asked = page.requestedPage;
  if (page.current !== undefined && asked !== undefined && asked >= first && page.current !== asked) {
    out.push({
      keyword: 'current',
      pointer: pointerOf(p.currentPath),
      expected: asked,
      actual: page.current,
      message: `page ${asked} was asked for but the page says current = ${page.current}`,
    });
  }
  const cur = page.current ?? asked;
  if (count !== undefined && n > count) {
    out.push({
      keyword: 'count',
      pointer: pointerOf(p.countPath),
      expected: `>= ${n}`,
      actual: count,
      message: `the page holds ${n} items but count is ${count}`,
    });
  }
  if (start !== undefined && end !== undefined) {
    if (n > 0 && end - start + 1 !== n) {
      out.push({
        keyword: 'end-index',
        pointer: pointerOf(p.endIndexPath),
        expected: start + n - 1,
        actual: end,
        message: `end_index - start_index + 1 = ${end - start + 1} but the page holds ${n} items`,
      });
    } else if (n > 0 && count !== undefined && cur !== undefined && cur === T && end !== count) {
      out.push({
        keyword: 'end-index',
        pointer: pointerOf(p.endIndexPath),
        expected: count,
        actual: end,
        message: `on the last page end_index must equal count (${count}) but is ${end}`,
      });
    } else if (n === 0 && count === 0) {
      if (start !== 0) {
        out.push({
          keyword: 'start-index',
          pointer: pointerOf(p.startIndexPath),
          expected: 0,
          actual: start,
          message: 'with no items, start_index must be 0',
        });
      }
      if (end !== 0) {
        out.push({
          keyword: 'end-index',
          pointer: pointerOf(p.endIndexPath),
          expected: 0,
          actual: end,
          message: 'with no items, end_index must be 0',
        });
      }
    }
  }
  const totalOk = count === undefined || T === undefined || totalPagesFeasible(count, T, min, max);
  if (!totalOk) {
    out.push({
      keyword: 'total-pages',
      pointer: pointerOf(p.totalPagesPath),
      expected: describeTotalPages(count!, min, max),
      actual: T,
      message: `total_pages = ${T} cannot be max(1, ceil(${count} / page_size)) for any page size in [${min}, ${max}]`,
    });
  }
  if (n > 0 && start !== undefined && cur !== undefined && cur >= first) {
    if (cur === first && start !== 1) {
      out.push({
        keyword: 'start-index',
        pointer: pointerOf(p.startIndexPath),
        expected: 1,
        actual: start,
        message: `the first page must start at index 1, not ${start}`,
      });
    } else if (cur > first) {
      const size = (start - 1) / (cur - first);
      const sizeOk =
        Number.isInteger(size) &&
        size >= min &&
        size <= max &&
        (!totalOk || count === undefined || T === undefined || totalPagesFeasible(count, T, size, size));
      if (!sizeOk) {
        out.push({
          keyword: 'start-index',
          pointer: pointerOf(p.startIndexPath),
          expected:
            page.requestedSize === undefined
              ? `(current - 1) * page_size + 1`
              : (cur - first) * page.requestedSize + 1,
          actual: start,
          message: `start_index = ${start} on page ${cur} is not (current - 1) * page_size + 1 for any page size consistent with the page`,
        });
      }
    }
  }
  // Past the last page the past-last check judges the page; its links may point back to the end.
  const inRange = cur !== undefined && T !== undefined && cur >= first && cur <= T;
  if (inRange && totalOk) {
    const expectedNext = cur! < T! ? cur! + 1 : 0;
    if (typeof page.next === 'number' && page.next !== expectedNext) {
      out.push({
        keyword: 'next',
        pointer: pointerOf(p.nextPath),
        expected: expectedNext,
        actual: page.next,
        message:
          expectedNext === 0
            ? `page ${cur} is the last of ${T} but next = ${page.next}`
            : `next must be ${expectedNext} on page ${cur} of ${T}, not ${page.next}`,
      });
    }
  }
  if (cur !== undefined && (T === undefined || cur <= T) && cur >= first) {
    const expectedPrevious = cur > first ? cur - 1 : 0;
    if (typeof page.previous === 'number' && page.previous !== expectedPrevious) {
      out.push({
        keyword: 'previous',
        pointer: pointerOf(p.previousPath),
        expected: expectedPrevious,
        actual: page.previous,
        message: `previous must be ${expectedPrevious} on page ${cur}, not ${page.previous}`,
      });
    }
  }
  return out;
}

function describeTotalPages(count: number, min: number, max: number): unknown {
  if (count === 0) return 1;
  if (min === max) return Math.max(1, Math.ceil(count / min));
  const fewest = Number.isFinite(max) ? Math.max(1, Math.ceil(count / max)) : 1;
  return `between ${fewest} and ${Math.max(1, Math.ceil(count / min))}`;
}
