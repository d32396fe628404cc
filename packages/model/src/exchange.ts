import type { HttpRequest } from './http-request.js';
import type { HttpResponse } from './http-response.js';
import type { Operation } from './operation.js';

/** One request, its response, and the operation they belong to: what a check looks at. */
export interface Exchange {
  operation: Operation;
  request: HttpRequest;
  response: HttpResponse;
}
