import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { metadataProblems } from '../_internals/pagination/metadata-problems.js';
import { readPage } from '../_internals/pagination/page-view.js';
import { violation } from '../_internals/violation.js';

const ID = 'pagination-metadata';

/**
 * The pagination metadata of one page add up. For authentik's page object: `current` is the page
 * asked for; `total_pages = max(1, ceil(count / page_size))`; `start_index` is 0 when count is 0,
 * else `(current - 1) * page_size + 1`; `end_index - start_index + 1` is the number of items;
 * `next`/`previous` are `current ± 1`, or 0 at the ends. For the other styles, the next/previous
 * links and `count` (or `Content-Range`) agree with the page. The page size is never assumed: only
 * the sizes consistent with the page (at least its items, at most what was asked and the
 * documented maximum) are tried, and a rule is reported only when none satisfies it.
 */
export const paginationMetadata: Check = {
  id: ID,
  description:
    'The pagination metadata of a page (count, current, total pages, indices, next, previous) add up.',
  clause:
    'Pagination profile of the operation (authentik/DRF page number, limit-offset, cursor, RFC 8288 Link, RFC 9110 §14.4 Content-Range)',
  verify(exchange) {
    const page = readPage(exchange);
    if (page === undefined) return [];
    return metadataProblems(page).map((problem) =>
      violation(ID, {
        ...problem,
        fingerprint: fingerprint(ID, exchange.operation.id, problem.keyword),
      }),
    );
  },
};
