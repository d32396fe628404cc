import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';
import { matchResponse } from './match-response.js';

/** The status is documented: exactly, by its range (`4XX`), or by `default`. */
export const statusCodeConformance: Check = {
  id: 'status-code-conformance',
  description: 'The response status is documented (exact code, range such as 4XX, or default).',
  clause: 'OpenAPI 3.1 §4.8.16 Responses Object',
  verify({ operation, response }) {
    if (matchResponse(operation, response.status) !== undefined) return [];
    const documented = Object.keys(operation.responses);
    // A 5xx is already a failure of its own; an operation documenting nothing cannot be judged.
    if (documented.length === 0) return [];
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
