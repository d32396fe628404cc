/**
 * @assay/checks: decides whether an exchange, or a sequence of exchanges, broke the contract.
 *
 * - `parsedBody(response)`: the JSON body as the checks read it, parsed once per response object;
 *   call it after the exchange checks to read the same value without parsing the body again.
 *
 * - `createSchemaValidator(api.schemas)`: the validator of @assay/json-schema, re-exported (the one ajv configuration).
 * - `createChecks(api)`: the exchange checks and the sequence checks, bound to the api's validators.
 * - Probes for sequences, all pure (data in, data out): walk a list with `nextPageRequest` from a
 *   first page until it returns `undefined` (stop early when its `requestKey` was already sent);
 *   then `pageSizeVariantRequest(firstPage)` (walk it too), `pastLastPageRequest(lastPage)`, and
 *   for a filtered or searched request `unfilteredRequest(firstPage)` (walk it too). Pass every
 *   exchange of the operation, in the order sent, to each sequence check: each finds the walks and
 *   probes it needs by matching requests with these helpers.
 * - Probes for single exchanges: `unsupportedMethodRequest` (judged by `unsupported-method` only,
 *   besides not-a-server-error) and `missingHeaderRequests` (judged by `missing-required-header`).
 * - `statefulChecks`: the checks of a create/read/update/delete sequence on one resource, each a
 *   pure function of a `ResourceTrace` (the steps in order, full list walks included).
 */

export type { SchemaError, SchemaValidator } from '@assay/json-schema';
export { createSchemaValidator } from '@assay/json-schema';
export type { ParsedBody } from './_internals/parsed-body.js';
export { parsedBody } from './_internals/parsed-body.js';
export type { ApiChecks, CreateChecksOptions } from './checks/create-checks.js';
export { createChecks } from './checks/create-checks.js';
export { contentTypeConformance } from './conformance/content-type-conformance.js';
export type { IgnoredAuthOptions } from './conformance/ignored-auth.js';
export { defaultRejectionStatuses, ignoredAuth, ignoredAuthCheck } from './conformance/ignored-auth.js';
export { matchResponse } from './conformance/match-response.js';
export { negativeDataRejection } from './conformance/negative-data-rejection.js';
export { notAServerError } from './conformance/not-a-server-error.js';
export { positiveDataAcceptance } from './conformance/positive-data-acceptance.js';
export { responseHeadersConformance } from './conformance/response-headers-conformance.js';
export { responseSchemaConformance } from './conformance/response-schema-conformance.js';
export { statusCodeConformance } from './conformance/status-code-conformance.js';
export type { CompareOptions } from './diff/compare-exchanges.js';
export { compareExchanges } from './diff/compare-exchanges.js';
export { missingHeaderRequests } from './header/missing-header-requests.js';
export { isMissingHeaderProbe, missingRequiredHeader } from './header/missing-required-header.js';
export type { UnsupportedMethodCheckOptions } from './method/unsupported-method.js';
export { unsupportedMethod } from './method/unsupported-method.js';
export type { UnsupportedMethodOptions } from './method/unsupported-method-request.js';
export { unsupportedMethodRequest } from './method/unsupported-method-request.js';
export type { PaginationRequestOptions } from './pagination/next-page-request.js';
export { nextPageRequest } from './pagination/next-page-request.js';
export type { NextPageReason, NextPageStep } from './pagination/next-page-step.js';
export { nextPageStep } from './pagination/next-page-step.js';
export { pageSizeVariantRequest } from './pagination/page-size-variant-request.js';
export { paginationComplete } from './pagination/pagination-complete.js';
export { paginationFullPages } from './pagination/pagination-full-pages.js';
export { paginationFullPagesWalk } from './pagination/pagination-full-pages-walk.js';
export { paginationMetadata } from './pagination/pagination-metadata.js';
export { paginationMetadataWalk } from './pagination/pagination-metadata-walk.js';
export { paginationNoDuplicates } from './pagination/pagination-no-duplicates.js';
export { paginationPageSize } from './pagination/pagination-page-size.js';
export { paginationPageSizeInvariance } from './pagination/pagination-page-size-invariance.js';
export { paginationPageSizeWalk } from './pagination/pagination-page-size-walk.js';
export { paginationPastLast } from './pagination/pagination-past-last.js';
export { paginationStableCount } from './pagination/pagination-stable-count.js';
export { paginationWalkOrder } from './pagination/pagination-walk-order.js';
export { paginationWalkTerminates } from './pagination/pagination-walk-terminates.js';
export { pastLastPageRequest } from './pagination/past-last-page-request.js';
export { requestKey } from './pagination/request-key.js';
export { orderingValue } from './query/ordering-value.js';
export { queryFilter } from './query/query-filter.js';
export { queryFilterSubset } from './query/query-filter-subset.js';
export { queryOrdering } from './query/query-ordering.js';
export { queryOrderingInferred } from './query/query-ordering-inferred.js';
export { querySearch } from './query/query-search.js';
export { unfilteredRequest } from './query/unfiltered-request.js';
export { createdResourceMatches } from './stateful/created-resource-matches.js';
export { ensureResourceAvailability } from './stateful/ensure-resource-availability.js';
export { listReflectsWrites } from './stateful/list-reflects-writes.js';
export { partialUpdatePreserves } from './stateful/partial-update-preserves.js';
export { statefulChecks } from './stateful/stateful-checks.js';
export { updatePersisted } from './stateful/update-persisted.js';
export { useAfterFree } from './stateful/use-after-free.js';
