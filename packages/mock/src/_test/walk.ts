import type { HttpRequest, HttpResponse, Operation } from '@assay/model';
import { readBodyPath } from '../_internals/body-path.js';
import type { Mock } from '../mock/create-mock.js';

/** One page of a walk. */
export interface WalkedPage {
  request: HttpRequest;
  response: HttpResponse;
  body: unknown;
  items: Record<string, unknown>[];
}

/**
 * Follows a list operation's pages from `first` the way a client would for its style, up to
 * `limit` pages, and returns them in order.
 */
export function walk(mock: Mock, operation: Operation, first: HttpRequest, limit = 60): WalkedPage[] {
  const list = operation.list;
  const pagination = list?.pagination;
  if (list === undefined || pagination === undefined) throw new Error('not a paginated list');
  const pages: WalkedPage[] = [];
  let request: HttpRequest | undefined = first;
  while (request !== undefined && pages.length < limit) {
    const response = mock.handle(request);
    if (response.status !== 200) {
      pages.push({ request, response, body: undefined, items: [] });
      break;
    }
    const body = JSON.parse(response.body) as unknown;
    const items = (readBodyPath(body, list.itemsPath) ?? []) as Record<string, unknown>[];
    pages.push({ request, response, body, items });
    const current: HttpRequest = request;
    const withQuery = (query: string): HttpRequest => ({ ...current, query });
    const setParam = (name: string, value: string): HttpRequest => {
      const params = new URLSearchParams(current.query);
      params.set(name, value);
      return withQuery(params.toString());
    };
    const fromUrl = (url: unknown): HttpRequest | undefined =>
      typeof url === 'string' && url !== '' ? withQuery(new URL(url).search.slice(1)) : undefined;
    request = undefined;
    switch (pagination.style) {
      case 'page-object': {
        const next = readBodyPath(body, pagination.nextPath ?? []);
        if (typeof next === 'number' && next !== 0)
          request = setParam(pagination.pageParam ?? 'page', String(next));
        break;
      }
      case 'page-number':
      case 'limit-offset':
        request = fromUrl(readBodyPath(body, pagination.nextPath ?? []));
        break;
      case 'cursor': {
        const next = readBodyPath(body, pagination.nextPath ?? []);
        if (readBodyPath(body, pagination.hasMorePath ?? []) === true && typeof next === 'string') {
          request = setParam(pagination.cursorParam ?? 'cursor', next);
        }
        break;
      }
      case 'link-header': {
        const m = /<([^>]*)>;\s*rel="next"/.exec(response.headers.link ?? '');
        request = fromUrl(m?.[1]);
        break;
      }
      case 'content-range': {
        const m = /^(\d+)-(\d+)\/(\d+)$/.exec(response.headers['content-range'] ?? '');
        if (m !== null && Number(m[2]) + 1 < Number(m[3])) {
          const size = items.length;
          const start = Number(m[2]) + 1;
          request = { ...current, headers: { ...current.headers, range: `${start}-${start + size - 1}` } };
        }
        break;
      }
    }
  }
  return pages;
}
