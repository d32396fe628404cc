/** An HTTP method that OpenAPI can describe, upper-case as it goes on the wire. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
