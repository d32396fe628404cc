import type { PaginationConvention } from './pagination-convention.js';

/** PostgREST and others: `Range: 0-24` requests and `Content-Range: 0-24/100` answers (RFC 9110 §14.4). */
export const contentRange: PaginationConvention = {
  name: 'Content-Range',
  summary: 'a documented `Content-Range` response header or a `Range` request header',
  detect(ev) {
    if (!ev.responseHeaders.has('content-range') && !ev.requestHeaders.has('range')) return undefined;
    if (ev.itemsPath === undefined) return undefined;
    return { pagination: { style: 'content-range' } };
  },
};
