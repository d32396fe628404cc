import type { ApiModel, Check, Operation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';
import { documentedMethods } from './documented-methods.js';

const ID = 'unsupported-method';

/** Options of {@link unsupportedMethod}. */
export interface UnsupportedMethodCheckOptions {
  /** Statuses besides 405 an operation's path may answer an undocumented method with (e.g. 404, 501). */
  allowedStatuses?: (operation: Operation) => readonly number[] | undefined;
}

/**
 * A method the spec documents on no operation of a path (mode `method`, see
 * `unsupportedMethodRequest`) gets 405 Method Not Allowed with an `Allow` header (RFC 9110
 * §15.5.6: the server MUST generate one) or a status configured for the operation. A 2xx means the
 * server does something undocumented; another 4xx hides that the resource exists. Redirects and
 * 5xx say nothing here (the latter is not-a-server-error's). An `Allow` that leaves out a
 * documented method is a warning: the spec and the server disagree on what the path supports.
 */
export function unsupportedMethod(api: ApiModel, options: UnsupportedMethodCheckOptions = {}): Check {
  return {
    id: ID,
    description: 'A method the spec does not document on a path is answered 405 with an Allow header.',
    clause: 'RFC 9110 §15.5.6 405 Method Not Allowed and §10.2.1 Allow; OpenAPI 3.1 §4.8.9 Path Item Object',
    verify({ operation, request, response }) {
      if (request.mode !== 'method') return [];
      const documented = documentedMethods(api, request.path);
      if (documented.has(request.method.toUpperCase())) return [];
      const status = response.status;
      const print = (keyword: string) => fingerprint(ID, operation.path, keyword);
      if (status === 405) {
        const allow = response.headers.allow;
        if (allow === undefined) {
          return [
            violation(ID, {
              message: `${request.method} ${operation.path} answered 405 without an Allow header`,
              pointer: '',
              keyword: 'allow',
              expected: 'an Allow header listing the supported methods',
              actual: undefined,
              fingerprint: print('allow'),
            }),
          ];
        }
        const allowed = new Set(
          allow
            .split(',')
            .map((method) => method.trim().toUpperCase())
            .filter((method) => method !== ''),
        );
        const missing = [...documented].filter((method) => !allowed.has(method)).sort();
        if (missing.length === 0) return [];
        return [
          violation(ID, {
            severity: 'warning',
            message: `${operation.path}: Allow "${allow}" leaves out the documented ${missing.join(', ')}`,
            pointer: '',
            keyword: 'allow',
            expected: [...documented].sort(),
            actual: allow,
            fingerprint: print('allow-documented'),
          }),
        ];
      }
      if (options.allowedStatuses?.(operation)?.includes(status) === true) return [];
      if (status < 200 || (status >= 300 && status < 400) || status >= 500) return [];
      const accepted = status < 300;
      return [
        violation(ID, {
          message: accepted
            ? `${request.method} ${operation.path}, which the spec does not document, was accepted with ${status}`
            : `${request.method} ${operation.path}, which the spec does not document, answered ${status} instead of 405`,
          pointer: '',
          keyword: 'status',
          expected: 405,
          actual: status,
          fingerprint: print(accepted ? 'accepted' : 'status'),
        }),
      ];
    },
  };
}
