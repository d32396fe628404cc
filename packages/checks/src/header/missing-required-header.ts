import type { Check, Exchange } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';

const ID = 'missing-required-header';

/** Whether an exchange is a request left without a required header (see `missingHeaderRequests`). */
export function isMissingHeaderProbe(exchange: Exchange): boolean {
  const reason = exchange.request.reason;
  return (
    exchange.request.mode === 'negative' && reason?.location === 'header' && reason.keyword === 'required'
  );
}

/**
 * A request without a header parameter the operation requires is rejected with a 4xx (OpenAPI
 * 3.1 §4.8.12.1 `required`; RFC 9110 §15.5.1 400). A 5xx is left to not-a-server-error; these
 * requests are not judged again by negative-data-rejection, so one missing header is one finding.
 */
export const missingRequiredHeader: Check = {
  id: ID,
  description: 'A request missing a required header parameter is rejected with a 4xx.',
  clause: 'OpenAPI 3.1 §4.8.12 Parameter Object (required); RFC 9110 §15.5 Client Error 4xx',
  verify(exchange) {
    if (!isMissingHeaderProbe(exchange)) return [];
    const { operation, request, response } = exchange;
    if (response.status >= 400) return [];
    const name = request.reason!.name;
    return [
      violation(ID, {
        message: `request without the required header ${name} answered ${response.status}`,
        pointer: '',
        keyword: 'required',
        expected: '4xx',
        actual: response.status,
        fingerprint: fingerprint(ID, operation.id, name.toLowerCase()),
      }),
    ];
  },
};
