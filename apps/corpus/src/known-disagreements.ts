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
    checks: ['response-schema-conformance'],
    why: 'PostDBRP: the 201 body matches none of its oneOf branches (links without self)',
    open: true,
  },
  'svix.com': {
    checks: ['negative-data-rejection'],
    why: 'an empty value of a nullable query parameter with a pattern is sent as invalid, while the mock (as lenient servers do) reads it as null, which is valid; where the generators keep it is not found yet',
  },
  'gettyimages.com': {
    checks: ['response-schema-conformance'],
    why: 'post_v3_boards: the 201 body has a property its schema does not allow',
    open: true,
  },
  'hubapi.com/files': {
    checks: ['created-resource-matches', 'use-after-free'],
    why: 'the stateful phase reads a folder whose createdAt differs from the create (a readOnly date-time regenerated)',
    open: true,
  },
  'slack.com': {
    checks: ['response-schema-conformance'],
    why: 'team_integrationLogs: a filter leaves no log, but the schema says logs holds at least one (minItems: 1)',
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
