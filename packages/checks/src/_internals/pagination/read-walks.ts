import type { Exchange, Walk } from '@assay/model';
import { nextPageRequest, type PaginationRequestOptions } from '../../pagination/next-page-request.js';
import { requestKey } from '../../pagination/request-key.js';
import { isFirstPage } from './first-page-query.js';
import { linkedPage } from './linked-page.js';
import { type PageView, readPage } from './page-view.js';
import { requestFromUrl } from './request-from-url.js';

/** A walk as the pagination checks read it: its pages parsed, and what the walk as a whole shows. */
export interface WalkView {
  exchanges: readonly Exchange[];
  /** The readable 2xx pages, in order (a walk stops being read at its first unreadable page). */
  pages: PageView[];
  /** Started at the first page. */
  fromFirst: boolean;
  /** Its last page has no next page and does not claim more items: every item was seen. */
  complete: boolean;
  /** A request was sent twice: following `next` went round in a circle. */
  loop: boolean;
  /** Exchanges for the page past the last one, made after this walk. */
  pastLast: readonly Exchange[];
}

/** Reads each walk the runner made: its pages, whether it started at the first page, went round in a circle, or saw every item. */
export function readWalks(walks: readonly Walk[], options: PaginationRequestOptions = {}): WalkView[] {
  return walks.filter((walk) => walk.pages.length > 0).map((walk) => readWalk(walk, options));
}

function readWalk(walk: Walk, options: PaginationRequestOptions): WalkView {
  const head = walk.pages[0]!;
  const p = head.operation.list?.pagination;
  const view: WalkView = {
    exchanges: walk.pages,
    pages: [],
    fromFirst: p !== undefined && isFirstPage(head.request, p),
    complete: false,
    loop: false,
    pastLast: walk.pastLast,
  };
  const seen = new Set<string>();
  for (const exchange of walk.pages) {
    const key = requestKey(exchange.request);
    if (seen.has(key)) view.loop = true;
    seen.add(key);
    const page = readPage(exchange);
    if (page === undefined || page.items === undefined) break;
    view.pages.push(page);
  }
  const last = walk.pages.at(-1)!;
  const lastPage = view.pages.at(-1);
  view.complete =
    !view.loop &&
    view.pages.length === walk.pages.length &&
    nextPageRequest(last, options) === undefined &&
    (lastPage === undefined || !claimsMore(lastPage, options));
  return view;
}

/**
 * The page says more items follow (`has_more: true`, a next token, link or page number, a
 * `rel="last"` link beyond it, a `Content-Range` short of its total, a cursor list with no way to
 * say where it ends, or a full page of a list no parameter pages through), whether or not a next
 * request could be made from it: a walk that stops there could not follow `next` (an identifier
 * missing for Stripe's `starting_after`, a link to another path) and has not seen every item, so
 * it is not complete.
 */
function claimsMore(page: PageView, options: PaginationRequestOptions): boolean {
  if (page.hasMore === true) return true;
  const p = page.pagination;
  // A list with no parameter to reach another page (OData `$top` without `$skip`): a page as full
  // as asked for is the result cut at that size, not the whole of it.
  const addressable =
    p.style === 'content-range' ||
    [p.pageParam, p.offsetParam, p.cursorParam].some((param) => param !== undefined);
  const n = page.items?.length ?? 0;
  if (!addressable && page.requestedSize !== undefined && n >= page.requestedSize && n > 0) return true;
  // A cursor list that documents neither a next cursor nor has_more, and sent no Link header, never
  // says where it ends: its one page may or may not be all (GitHub's cursor lists document no Link).
  if (
    p.style === 'cursor' &&
    p.nextPath === undefined &&
    p.hasMorePath === undefined &&
    page.links === undefined
  )
    return true;
  if (page.hasMore === false) return false;
  const { next } = page;
  if ((typeof next === 'string' && next !== '') || (typeof next === 'number' && next !== 0)) return true;
  if (page.links?.next !== undefined) return true;
  if (page.nextPageHeader !== undefined && page.nextPageHeader !== '') return true;
  const { last } = page.links ?? {};
  const { pageParam, firstPage } = page.pagination;
  if (last !== undefined && pageParam !== undefined && page.requestedPage !== undefined) {
    const lastPage = linkedPage(last, pageParam, firstPage);
    if (lastPage !== undefined && lastPage > page.requestedPage) return true;
  } else if (last !== undefined && pageParam === undefined) {
    // Without a page number to compare, a last page that is not this one still lies ahead.
    const target = requestFromUrl(page.exchange.request, last, options.basePath);
    if (target === undefined || requestKey(target) !== requestKey(page.exchange.request)) return true;
  }
  const range = page.contentRange;
  return range?.end !== undefined && range.total !== undefined && range.end + 1 < range.total;
}
