import type { Check } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';

const ID = 'ignored-auth';

/**
 * An operation whose security does not allow anonymous access must answer 401 or 403 to a request
 * sent with missing or wrong credentials (`mode: 'auth'`). Operations with no requirement, or with
 * an empty requirement `{}` among the alternatives, accept anonymous requests and are not judged.
 */
export const ignoredAuth: Check = {
  id: ID,
  description: 'A secured operation answers 401 or 403 when credentials are missing or wrong.',
  clause: 'OpenAPI 3.1 §4.8.30 Security Requirement Object; RFC 9110 §15.5.2 401 and §15.5.4 403',
  verify({ operation, request, response }) {
    if (request.mode !== 'auth') return [];
    if (operation.security.length === 0) return [];
    if (operation.security.some((requirement) => Object.keys(requirement).length === 0)) return [];
    if (response.status === 401 || response.status === 403) return [];
    return [
      violation(ID, {
        message: `request without valid credentials answered ${response.status}`,
        pointer: '',
        keyword: 'security',
        expected: [401, 403],
        actual: response.status,
        fingerprint: fingerprint(ID, operation.id),
      }),
    ];
  },
};
