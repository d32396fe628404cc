import type { HttpRequest } from '@assay/model';
import { canonicalQuery } from '../_internals/query-string.js';

/**
 * What makes two requests the same request for pagination and query semantics: method, path, the
 * query parameters in any order, and the `Range` header. Credentials and other headers do not count,
 * so a request the runner sent (with auth added) matches the one a helper built.
 */
export function requestKey(request: HttpRequest): string {
  const range = request.headers.range;
  return `${request.method} ${request.path}?${canonicalQuery(request.query)}${range === undefined ? '' : ` range=${range}`}`;
}
