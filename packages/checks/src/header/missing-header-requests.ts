import type { HttpRequest, Operation } from '@assay/model';

// OpenAPI 3.1 §4.8.12.1: header parameters named Accept, Content-Type or Authorization are ignored.
const IGNORED = new Set(['accept', 'content-type', 'authorization']);

/**
 * One negative request per required header parameter of the operation: `request` (a valid one)
 * without that header, carrying the reason (`location: 'header'`, `keyword: 'required'`) that
 * `missing-required-header` judges.
 */
export function missingHeaderRequests(operation: Operation, request: HttpRequest): HttpRequest[] {
  const out: HttpRequest[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'header' || !parameter.required) continue;
    const name = parameter.name.toLowerCase();
    if (IGNORED.has(name)) continue;
    const headers = { ...request.headers };
    delete headers[name];
    out.push({
      ...request,
      headers,
      mode: 'negative',
      reason: {
        location: 'header',
        name: parameter.name,
        keyword: 'required',
        value: undefined,
        message: `header parameter ${parameter.name}: the required header is missing`,
      },
    });
  }
  return out;
}
