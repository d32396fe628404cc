/**
 * An HTTP method that OpenAPI can describe, upper-case as it goes on the wire: the fixed fields of a
 * Path Item (OpenAPI 3.2 adds `QUERY`), or any other method token an OpenAPI 3.2
 * `additionalOperations` names (`COPY`, `LINK` …; RFC 9110 §9.1).
 */
export type HttpMethod =
  | 'GET'
  | 'PUT'
  | 'POST'
  | 'DELETE'
  | 'OPTIONS'
  | 'HEAD'
  | 'PATCH'
  | 'TRACE'
  | 'QUERY'
  // Keeps the literals above for completion while admitting additionalOperations' tokens.
  | (string & {});
