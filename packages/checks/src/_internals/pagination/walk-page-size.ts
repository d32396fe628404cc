import { nextPageRequest, type PaginationRequestOptions } from '../../pagination/next-page-request.js';
import type { WalkView } from './read-walks.js';

/**
 * The page size a walk shows: the largest page that has a page after it (such a page must be
 * full, so its length is the size the server used). `undefined` for a one-page walk.
 */
export function walkPageSize(walk: WalkView, options: PaginationRequestOptions): number | undefined {
  let size: number | undefined;
  for (const page of walk.pages) {
    if (nextPageRequest(page.exchange, options) === undefined) continue;
    const n = page.items!.length;
    if (size === undefined || n > size) size = n;
  }
  return size;
}
