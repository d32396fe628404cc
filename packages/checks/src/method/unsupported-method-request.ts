import type { ApiModel, HttpMethod, HttpRequest, Operation } from '@assay/model';
import { documentedMethods } from './documented-methods.js';

/** Options of {@link unsupportedMethodRequest}. */
export interface UnsupportedMethodOptions {
  /** Also probe with methods that may change state (DELETE, PUT, PATCH, POST); default false. */
  unsafe?: boolean;
}

// Safe methods first (RFC 9110 §9.2.1): a server that wrongly implements one changes nothing. HEAD
// is left out (a server supporting GET supports HEAD, §9.3.2), and so is OPTIONS, which is about
// the target resource's communication options rather than one of its operations (§9.3.7). So is
// TRACE: frameworks and proxies answer it themselves, or disable it (cross-site tracing), whatever
// the API documents, so its answer says nothing about the API.
const SAFE: readonly HttpMethod[] = ['GET'];
const UNSAFE: readonly HttpMethod[] = ['DELETE', 'PUT', 'PATCH', 'POST'];

/**
 * A request for the operation's path with a method the spec documents for no path template the
 * request's path matches (mode `method`), or `undefined` when every candidate method is documented. It is `request` (a
 * valid one: path parameters filled in, credentials kept) without query, body or content type, so
 * only the method is new. `unsupported-method` judges its answer.
 */
export function unsupportedMethodRequest(
  api: ApiModel,
  operation: Operation,
  request: HttpRequest,
  options: UnsupportedMethodOptions = {},
): HttpRequest | undefined {
  const documented = documentedMethods(api, request.path);
  documented.add(operation.method.toUpperCase());
  const candidates = options.unsafe === true ? [...SAFE, ...UNSAFE] : SAFE;
  const method = candidates.find((candidate) => !documented.has(candidate));
  if (method === undefined) return undefined;
  const { 'content-type': _type, 'content-length': _length, ...headers } = request.headers;
  return {
    method,
    path: request.path,
    query: '',
    headers,
    operationId: operation.id,
    mode: 'method',
  };
}
