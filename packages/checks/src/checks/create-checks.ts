import { createSchemaValidator, type SchemaValidator } from '@assay/json-schema';
import { type ApiModel, type Check, type SequenceCheck, serverBasePath } from '@assay/model';
import { contentTypeConformance } from '../conformance/content-type-conformance.js';
import { ignoredAuth } from '../conformance/ignored-auth.js';
import { negativeDataRejection } from '../conformance/negative-data-rejection.js';
import { notAServerError } from '../conformance/not-a-server-error.js';
import { positiveDataAcceptance } from '../conformance/positive-data-acceptance.js';
import { responseHeadersConformance } from '../conformance/response-headers-conformance.js';
import { responseSchemaConformance } from '../conformance/response-schema-conformance.js';
import { statusCodeConformance } from '../conformance/status-code-conformance.js';
import type { PaginationRequestOptions } from '../pagination/next-page-request.js';
import { paginationComplete } from '../pagination/pagination-complete.js';
import { paginationFullPages } from '../pagination/pagination-full-pages.js';
import { paginationFullPagesWalk } from '../pagination/pagination-full-pages-walk.js';
import { paginationMetadata } from '../pagination/pagination-metadata.js';
import { paginationMetadataWalk } from '../pagination/pagination-metadata-walk.js';
import { paginationNoDuplicates } from '../pagination/pagination-no-duplicates.js';
import { paginationPageSize } from '../pagination/pagination-page-size.js';
import { paginationPageSizeInvariance } from '../pagination/pagination-page-size-invariance.js';
import { paginationPageSizeWalk } from '../pagination/pagination-page-size-walk.js';
import { paginationPastLast } from '../pagination/pagination-past-last.js';
import { paginationStableCount } from '../pagination/pagination-stable-count.js';
import { paginationWalkOrder } from '../pagination/pagination-walk-order.js';
import { paginationWalkTerminates } from '../pagination/pagination-walk-terminates.js';
import { queryFilter } from '../query/query-filter.js';
import { queryFilterSubset } from '../query/query-filter-subset.js';
import { queryOrdering } from '../query/query-ordering.js';
import { queryOrderingInferred } from '../query/query-ordering-inferred.js';
import { querySearch } from '../query/query-search.js';

/** Options of {@link createChecks}. */
export interface CreateChecksOptions {
  /** Reuse a validator already made for `api.schemas` (e.g. the one the generators use). */
  validator?: SchemaValidator;
  /**
   * The server URL's path, cut from absolute pagination links that do not end with the operation
   * path. Defaults to the path of the api's first server.
   */
  basePath?: string;
}

/** Every check of Assay for one API, bound to its compiled validators. */
export interface ApiChecks {
  /** The checks of one exchange, in report order. */
  checks: Check[];
  /**
   * The checks of a sequence of exchanges of one operation: pass the pages of walks (in order),
   * page-size variants, past-last probes and unfiltered variants together; each check finds the
   * structure it needs from the requests (see `nextPageRequest`).
   */
  sequenceChecks: SequenceCheck[];
  /** The validator the checks use, for reuse (`isValid` for the generators). */
  validator: SchemaValidator;
}

/**
 * The exchange and sequence checks for an API. Pure: no I/O, no global state. Validators are
 * compiled lazily, once per schema (so once per operation, status and media type).
 */
export function createChecks(api: ApiModel, options: CreateChecksOptions = {}): ApiChecks {
  const validator = options.validator ?? createSchemaValidator(api.schemas);
  const walk: PaginationRequestOptions = {
    basePath: options.basePath ?? (serverBasePath(api.servers[0]) || undefined),
  };
  return {
    checks: [
      notAServerError,
      statusCodeConformance,
      contentTypeConformance,
      responseSchemaConformance(validator),
      responseHeadersConformance(validator),
      negativeDataRejection,
      positiveDataAcceptance,
      ignoredAuth,
      paginationPageSize,
      paginationMetadata,
      paginationFullPages,
      queryFilter,
      queryOrdering,
      querySearch,
    ],
    sequenceChecks: [
      paginationPageSizeWalk(walk),
      paginationMetadataWalk(walk),
      paginationFullPagesWalk(walk),
      paginationWalkTerminates(walk),
      paginationStableCount(walk),
      paginationNoDuplicates(walk),
      paginationComplete(walk),
      paginationWalkOrder(walk),
      paginationPageSizeInvariance(walk),
      paginationPastLast(walk),
      queryFilterSubset(walk),
      queryOrderingInferred,
    ],
    validator,
  };
}
