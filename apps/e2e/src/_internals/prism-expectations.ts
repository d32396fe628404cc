import type { ExpectedFinding } from './classify-findings.js';

const paginationChecks = [
  'pagination-page-size',
  'pagination-metadata',
  'pagination-full-pages',
  'pagination-walk-terminates',
  'pagination-stable-count',
  'pagination-no-duplicates',
  'pagination-complete',
  'pagination-walk-order',
  'pagination-page-size-invariance',
  'pagination-past-last',
];
const queryChecks = ['query-filter', 'query-ordering', 'query-search', 'query-filter-subset'];
// Those Prism's random data are all but sure to break on every run; the others may or may not.
const surelyBroken = new Set(['pagination-metadata', 'query-filter']);

/**
 * What Prism's dynamic mock (`prism mock -d spec/identification.yaml`) does that the document does
 * not allow. Its bodies are valid against the schemas, so no schema finding is expected; but each
 * response is made up afresh, so pagination numbers and items agree with nothing else.
 */
export const prismMockFindings: readonly ExpectedFinding[] = [
  ...paginationChecks.map((check) => ({
    check,
    why: 'Prism makes up the pagination numbers of every page at random (negative, fractional, unrelated to the items)',
    required: surelyBroken.has(check),
    matches: () => true,
  })),
  ...queryChecks.map((check) => ({
    check,
    why: "Prism's random items ignore the filters, the search term and the ordering asked for",
    required: surelyBroken.has(check),
    matches: () => true,
  })),
  {
    check: 'ignored-auth',
    why: 'Prism checks only that a bearer token is present, not its value: a wrong token gets 200',
    required: false,
    matches: (f) => f.response?.status === 200 && f.request.headers.authorization !== undefined,
  },
  {
    check: 'status-code-conformance',
    why: 'Prism answers a request without credentials with 401; the document lists 403',
    required: false,
    matches: (f) => f.response?.status === 401 && f.request.headers.authorization === undefined,
  },
];
