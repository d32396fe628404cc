import type { BodyPath, Exchange, Pagination } from '@assay/model';
import { parsedBody } from '../parsed-body.js';
import { intParam, queryParam } from '../query-string.js';
import { type ContentRange, parseContentRange } from './content-range.js';
import { parseLinkHeader } from './link-header.js';

/**
 * One page as the pagination checks see it: what was asked, what came back, and the metadata,
 * each field `undefined` when it cannot be read. Reading never throws.
 */
export interface PageView {
  exchange: Exchange;
  pagination: Pagination;
  /** The parsed body (`undefined` if it is not JSON). */
  body: unknown;
  /** The items array, when it is where the list semantics say. */
  items?: unknown[];
  /** The page number asked for (page styles); the first page when the parameter is absent. */
  requestedPage?: number;
  /** The page size asked for: page-size parameter, limit, or the width of a `Range`. */
  requestedSize?: number;
  /** The offset asked for: offset parameter, or the start of a `Range`. */
  requestedOffset?: number;
  count?: number;
  current?: number;
  totalPages?: number;
  startIndex?: number;
  endIndex?: number;
  /** The raw next/previous values of the body (a page number, a URL, a token, or null). */
  next?: unknown;
  previous?: unknown;
  hasMore?: boolean;
  /** True on the last page (Atlassian `isLast`, Spring Data `last`). */
  isLast?: boolean;
  /** The page size the body echoes back. */
  pageSize?: number;
  /** The number of items after this page (Kubernetes `remainingItemCount`). */
  remaining?: number;
  /** The next-page header as sent (`X-Next-Page`: a page number, or empty on the last page); `undefined` when absent. */
  nextPageHeader?: string;
  /** RFC 8288 links by relation (`next`, `prev`, `first`, `last`). */
  links?: Record<string, string>;
  contentRange?: ContentRange;
}

/** Reads a value at a body path; `undefined` when any step is missing. */
export function readBodyPath(body: unknown, path: BodyPath): unknown {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function intAt(body: unknown, path: BodyPath | undefined): number | undefined {
  if (path === undefined) return undefined;
  const value = readBodyPath(body, path);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string') return intParam(value);
  return undefined;
}

function headerInt(headers: Record<string, string>, name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const value = headers[name.toLowerCase()];
  return value === undefined ? undefined : intParam(value.trim());
}

/** Reads a paginated exchange; `undefined` when the operation is not paginated or the answer is not a 2xx. */
export function readPage(exchange: Exchange): PageView | undefined {
  const list = exchange.operation.list;
  const pagination = list?.pagination;
  if (list === undefined || pagination === undefined) return undefined;
  const { response, request } = exchange;
  if (response.status < 200 || response.status > 299) return undefined;
  const parsed = parsedBody(response);
  const body = parsed.ok ? parsed.value : undefined;
  const rawItems = parsed.ok ? readBodyPath(body, list.itemsPath) : undefined;
  const view: PageView = { exchange, pagination, body };
  if (Array.isArray(rawItems)) view.items = rawItems;

  const q = request.query;
  if (pagination.pageParam !== undefined) {
    const raw = queryParam(q, pagination.pageParam);
    view.requestedPage = raw === undefined ? pagination.firstPage : intParam(raw);
  }
  const sizeParam = pagination.pageSizeParam ?? pagination.limitParam;
  if (sizeParam !== undefined) view.requestedSize = intParam(queryParam(q, sizeParam));
  if (pagination.offsetParam !== undefined) {
    const raw = queryParam(q, pagination.offsetParam);
    view.requestedOffset = raw === undefined ? 0 : intParam(raw);
  }
  view.count = intAt(body, pagination.countPath) ?? headerInt(response.headers, pagination.countHeader);
  view.current = intAt(body, pagination.currentPath);
  view.totalPages =
    intAt(body, pagination.totalPagesPath) ?? headerInt(response.headers, pagination.totalPagesHeader);
  view.pageSize = intAt(body, pagination.pageSizePath);
  view.remaining = intAt(body, pagination.remainingPath);
  if (pagination.nextPageHeader !== undefined) {
    const header = response.headers[pagination.nextPageHeader];
    if (header !== undefined) view.nextPageHeader = header.trim();
  }
  view.startIndex = intAt(body, pagination.startIndexPath);
  view.endIndex = intAt(body, pagination.endIndexPath);
  if (pagination.nextPath !== undefined) view.next = readBodyPath(body, pagination.nextPath);
  if (pagination.previousPath !== undefined) view.previous = readBodyPath(body, pagination.previousPath);
  if (pagination.hasMorePath !== undefined) {
    const hasMore = readBodyPath(body, pagination.hasMorePath);
    if (typeof hasMore === 'boolean') view.hasMore = hasMore;
  }
  if (pagination.isLastPath !== undefined) {
    const isLast = readBodyPath(body, pagination.isLastPath);
    if (typeof isLast === 'boolean') view.isLast = isLast;
  }
  const link = response.headers.link;
  if (link !== undefined) view.links = parseLinkHeader(link);
  if (pagination.style === 'content-range') {
    const range = /^\s*(\d+)-(\d+)\s*$/.exec(request.headers.range ?? '');
    if (range !== null) {
      view.requestedOffset = Number(range[1]);
      view.requestedSize = Number(range[2]) - Number(range[1]) + 1;
    }
    const header = response.headers['content-range'];
    if (header !== undefined) {
      view.contentRange = parseContentRange(header);
      if (view.contentRange?.total !== undefined) view.count = view.contentRange.total;
    }
  }
  return view;
}
