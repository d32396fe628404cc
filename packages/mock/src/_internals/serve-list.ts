import type { BodyPath, ListSemantics, Operation } from '@assay/model';
import { applyOrdering } from './apply-ordering.js';
import type { BodyFactory } from './body-factory.js';
import { bodyWriter, writeBodyPath } from './body-path.js';
import type { Dataset } from './build-dataset.js';
import { documentsHeader } from './documents-header.js';
import { isRequiredAt } from './is-required-at.js';
import { listPool } from './list-pool.js';
import { listWindow, type Target } from './list-window.js';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { encodeCursor } from './page-cursor.js';
import { offersPlainArray, pageEnvelope, pageSchema } from './page-envelope.js';
import { pageLinks } from './page-links.js';
import { readPageSize } from './read-page-size.js';
import { resolveSchema } from './resolve-schema.js';
import { concreteMediaType, errorResponse, responseMedia, successResponse } from './response-choice.js';
import { schemaAtPath } from './schema-at-path.js';
import { schemaTypes } from './schema-types.js';
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

/**
 * Serves one page of a list operation: filters, search and ordering applied to the dataset, then
 * the operation's pagination profile, with its metadata computed from the page actually served.
 * Faults bend exactly one of these steps each.
 */
export function serveList(ctx: MockContext, factory: BodyFactory, req: ListRequest): MockReply {
  const { list, operation, values } = req;
  const faults = ctx.faults;
  const pagination = list.pagination;

  const { pool: selected, keys } = listPool(ctx, operation, list, req.dataset, values, req.query);
  let pool = selected;

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

  const window = listWindow(pagination, values, req.headers, pool, size, list.identifier);
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
  const links = pageLinks(pagination, req, cursorOf);
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
  // Kubernetes: the items after this page, beside a continue token only (left out on the last page).
  if (pagination.remainingPath !== undefined) {
    const after = Math.max(0, count - window.offset - nominalLength);
    const required = isRequiredAt(responseSchema, pagination.remainingPath, ctx.defs);
    put(pagination.remainingPath, next !== undefined ? after : required ? 0 : ABSENT);
  }
  if (pagination.countHeader !== undefined) headers[pagination.countHeader.toLowerCase()] = String(count);
  if (pagination.totalPagesHeader !== undefined)
    headers[pagination.totalPagesHeader.toLowerCase()] = String(totalPages);
  // GitLab: the next page's number, empty on the last page.
  if (pagination.nextPageHeader !== undefined)
    headers[pagination.nextPageHeader] = next === undefined ? '' : String(pagination.firstPage + next.index);
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
