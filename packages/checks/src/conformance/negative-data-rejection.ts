import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';
import { isMissingHeaderProbe } from '../header/missing-required-header.js';

const ID = 'negative-data-rejection';

/**
 * A request made invalid on purpose (`mode: 'negative'`) must be rejected with a 4xx. A 5xx is
 * left to `not-a-server-error`, and a missing required header to `missing-required-header`, so one
 * bug is reported once.
 */
export const negativeDataRejection: Check = {
  id: ID,
  description: 'A request that breaks the documented schema is rejected with a 4xx.',
  clause:
    'OpenAPI 3.1 §4.8.12 Parameter Object and §4.8.13 Request Body Object; RFC 9110 §15.5 Client Error 4xx',
  verify(exchange) {
    const { operation, request, response } = exchange;
    if (request.mode !== 'negative') return [];
    // A missing required header is missing-required-header's to report.
    if (isMissingHeaderProbe(exchange)) return [];
    if (response.status >= 400) return [];
    const reason = request.reason;
    return [
      violation(ID, {
        message: `invalid request accepted with ${response.status}${reason ? `: ${reason.message}` : ''}`,
        pointer: '',
        keyword: reason?.keyword ?? 'status',
        expected: '4xx',
        actual: response.status,
        fingerprint: fingerprint(ID, operation.id, reason?.location, reason?.name, reason?.keyword),
      }),
    ];
  },
};
