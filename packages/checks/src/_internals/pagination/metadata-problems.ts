import { intParam, queryParam } from '../query-string.js';
import { linkedPage } from './linked-page.js';
import type { PageProblem } from './page-problem.js';
import { pageSizeBounds, totalPagesFeasible } from './page-size-bounds.js';
import type { PageView } from './page-view.js';
import { pointerOf } from './pointer-of.js';
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

function pageObjectProblems(page: PageView, n: number): PageProblem[] {
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

/** The page number a link carries; a link without the parameter means the first page (DRF drops `page=1`). */
function linkedInt(link: string, param: string): number | undefined {
  try {
    return intParam(queryParam(new URL(link, 'http://relative.invalid/').search, param));
  } catch {
    return undefined;
  }
}

function pageNumberProblems(page: PageView, n: number): PageProblem[] {
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

function limitOffsetProblems(page: PageView, n: number): PageProblem[] {
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

function cursorProblems(page: PageView, n: number): PageProblem[] {
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

function linkHeaderProblems(page: PageView, n: number): PageProblem[] {
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

function contentRangeProblems(page: PageView, n: number): PageProblem[] {
  const out: PageProblem[] = [];
  const header = page.exchange.response.headers['content-range'];
  if (header === undefined) return out;
  const range = page.contentRange;
  if (range === undefined) {
    return [
      {
        keyword: 'content-range',
        pointer: '',
        expected: 'first-last/total or */total',
        actual: header,
        message: `Content-Range ${header} is malformed`,
      },
    ];
  }
  if (n === 0) {
    if (range.start !== undefined) {
      out.push({
        keyword: 'content-range',
        pointer: '',
        expected: `*/${range.total ?? '*'}`,
        actual: header,
        message: `an empty page claims items ${range.start}-${range.end}`,
      });
    }
    return out;
  }
  if (range.start === undefined || range.end === undefined) {
    out.push({
      keyword: 'content-range',
      pointer: '',
      expected: `a range of ${n} items`,
      actual: header,
      message: `the page holds ${n} items but Content-Range claims none`,
    });
    return out;
  }
  if (page.requestedOffset !== undefined && range.start !== page.requestedOffset) {
    out.push({
      keyword: 'range-start',
      pointer: '',
      expected: page.requestedOffset,
      actual: range.start,
      message: `items from ${page.requestedOffset} were asked for but Content-Range starts at ${range.start}`,
    });
  }
  if (range.end - range.start + 1 !== n) {
    out.push({
      keyword: 'range-end',
      pointer: '',
      expected: range.start + n - 1,
      actual: range.end,
      message: `Content-Range ${header} spans ${range.end - range.start + 1} items but the page holds ${n}`,
    });
  }
  if (range.total !== undefined && range.end >= range.total) {
    out.push({
      keyword: 'count',
      pointer: '',
      expected: `> ${range.end}`,
      actual: range.total,
      message: `Content-Range ${header} ends past its total`,
    });
  }
  return out;
}
