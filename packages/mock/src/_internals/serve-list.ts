import type { BodyPath, ListSemantics, Operation, Pagination } from '@assay/model';
import { applyFilters } from './apply-filters.js';
import { applyOrdering, type OrderingKey, orderable, parseOrdering } from './apply-ordering.js';
import { applySearch } from './apply-search.js';
import type { BodyFactory } from './body-factory.js';
import { bodyWriter, writeBodyPath } from './body-path.js';
import type { Dataset } from './build-dataset.js';
import { documentsHeader } from './documents-header.js';
import { hashSeed } from './hash-seed.js';
import { isRequiredAt } from './is-required-at.js';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { offersPlainArray, pageEnvelope, pageSchema } from './page-envelope.js';
import { formatQuery } from './parse-query.js';
import { resolveSchema } from './resolve-schema.js';
import { concreteMediaType, errorResponse, responseMedia, successResponse } from './response-choice.js';
import { schemaAtPath } from './schema-at-path.js';
import { schemaTypes } from './schema-types.js';
import { seededRandom } from './seeded-random.js';
import { serialisePage } from './serialise-page.js';

/** A valid request to a list operation, as serveList needs it. */
export interface ListRequest {
  operation: Operation;
  list: ListSemantics;
  dataset: Dataset;
  /** How many items the seed made, before any write: what the `count-ignores-writes` fault reports. */
  seeded?: number;
  /** The parsed, valid parameter values. */
  values: ReadonlyMap<string, unknown>;
  /** The raw query, to build next/previous links from. */
  query: Map<string, string[]>;
  /** The absolute URL of the request without its query, for links. */
  selfUrl: string;
  headers: Record<string, string>;
}

const DEFAULT_PAGE_SIZE = 20;

/** A metadata value left out of the body rather than written. */
const ABSENT = Symbol('absent');

/** A page a link leads to: by index for page styles, by offset for the others. */
interface Target {
  index: number;
  offset: number;
}

/** Where a page sits: what the paginator computes, before any fault bends what is served. */
interface Window {
  /** 0-based page index (offset / size for offset styles). */
  index: number;
  offset: number;
  size: number;
  total: number;
  /** The page number as requested (page styles) or derived (offset styles). */
  page: number;
  totalPages: number;
  inRange: boolean;
}

/**
 * Serves one page of a list operation: filters, search and ordering applied to the dataset, then
 * the operation's pagination profile, with its metadata computed from the page actually served.
 * Faults bend exactly one of these steps each.
 */
