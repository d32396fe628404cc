import type { Check, Operation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';

const ID = 'ignored-auth';

/** The statuses that count as refusing a request without valid credentials, by default. */
export const defaultRejectionStatuses: readonly number[] = [401, 403];

/** Options of {@link ignoredAuthCheck}. */
export interface IgnoredAuthOptions {
  /**
   * The statuses that count as a refusal for an operation (e.g. `[401, 403, 404]` for an API that
   * hides resources from strangers); `undefined` for the default {@link defaultRejectionStatuses}.
   */
  rejectionStatuses?: (operation: Operation) => readonly number[] | undefined;
}

/**
 * An operation whose security does not allow anonymous access must refuse a request sent with
 * missing or wrong credentials (`mode: 'auth'`): 401 or 403 by default, or the statuses configured
 * for the operation. Each probe names the scheme it left out or spoiled (`authProbe`), so one
 * scheme the server does not check is one finding. Operations with no requirement, or with an
 * empty requirement `{}` among the alternatives, accept anonymous requests and are not judged.
 */
export function ignoredAuthCheck(options: IgnoredAuthOptions = {}): Check {
  return {
    id: ID,
    description: 'A secured operation refuses (401 or 403) a request whose credentials are missing or wrong.',
    clause: 'OpenAPI 3.1 §4.8.30 Security Requirement Object; RFC 9110 §15.5.2 401 and §15.5.4 403',
    verify({ operation, request, response }) {
      if (request.mode !== 'auth') return [];
      if (operation.security.length === 0) return [];
      if (operation.security.some((requirement) => Object.keys(requirement).length === 0)) return [];
      const rejections = options.rejectionStatuses?.(operation) ?? defaultRejectionStatuses;
      if (rejections.includes(response.status)) return [];
      const probe = request.authProbe;
      const what =
        probe === undefined
          ? 'without valid credentials'
          : `with ${probe.kind === 'missing' ? 'no' : 'a wrong'} credential for ${probe.scheme === undefined ? 'every scheme' : `scheme ${probe.scheme}`}`;
      return [
        violation(ID, {
          message: `request ${what} answered ${response.status}`,
          pointer: '',
          keyword: 'security',
          expected: [...rejections],
          actual: response.status,
          // Probes without a scheme (every credential at once) keep the fingerprint they always had.
          fingerprint:
            probe === undefined
              ? fingerprint(ID, operation.id)
              : fingerprint(ID, operation.id, probe.scheme, probe.kind),
        }),
      ];
    },
  };
}

/** {@link ignoredAuthCheck} with the default rejection statuses. */
export const ignoredAuth: Check = ignoredAuthCheck();
