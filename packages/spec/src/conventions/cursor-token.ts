import type { BodyPath } from '@assay/model';
import { isBooleanAt } from './_internals/evidence-fields.js';
import type { ListEvidence, PaginationConvention } from './pagination-convention.js';

const CURSOR_PARAMS = [
  'cursor',
  'starting_after',
  'after',
  'page_token',
  'pageToken',
  'next_token',
  'nextToken',
  'continuation_token',
  'continuationToken',
  'continue',
  'marker',
];
const NEXT_CURSOR_KEYS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'continuation_token',
  'continuationToken',
  'continue',
  'cursor',
  'next_marker',
];
const HAS_MORE_KEYS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page', 'hasNextPage', 'more'];
// One level of nesting is searched for cursor metadata (`meta`, `page_info`, `response_metadata` …).
const META_KEYS = [
  'metadata',
  'meta',
  'pagination',
  'page_info',
  'pageInfo',
  'paging',
  'links',
  'response_metadata',
];

/** Any list with a cursor parameter, with a next-cursor or has-more field in the body when there is one. */
export const cursorToken: PaginationConvention = {
  name: 'cursor',
  summary:
    'a cursor parameter (`cursor`, `after`, `page_token`, `marker` …) with a next cursor or has-more flag',
  detect(ev) {
    const cursorParam = ev.param(...CURSOR_PARAMS);
    if (cursorParam === undefined || ev.itemsPath === undefined) return undefined;
    const limitParam = ev.param('limit', 'page_size', 'pageSize', 'per_page', 'max_results', 'maxResults');
    const top = ev.itemsPath.length > 0;
    const nextPath = top ? findField(ev, NEXT_CURSOR_KEYS, (p) => ev.typeAt(p) === 'string') : undefined;
    const hasMorePath = top ? findField(ev, HAS_MORE_KEYS, (p) => isBooleanAt(ev, p)) : undefined;
    return {
      pagination: {
        style: 'cursor',
        cursorParam,
        ...(limitParam === undefined ? {} : { limitParam }),
        ...ev.sizeLimits(limitParam),
        ...(nextPath === undefined ? {} : { nextPath }),
        ...(hasMorePath === undefined ? {} : { hasMorePath }),
      },
    };
  },
};

/** A field named one of `keys` at the top of the body or one level down in a metadata object. */
function findField(
  ev: ListEvidence,
  keys: readonly string[],
  accept: (p: BodyPath) => boolean,
): BodyPath | undefined {
  for (const key of keys) if (accept([key])) return [key];
  for (const meta of META_KEYS) {
    if (ev.typeAt([meta]) !== 'object') continue;
    for (const key of keys) if (accept([meta, key])) return [meta, key];
  }
  return undefined;
}