export function serveList(ctx: MockContext, factory: BodyFactory, req: ListRequest): MockReply {
  const { list, operation, values } = req;
  const faults = ctx.faults;
  const pagination = list.pagination;

  let pool: readonly Record<string, unknown>[] = req.dataset.items;
  const filtering = list.filters.some((f) => values.has(f.param));
  if (filtering && faults.has('filter-leaks-hidden-items')) pool = [...pool, ...req.dataset.hidden];
  if (!faults.has('ignored-filter')) pool = applyFilters(pool, list.filters, values);
  if (list.search !== undefined && !faults.has('ignored-search')) {
    const term = values.get(list.search.param);
    if (typeof term === 'string') pool = applySearch(pool, term);
  }
  const keys = orderingKeys(ctx, operation, list, values);
  if (keys.length > 0) {
    if (!faults.has('ignored-ordering') && !faults.has('per-page-ordering')) pool = applyOrdering(pool, keys);
  } else if (faults.has('unstable-order')) {
    pool = shuffled(pool, hashSeed(ctx.seed, 'unstable-order', formatQuery(req.query)));
  }

  const success = successResponse(operation);
  const headers: Record<string, string> = {};
  const media = responseMedia(success.spec);
  if (media !== undefined) headers['content-type'] = concreteMediaType(media.mediaType);
  const envelope = list.itemsPath.length === 0 ? [] : pageEnvelope(ctx, factory, operation, success);

  // json-server v1: without the page parameter, the whole list as a plain array.
  const plain =
    pagination?.pageParam !== undefined &&
    !values.has(pagination.pageParam) &&
    list.itemsPath.length > 0 &&
    offersPlainArray(success, ctx.defs);
  if (plain) return { status: success.status, headers, body: serialisePage(pool, [], pool) };

  if (pagination === undefined) {
    return {
      status: success.status,
      headers,
      body: serialisePage(writeBodyPath(envelope, list.itemsPath, pool), list.itemsPath, pool),
    };
  }

  const defaultSize = pagination.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const requestedSize = readPageSize(pagination, values, req.headers);
  let size = faults.has('page-size-ignored') || requestedSize === undefined ? defaultSize : requestedSize;
  if (pagination.maxPageSize !== undefined) size = Math.min(size, pagination.maxPageSize);
  if (faults.has('page-size-dependent-items') && size !== defaultSize) pool = pool.slice(0, -1);

  const window = locate(pagination, values, req.headers, pool, size, list.identifier);
  if (!window.inRange && window.index > 0 && faults.has('past-last-returns-last-page')) {
    const last = window.totalPages - 1;
    Object.assign(window, {
      index: last,
      offset: last * size,
      page: pagination.firstPage + last,
      inRange: true,
    });
  }
  if (!window.inRange && !faults.has('endless-walk')) {
    // Past the last page: the documented 404 (Django's "Invalid page."). With page-number links an
    // empty page would claim to hold the last items, so that style falls back to a documented 400.
    const preferred = pagination.style === 'page-number' ? [404, 400] : [404];
    const notFound = errorResponse(operation, preferred, { anyClientError: false, fallback: false });
    if (notFound !== undefined) {
      const body = factory.error(operation, notFound, 'Invalid page.');
      const errorHeaders: Record<string, string> = {};
      const errorMedia = responseMedia(notFound.spec);
      if (errorMedia !== undefined && body !== undefined)
        errorHeaders['content-type'] = concreteMediaType(errorMedia.mediaType);
      return {
        status: notFound.status,
        headers: errorHeaders,
        body: body === undefined ? '' : JSON.stringify(body.value),
      };
    }
  }

  // What is served: the paginator's slice, unless a fault shifts or trims it.
  let offset = window.offset;
  if (window.index > 0 && faults.has('duplicates-across-pages')) offset -= 1;
  if (window.index > 0 && faults.has('missing-items-across-pages')) offset += 1;
  let served = window.inRange ? pool.slice(offset, offset + size) : [];
  // By offset, not page index: an offset off the page grid (offset 22, limit 23, 45 items) is
  // the last page although it is not the last page index.
  const isLast = window.offset + size >= window.total;
  if (faults.has('short-middle-page') && window.inRange && !isLast) served = served.slice(0, -1);
  if (faults.has('per-page-ordering') && keys.length > 0) served = applyOrdering(served, keys);

  // The metadata a paginator computes from the nominal window.
  const nominalLength = window.inRange ? Math.max(0, Math.min(size, window.total - window.offset)) : 0;
  let count = window.total;
  if (faults.has('wrong-count')) count = window.total * 2;
  if (faults.has('count-ignores-writes') && req.seeded !== undefined)
    count = Math.max(0, window.total + req.seeded - req.dataset.items.length);
  if (faults.has('unstable-count')) count = window.total + Math.max(0, window.index);
  let totalPages = window.totalPages;
  if (faults.has('wrong-total-pages')) totalPages += 1;
  let current = window.page;
  if (faults.has('wrong-current')) current -= 1;
  let startIndex = nominalLength > 0 ? window.offset + 1 : 0;
  if (faults.has('wrong-start-index') && nominalLength > 0) startIndex -= 1;
  let endIndex = nominalLength > 0 ? window.offset + nominalLength : 0;
  if (faults.has('wrong-end-index') && nominalLength > 0) endIndex -= 1;

  // Without a parameter to reach another page, no link can lead anywhere.
  const addressable =
    pagination.style === 'content-range' ||
    [pagination.pageParam, pagination.offsetParam, pagination.cursorParam].some((p) => p !== undefined);
  const step = (pages: number): Target => ({
    index: window.index + pages,
    offset: Math.max(0, window.offset + pages * size),
  });
  let next: Target | undefined = window.inRange && !isLast ? step(1) : undefined;
  if (next !== undefined && faults.has('wrong-next')) next = step(2);
  if (window.inRange && isLast && faults.has('next-on-last-page')) next = step(1);
  if (faults.has('endless-walk')) next = step(1);
  // Past the last page, previous still points one page back, as the page-object rules expect.
  let previous: Target | undefined = window.index > 0 || window.offset > 0 ? step(-1) : undefined;
  if (faults.has('wrong-previous')) previous = undefined;
  if (!addressable) {
    next = undefined;
    previous = undefined;
  }

  // A cursor is an opaque token, or (for a numeric cursor parameter, GitHub's `since`) the
  // identifier of the item before the page.
  const cursorSchema = operation.parameters.find((p) => p.name === pagination.cursorParam)?.schema;
  const cursorTypes = schemaTypes(cursorSchema, ctx.defs);
  const numericCursor =
    (cursorTypes.has('integer') || cursorTypes.has('number')) && !cursorTypes.has('string');
  const cursorOf = (target: Target): string => {
    const before = pool[target.offset - 1];
    if (numericCursor && list.identifier !== undefined && before !== undefined)
      return String(before[list.identifier]);
    return encodeCursor(target.offset);
  };
  const links = linkMaker(pagination, req, cursorOf);
  // A oneOf [array, page] body's page fields are typed in its object branch.
  const responseSchema = pageSchema(media?.schema, ctx.defs);
  // The page goes into copies of the envelope's objects, each copied once: the envelope is shared.
  const writer = bodyWriter(envelope);
  const put = (path: BodyPath | undefined, value: unknown): void => {
    if (path === undefined) return;
    if (value === ABSENT) writer.remove(path);
    else writer.write(path, value);
  };
  put(list.itemsPath, served);
  const linkValue = (path: BodyPath | undefined, target: Target | undefined): unknown => {
    if (path === undefined) return undefined;
    const types = schemaTypes(schemaAtPath(responseSchema, path, ctx.defs), ctx.defs);
    const numeric = (types.has('number') || types.has('integer')) && !types.has('string');
    if (target === undefined) return noLink(path, types, numeric);
    if (numeric)
      return pagination.style === 'limit-offset' ? target.offset : pagination.firstPage + target.index;
    const format = resolveSchema(schemaAtPath(responseSchema, path, ctx.defs), ctx.defs).format;
    return pagination.style === 'cursor' && format !== 'uri' ? cursorOf(target) : links.url(target);
  };
  put(pagination.countPath, count);
  put(pagination.currentPath, current);
  put(pagination.totalPagesPath, totalPages);
  put(pagination.startIndexPath, startIndex);
  put(pagination.endIndexPath, endIndex);
  put(pagination.hasMorePath, next !== undefined);
  put(pagination.isLastPath, window.inRange && next === undefined);
  put(pagination.pageSizePath, size);
  if (pagination.countHeader !== undefined) headers[pagination.countHeader.toLowerCase()] = String(count);
  if (pagination.totalPagesHeader !== undefined)
    headers[pagination.totalPagesHeader.toLowerCase()] = String(totalPages);
  /**
   * Where there is no next (or previous) page: null when the schema allows it, 0 for a page number,
   * else nothing at all when the property is optional (Kubernetes omits `metadata.continue`), else
   * the empty string. Writing null into a field typed `string` breaks the schema.
   */
  const noLink = (path: BodyPath, types: ReadonlySet<string>, numeric: boolean): unknown => {
    if (types.size === 0 || types.has('null')) return null;
    if (numeric) return 0;
    if (!isRequiredAt(responseSchema, path, ctx.defs)) return ABSENT;
    return types.has('string') ? '' : null;
  };
  put(pagination.nextPath, linkValue(pagination.nextPath, next));
  put(pagination.previousPath, linkValue(pagination.previousPath, previous));

  // The Link header is computed whenever the style relies on it or the response documents it
  // (GitHub's cursor lists): a generated value would be a link to nowhere.
  if (pagination.style === 'link-header' || documentsHeader(success.spec, 'link')) {
    const parts: string[] = [];
    if (next !== undefined) parts.push(`<${links.url(next)}>; rel="next"`);
    if (previous !== undefined) parts.push(`<${links.url(previous)}>; rel="prev"`);
    parts.push(`<${links.url({ index: 0, offset: 0 })}>; rel="first"`);
    // A cursor cannot say how far the end is without walking there: no `last`, as GitHub does.
    if (pagination.style !== 'cursor') {
      const last = Math.max(0, totalPages - 1);
      parts.push(`<${links.url({ index: last, offset: last * size })}>; rel="last"`);
    }
    headers.link = parts.join(', ');
  }
  if (pagination.style === 'content-range') {
    headers['content-range'] =
      nominalLength > 0 ? `${startIndex - 1}-${endIndex - 1}/${count}` : `*/${count}`;
  }
  return { status: success.status, headers, body: serialisePage(writer.body, list.itemsPath, served) };
}

