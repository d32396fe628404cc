import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';
import { matchResponse } from './match-response.js';

// The codes a document uses for "your input is invalid" and for "who are you".
const VALIDATION_CODES = ['400', '422', '4XX', '4xx'];
const AUTH_CODES = ['401', '403', '4XX', '4xx'];

/**
 * The status is documented: exactly, by its range (`4XX`), or by `default`.
 *
 * OpenAPI 3.1 §4.8.16 says the Responses Object "is not expected to cover all possible HTTP response
 * codes". So two answers a correct server gives are not held against a document that is silent on
 * them: a 4xx to a request made invalid on purpose when the operation documents no validation error
 * (400, 422 or `4XX`), and a 401 or 403 to a request without valid credentials when it documents
 * neither. Where the document does name those codes, the server is held to them.
 */
export const statusCodeConformance: Check = {
  id: 'status-code-conformance',
  description: 'The response status is documented (exact code, range such as 4XX, or default).',
  clause: 'OpenAPI 3.1 §4.8.16 Responses Object',
  verify({ operation, request, response }) {
    // The answer to a method the operation does not have (mode `method`) is not one of its responses.
    if (request.mode === 'method') return [];
    if (matchResponse(operation, response.status) !== undefined) return [];
    const documented = Object.keys(operation.responses);
    // A 5xx is already a failure of its own; an operation documenting nothing cannot be judged.
    if (documented.length === 0) return [];
    const status = response.status;
    if (
      request.mode === 'negative' &&
      status >= 400 &&
      status < 500 &&
      !documentsAny(documented, VALIDATION_CODES)
    )
      return [];
    if (
      request.mode === 'auth' &&
      (status === 401 || status === 403) &&
      !documentsAny(documented, AUTH_CODES)
    )
      return [];
    return [
      violation('status-code-conformance', {
        message: `${operation.method} ${operation.path} answered ${response.status}, which is not documented (documented: ${documented.join(', ')})`,
        pointer: '',
        keyword: 'status',
        expected: documented,
        actual: response.status,
        fingerprint: fingerprint('status-code-conformance', operation.id, response.status),
      }),
    ];
  },
};

function documentsAny(documented: readonly string[], codes: readonly string[]): boolean {
  return documented.some((status) => codes.includes(status));
}
