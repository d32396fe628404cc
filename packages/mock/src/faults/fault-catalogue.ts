/**
 * A plausible server bug the mock can be told to have, and the check that must catch it.
 * The runner's end-to-end test runs the engine against the mock with each fault alone and asserts
 * that `catches` fires, so this table is the proof that the checks work.
 */
export interface Fault {
  name: FaultName;
  /** One line: what the server does wrong. */
  description: string;
  /** The id of the check that must report it (a check id of @assay/checks). */
  catches: string;
}

/** The names of the faults in {@link faultCatalogue}. */
export type FaultName =
  | 'schema-break'
  | 'wrong-content-type'
  | 'server-error-on-input'
  | 'ignored-auth'
  | 'accepts-invalid-input'
  | 'rejects-valid-input'
  | 'undocumented-status'
  | 'page-size-ignored'
  | 'wrong-count'
  | 'wrong-total-pages'
  | 'wrong-start-index'
  | 'wrong-end-index'
  | 'wrong-current'
  | 'wrong-next'
  | 'wrong-previous'
  | 'next-on-last-page'
  | 'short-middle-page'
  | 'unstable-count'
  | 'duplicates-across-pages'
  | 'missing-items-across-pages'
  | 'endless-walk'
  | 'per-page-ordering'
  | 'page-size-dependent-items'
  | 'past-last-returns-last-page'
  | 'ignored-filter'
  | 'ignored-ordering'
  | 'ignored-search'
  | 'filter-leaks-hidden-items'
  | 'unstable-order'
  | 'delete-keeps-item'
  | 'create-unreadable'
  | 'create-answer-differs'
  | 'update-not-kept'
  | 'patch-drops-fields'
  | 'create-not-listed'
  | 'count-ignores-writes';

/** Every fault the mock knows, in a stable order. */
export const faultCatalogue: readonly Fault[] = [
  {
    name: 'schema-break',
    description:
      'Successful JSON responses drop a required property (or change the body type), so they no longer match the documented schema.',
    catches: 'response-schema-conformance',
  },
  {
    name: 'wrong-content-type',
    description: 'Responses are labelled text/html whatever the documented media type.',
    catches: 'content-type-conformance',
  },
  {
    name: 'server-error-on-input',
    description:
      'A 500 when a query value holds a character other than letters, digits, "-", "_" or ".", or is a number at or below zero (unescaped input, division by zero).',
    catches: 'not-a-server-error',
  },
  {
    name: 'ignored-auth',
    description: 'Requests without credentials, or with a wrong token, are served as if authenticated.',
    catches: 'ignored-auth',
  },
  {
    name: 'accepts-invalid-input',
    description: 'Parameters and bodies are not validated: invalid input is served with a 2xx.',
    catches: 'negative-data-rejection',
  },
  {
    name: 'rejects-valid-input',
    description:
      'A documented 4xx for valid input: an integer query value above 100 (an undocumented maximum) or a boolean query value given as false.',
    catches: 'positive-data-acceptance',
  },
  {
    name: 'undocumented-status',
    description: 'Invalid input is answered with a status the operation does not document (422, 409 or 418).',
    catches: 'status-code-conformance',
  },
  {
    name: 'page-size-ignored',
    description: 'The page-size parameter is ignored: every page has the default size.',
    catches: 'pagination-page-size',
  },
  {
    name: 'wrong-count',
    description:
      'The total count is twice the real number of items (a join that duplicates rows before counting).',
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-total-pages',
    description: 'total_pages is one more than the pages there are.',
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-start-index',
    description: "start_index is 0-based: one less than the position of the page's first item.",
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-end-index',
    description: "end_index is 0-based: one less than the position of the page's last item.",
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-current',
    description: 'The current page number is 0-based: one less than the page requested.',
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-next',
    description: 'The next link skips a page (current + 2).',
    catches: 'pagination-metadata',
  },
  {
    name: 'wrong-previous',
    description: 'The previous link is never set, even after the first page.',
    catches: 'pagination-metadata',
  },
  {
    name: 'next-on-last-page',
    description: 'The last page still links to a next page (which is empty).',
    catches: 'pagination-metadata',
  },
  {
    name: 'short-middle-page',
    description:
      'Pages other than the last lose their last item (a filter applied after slicing), so they are not full.',
    catches: 'pagination-full-pages',
  },
  {
    name: 'unstable-count',
    description: 'The total count changes from page to page (it grows by one on every page after the first).',
    catches: 'pagination-stable-count',
  },
  {
    name: 'duplicates-across-pages',
    description: "Every page after the first starts one item early, repeating the previous page's last item.",
    catches: 'pagination-no-duplicates',
  },
  {
    name: 'missing-items-across-pages',
    description:
      'Every page after the first starts one item late, so an item is skipped at each page boundary.',
    catches: 'pagination-complete',
  },
  {
    name: 'endless-walk',
    description: 'There is always a next page: past the last one, empty pages keep linking onwards.',
    catches: 'pagination-walk-terminates',
  },
  {
    name: 'per-page-ordering',
    description: 'Ordering is applied to each page after slicing, so the walk is not ordered across pages.',
    catches: 'pagination-walk-order',
  },
  {
    name: 'page-size-dependent-items',
    description:
      'With a page size other than the default, the last item of the list is left out (count included).',
    catches: 'pagination-page-size-invariance',
  },
  {
    name: 'past-last-returns-last-page',
    description:
      "A page number past the last one serves the last page again (Django's get_page) instead of an empty page or a 404.",
    catches: 'pagination-past-last',
  },
  {
    name: 'ignored-filter',
    description: 'Equality filters are accepted but ignored: items that do not match are returned.',
    catches: 'query-filter',
  },
  {
    name: 'ignored-ordering',
    description: 'The ordering parameter is accepted but ignored.',
    catches: 'query-ordering',
  },
  {
    name: 'ignored-search',
    description: 'The search parameter is accepted but ignored.',
    catches: 'query-search',
  },
  {
    name: 'filter-leaks-hidden-items',
    description:
      'A filtered list also includes archived items that the unfiltered list hides, so it is not a subset of it.',
    catches: 'query-filter-subset',
  },
  {
    name: 'unstable-order',
    description:
      'Without an explicit ordering the item order changes from request to request (no ORDER BY), so a page walk repeats and skips items.',
    catches: 'pagination-no-duplicates',
  },
  {
    name: 'delete-keeps-item',
    description:
      'A DELETE answers success but keeps the item: it can still be read, and it stays in the list.',
    catches: 'use-after-free',
  },
  {
    name: 'create-unreadable',
    description:
      'A created item is stored and listed, but reading it by the id the create returned answers 404.',
    catches: 'ensure-resource-availability',
  },
  {
    name: 'create-answer-differs',
    description:
      'The create answers what it was sent, but stores the item with one property changed (a boolean flipped, a number moved by one).',
    catches: 'created-resource-matches',
  },
  {
    name: 'update-not-kept',
    description: 'PUT and PATCH answer the changed item, but the change is never stored.',
    catches: 'update-persisted',
  },
  {
    name: 'patch-drops-fields',
    description:
      'A PATCH replaces the item with the fields it names: every writable field it did not mention is lost.',
    catches: 'partial-update-preserves',
  },
  {
    name: 'create-not-listed',
    description: 'A created item can be read by its id, but the list never shows it.',
    catches: 'list-reflects-writes',
  },
  {
    name: 'count-ignores-writes',
    description:
      "The list's total stays at the seeded number of items, whatever was created or deleted since.",
    catches: 'list-reflects-writes',
  },
];