function orderingKeys(
  ctx: MockContext,
  operation: Operation,
  list: ListSemantics,
  values: ReadonlyMap<string, unknown>,
): OrderingKey[] {
  if (list.ordering === undefined) return [];
  const value = values.get(list.ordering.param);
  if (typeof value !== 'string') return [];
  return parseOrdering(value, orderable(ctx, operation, list), list.ordering.syntax);
}

/** The page size asked for: a positive integer, or undefined for the default (as DRF reads it). */
function readPageSize(
  pagination: Pagination,
  values: ReadonlyMap<string, unknown>,
  headers: Record<string, string>,
): number | undefined {
  if (pagination.style === 'content-range') {
    const range = parseRange(headers.range);
    if (range !== undefined && range.end !== undefined) return range.end - range.start + 1;
  }
  const param =
    pagination.style === 'limit-offset' || pagination.style === 'content-range'
      ? (pagination.limitParam ?? pagination.pageSizeParam)
      : (pagination.pageSizeParam ?? pagination.limitParam);
  const value = param === undefined ? undefined : values.get(param);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Finds the requested window: by page number, by offset, by range or by cursor. */
function locate(
  pagination: Pagination,
  values: ReadonlyMap<string, unknown>,
  headers: Record<string, string>,
  pool: readonly Record<string, unknown>[],
  size: number,
  identifier: string | undefined,
): Window {
  const total = pool.length;
  const totalPages = Math.max(1, Math.ceil(total / size));
  const byOffset = (offset: number): Window => ({
    index: Math.floor(offset / size),
    offset,
    size,
    total,
    page: pagination.firstPage + Math.floor(offset / size),
    totalPages,
    inRange: offset === 0 || offset < total,
  });
  switch (pagination.style) {
    case 'page-object':
    case 'page-number':
    case 'link-header': {
      if (pagination.pageParam === undefined) {
        const raw = values.get(pagination.offsetParam ?? pagination.cursorParam ?? '');
        if (typeof raw === 'number' && pagination.offsetParam !== undefined) {
          return byOffset(Number.isInteger(raw) && raw > 0 ? raw : 0);
        }
        if (raw !== undefined && pagination.cursorParam !== undefined) {
          return byOffset(decodeCursor(raw as string, pool, identifier));
        }
      }
      const raw = pagination.pageParam === undefined ? undefined : values.get(pagination.pageParam);
      // A page before the first (0, negative) is schema-valid: serve the first page, as many servers do.
      const asked = typeof raw === 'number' ? raw : pagination.firstPage;
      const page = Math.max(asked, pagination.firstPage);
      const index = page - pagination.firstPage;
      const valid = Number.isInteger(page) && index >= 0 && index < totalPages;
      return { index, offset: Math.max(0, index) * size, size, total, page, totalPages, inRange: valid };
    }
    case 'limit-offset': {
      const raw = pagination.offsetParam === undefined ? undefined : values.get(pagination.offsetParam);
      return byOffset(typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : 0);
    }
    case 'content-range': {
      const range = parseRange(headers.range);
      if (range !== undefined) return byOffset(range.start);
      const raw = pagination.offsetParam === undefined ? undefined : values.get(pagination.offsetParam);
      return byOffset(typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : 0);
    }
    case 'cursor': {
      const raw = pagination.cursorParam === undefined ? undefined : values.get(pagination.cursorParam);
      return byOffset(
        typeof raw === 'string' || typeof raw === 'number' ? decodeCursor(raw, pool, identifier) : 0,
      );
    }
  }
}

function parseRange(header: string | undefined): { start: number; end?: number } | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:[a-z]+=)?(\d+)-(\d*)\s*$/i.exec(header);
  if (m === null) return undefined;
  const start = Number(m[1]);
  const end = m[2] === '' || m[2] === undefined ? undefined : Number(m[2]);
  if (end !== undefined && end < start) return undefined;
  return end === undefined ? { start } : { start, end };
}

