/**
 * Specs of CI's sample on which Assay still disagrees with its own mock, each with the checks that
 * fail and why. Every entry is a false positive waiting to happen against a live server: the list
 * is meant to shrink, and the sample test fails both for a failure not listed here and for an
 * entry that no longer fails (so a fix cannot leave a stale excuse behind).
 */
export const knownDisagreements: Record<
  string,
  {
    checks: readonly string[];
    why: string;
    /**
     * Seen failing since the round that merged the pagination conventions, the stateful mock and
     * the 2020-12 generators, not yet investigated. Under the run's 60 s time budget how far such a
     * run gets depends on the machine, so a run that does not reach the failure is not a stale entry.
     */
    open?: true;
  }
> = {
  'googleapis.com/pubsublite': {
    checks: ['response-schema-conformance'],
    why: "a list of topic names (strings) is served the items of another list of Topic objects: the mock's datasets are shared between lists whose item schemas differ",
  },
  'influxdata.com': {
    checks: ['pagination-complete', 'pagination-full-pages'],
    why: 'the mock links a next page past the end of its data, which then answers 404 (its page arithmetic for this list)',
    open: true,
  },
  'telstra.com': {
    checks: ['pagination-complete', 'pagination-full-pages'],
    why: 'the mock links a next page past the end of its data, which then answers 404 (its page arithmetic for this list)',
  },
  'whapi.com/sportsdata': {
    checks: ['pagination-complete'],
    why: 'a limit-offset list without metadata: the walk takes a full page as one with a next page, and the mock answers that page 404',
    open: true,
  },
  'ote-godaddy.com/abuse': {
    checks: ['pagination-full-pages'],
    why: 'the mock generates the documented pagination object (next, total) instead of computing it, so page 1 links a next page that is empty',
    open: true,
  },
  'pendo.io': {
    checks: ['pagination-full-pages'],
    why: 'a page links a next page that the mock then serves empty',
    open: true,
  },
  'svix.com': {
    checks: ['negative-data-rejection'],
    why: 'an empty value of a nullable query parameter with a pattern is sent as invalid, while the mock (as lenient servers do) reads it as null, which is valid; where the generators keep it is not found yet',
  },
  'azure.com/apimanagement-apimapisByTags': {
    checks: ['pagination-complete'],
    why: 'a next link past the end of the data answers 404',
    open: true,
  },
  'azure.com/apimanagement-apimissues': {
    checks: ['pagination-complete'],
    why: 'a next link past the end of the data answers 404',
    open: true,
  },
  'azure.com/mediaservices-StreamingPoliciesAndStreamingLocators': {
    checks: ['pagination-page-size-invariance'],
    why: 'walking with $top=19 and with the default page size gives different items',
    open: true,
  },
  'bbc.co.uk': {
    checks: ['pagination-no-duplicates'],
    why: 'an item appears on two pages of one walk',
    open: true,
  },
  'ebi.ac.uk': {
    checks: ['pagination-complete'],
    why: 'a next link past the end of the data answers 404',
    open: true,
  },
  'gettyimages.com': {
    checks: ['pagination-no-duplicates', 'response-schema-conformance'],
    why: 'an item appears on two pages of one walk',
    open: true,
  },
  'googleapis.com/my-business': {
    checks: ['pagination-no-duplicates'],
    why: 'an item appears on two pages of one walk',
    open: true,
  },
  'hubapi.com/files': {
    checks: ['created-resource-matches', 'use-after-free'],
    why: 'the stateful phase reads a folder whose createdAt differs from the create (a readOnly date-time regenerated)',
    open: true,
  },
  'slack.com': {
    checks: [
      'pagination-complete',
      'pagination-metadata',
      'pagination-no-duplicates',
      'pagination-page-size',
      'pagination-past-last',
      'response-schema-conformance',
    ],
    why: 'files_list: the walk sees more items than its count',
    open: true,
  },
  'visiblethread.com': {
    checks: ['ensure-resource-availability', 'list-reflects-writes'],
    why: 'the create answers docId as an int64 while the listed and read documents carry docId as a string: the id a create names cannot be the one a read finds',
    open: true,
  },
  'vtex.local/Catalog-API-Seller-Portal': {
    checks: ['created-resource-matches'],
    why: 'the stateful phase reads attributes that differ from the create',
    open: true,
  },
  'vtex.local/SKU-Bindings-API': {
    checks: ['positive-data-acceptance', 'status-code-conformance'],
    why: 'a valid request is answered 400',
    open: true,
  },
};
