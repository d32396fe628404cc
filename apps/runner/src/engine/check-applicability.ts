import type { HttpRequest, Operation } from '@assay/model';

const PAGINATION = /^pagination-/;
const AUTH_MODES = new Set<HttpRequest['mode']>(['auth']);
const ACCEPTED_MODES = new Set<HttpRequest['mode']>(['positive', 'example', 'coverage', 'pagination']);

/**
 * Why a built-in check cannot apply to an operation at all, or `undefined` when it can: auth checks
 * need a secured operation, pagination checks a paginated list, query checks the filter, ordering
 * or search parameter they judge. A check Assay does not know (a plugin) always applies. Reports
 * show such a check as `not applicable` with this reason, never as `passed`.
 */
export function notApplicableReason(check: string, operation: Operation): string | undefined {
  if (check === 'ignored-auth') {
    const anonymous =
      operation.security.length === 0 || operation.security.some((r) => Object.keys(r).length === 0);
    return anonymous ? 'the operation accepts requests without credentials' : undefined;
  }
  const list = operation.list;
  if (PAGINATION.test(check) || check.startsWith('query-')) {
    if (list === undefined) return 'the operation is not a list';
  }
  if (PAGINATION.test(check) && list?.pagination === undefined) return 'the list is not paginated';
  if ((check === 'query-filter' || check === 'query-filter-subset') && list?.filters.length === 0) {
    return 'the list has no filter parameter';
  }
  if (check.startsWith('query-ordering') && list?.ordering === undefined) {
    return 'the list has no ordering parameter';
  }
  if (check === 'query-search' && list?.search === undefined) return 'the list has no search parameter';
  return undefined;
}

/**
 * Whether a built-in exchange check judges a response to a request made this way: `ignored-auth`
 * judges only the auth probes, `negative-data-rejection` only invalid requests,
 * `positive-data-acceptance` only valid ones, list checks only 2xx pages; every other check judges
 * every response. This is what "responses judged" counts.
 */
export function judgesExchange(check: string, mode: HttpRequest['mode'], status: number): boolean {
  if (check === 'ignored-auth') return AUTH_MODES.has(mode);
  if (check === 'negative-data-rejection') return mode === 'negative';
  if (check === 'positive-data-acceptance') return ACCEPTED_MODES.has(mode);
  if (PAGINATION.test(check) || check.startsWith('query-')) return status >= 200 && status < 300;
  return true;
}
