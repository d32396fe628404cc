import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';

/** The response is not a 5xx: whatever the client sent, the server must not fail on it. */
export const notAServerError: Check = {
  id: 'not-a-server-error',
  description: 'The response is not a 5xx server error.',
  clause: 'RFC 9110 §15.6 Server Error 5xx',
  verify({ operation, response }) {
    if (response.status < 500 || response.status > 599) return [];
    return [
      violation('not-a-server-error', {
        message: `${operation.method} ${operation.path} answered ${response.status}`,
        pointer: '',
        keyword: 'status',
        expected: '< 500',
        actual: response.status,
        fingerprint: fingerprint('not-a-server-error', operation.id, response.status),
      }),
    ];
  },
};
