import type { Check, HttpRequest, Operation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { intParam, queryParam } from '../_internals/query-string.js';
import { violation } from '../_internals/violation.js';

const ID = 'positive-data-acceptance';

// 401/403: the credentials, not the data; 404: the resource may not exist; 429: rate limiting.
const ALLOWED = new Set([401, 403, 404, 429]);
const JUDGED_MODES = new Set<HttpRequest['mode']>(['positive', 'example', 'coverage', 'pagination']);

/**
 * A request valid against the spec must not be rejected with a 4xx, other than 401, 403, 404
 * (and 429, rate limiting). Pagination semantics may reject a valid-looking request, so these are
 * not judged: a page number other than the first (below it, or possibly past the last page), a
 * non-zero offset, a cursor (a generated token is not one the server issued), or a `Range` header.
 */
export const positiveDataAcceptance: Check = {
  id: ID,
  description: 'A valid request is not rejected with a 4xx other than 401, 403 or 404.',
  clause: 'OpenAPI 3.1 §4.8.12 Parameter Object and §4.8.13 Request Body Object',
  verify({ operation, request, response }) {
    if (!JUDGED_MODES.has(request.mode)) return [];
    if (response.status < 400 || response.status > 499 || ALLOWED.has(response.status)) return [];
    if (paginationMayReject(operation, request)) return [];
    return [
      violation(ID, {
        message: `valid request rejected with ${response.status}`,
        pointer: '',
        keyword: 'status',
        expected: 'not 4xx (other than 401, 403, 404)',
        actual: response.status,
        fingerprint: fingerprint(ID, operation.id, response.status),
      }),
    ];
  },
};

function paginationMayReject(operation: Operation, request: HttpRequest): boolean {
  const pagination = operation.list?.pagination;
  if (pagination === undefined) return false;
  if (pagination.pageParam !== undefined) {
    const raw = queryParam(request.query, pagination.pageParam);
    if (raw !== undefined && intParam(raw) !== pagination.firstPage) return true;
  }
  if (pagination.offsetParam !== undefined) {
    const offset = queryParam(request.query, pagination.offsetParam);
    if (offset !== undefined && intParam(offset) !== 0) return true;
  }
  if (
    pagination.cursorParam !== undefined &&
    queryParam(request.query, pagination.cursorParam) !== undefined
  ) {
    return true;
  }
  return request.headers.range !== undefined;
}
