import type { HttpRequest, Pagination } from '@assay/model';
import { intParam, queryParam, withQueryParams } from '../query-string.js';

/** The request's query and headers moved to the first page, every other parameter kept. */
export function toFirstPage(request: HttpRequest, p: Pagination): Pick<HttpRequest, 'query' | 'headers'> {
  const updates: Record<string, string | undefined> = {};
  if (p.pageParam !== undefined) updates[p.pageParam] = undefined;
  if (p.offsetParam !== undefined) updates[p.offsetParam] = undefined;
  if (p.cursorParam !== undefined) updates[p.cursorParam] = undefined;
  // The pairs every walk carries stay (json-server v1 pages only with `_page`).
  if (p.walkQuery !== undefined)
    for (const [name, value] of new URLSearchParams(p.walkQuery)) updates[name] = value;
  const query = withQueryParams(request.query, updates);
  const headers = { ...request.headers };
  const range = /^\s*(\d+)-(\d+)\s*$/.exec(headers.range ?? '');
  if (range !== null) headers.range = `0-${Number(range[2]) - Number(range[1])}`;
  return { query, headers };
}

/** Whether a request asks for the first page (no page past the first, no offset, no cursor, range from 0). */
export function isFirstPage(request: HttpRequest, p: Pagination): boolean {
  if (p.pageParam !== undefined) {
    const raw = queryParam(request.query, p.pageParam);
    if (raw !== undefined && intParam(raw) !== p.firstPage) return false;
  }
  if (p.offsetParam !== undefined) {
    const raw = queryParam(request.query, p.offsetParam);
    if (raw !== undefined && intParam(raw) !== 0) return false;
  }
  if (p.cursorParam !== undefined && queryParam(request.query, p.cursorParam) !== undefined) return false;
  const range = /^\s*(\d+)-/.exec(request.headers.range ?? '');
  return range === null || Number(range[1]) === 0;
}

/** The parameter that sets the page size in this style, if the operation has one. */
export function sizeParamOf(p: Pagination): string | undefined {
  return p.pageSizeParam ?? p.limitParam;
}