/**
 * Cursors are opaque tokens carrying an offset (`o:40`, base64url). A cursor the mock did not issue
 * starts from the beginning rather than failing: it is a valid value for the parameter's schema.
 */
function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(
  token: string | number,
  pool: readonly Record<string, unknown>[],
  identifier: string | undefined,
): number {
  // Stripe's starting_after: the identifier of the last item seen.
  if (identifier !== undefined) {
    const at = pool.findIndex((item) => String(item[identifier]) === String(token));
    if (at !== -1) return at + 1;
  }
  const m = /^o:(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString());
  return m === null ? 0 : Number(m[1]);
}

/** Builds next/previous references for page indexes, in the style's own shape. */
function linkMaker(pagination: Pagination, req: ListRequest, cursorOf: (target: Target) => string) {
  const url = (target: Target): string => {
    const { index, offset } = target;
    const query = new Map(req.query);
    const byCursor =
      pagination.cursorParam !== undefined &&
      (pagination.style === 'cursor' || pagination.pageParam === undefined);
    if (byCursor && pagination.offsetParam === undefined && pagination.cursorParam !== undefined) {
      if (offset === 0) query.delete(pagination.cursorParam);
      else query.set(pagination.cursorParam, [cursorOf(target)]);
    } else if (
      pagination.style === 'limit-offset' ||
      (pagination.pageParam === undefined && pagination.offsetParam !== undefined)
    ) {
      const offsetParam = pagination.offsetParam ?? 'offset';
      if (offset === 0 && pagination.style === 'limit-offset') query.delete(offsetParam);
      else query.set(offsetParam, [String(offset)]);
    } else {
      const pageParam = pagination.pageParam ?? 'page';
      // DRF drops the page parameter from the link to the first page.
      if (index === 0 && pagination.style === 'page-number') query.delete(pageParam);
      else query.set(pageParam, [String(pagination.firstPage + index)]);
    }
    const text = formatQuery(query);
    return text === '' ? req.selfUrl : `${req.selfUrl}?${text}`;
  };
  return { url };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
