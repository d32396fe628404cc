import type { Failure } from '@assay/runner';
import { type ExpectedFinding, queryOf } from './classify-findings.js';

const page = (f: Failure) => queryOf(f).get('page');
const pageSize = (f: Failure) => queryOf(f).get('page_size');
const uuidFilters = [
  'captcha_stage',
  'enrollment_flow',
  'password_stage',
  'passwordless_flow',
  'recovery_flow',
];
const booleanFilters = ['case_insensitive_matching', 'show_matched_user', 'show_source_labels'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notAUuid = (f: Failure) =>
  uuidFilters.some(
    (name) =>
      (queryOf(f).get(name) ?? '').match(uuid) === null &&
      queryOf(f).get(name) !== null &&
      queryOf(f).get(name) !== '',
  );
const notAnInteger = (value: string | null) => value !== null && value !== '' && !/^-?\d+$/.test(value);
const notABoolean = (value: string | null) =>
  value !== null && value !== '' && !['true', 'false', 'True', 'False', '1', '0'].includes(value);

/**
 * DRF answers a page number past the last, below 1 or not a number with 404 `Invalid page.`
 * (PageNumberPagination.paginate_queryset), and neither document lists 404.
 */
const invalidPage: ExpectedFinding = {
  check: 'status-code-conformance',
  why: 'DRF answers an out-of-range page with 404 "Invalid page.", which the document does not list',
  required: true,
  matches: (f) => f.response?.status === 404 && page(f) !== null && f.response.body.includes('Invalid page.'),
};

/** DRF ignores a page_size that is not a positive integer and serves the default page size. */
const ignoredPageSize: ExpectedFinding = {
  check: 'negative-data-rejection',
  why: 'DRF ignores a page_size that is not an integer (uses the default) instead of rejecting it',
  required: true,
  matches: (f) => f.response?.status === 200 && notAnInteger(pageSize(f)),
};

/** Against DRF's own generated document (drf-openapi.json): what the server does that the document does not say. */
export const generatedDocumentFindings: readonly ExpectedFinding[] = [
  invalidPage,
  ignoredPageSize,
  {
    check: 'status-code-conformance',
    why: 'django-filter answers a malformed filter value with 400, and generateschema documents only 200',
    required: true,
    matches: (f) => f.response?.status === 400,
  },
  {
    check: 'positive-data-acceptance',
    why: 'django-filter documents every filter as a plain string, but rejects a uuid filter value that is not a UUID with 400',
    required: true,
    matches: (f) => f.response?.status === 400 && notAUuid(f),
  },
];

/** Against spec/identification.yaml (authentik's document for this operation). */
export const identificationFindings: readonly ExpectedFinding[] = [
  invalidPage,
  ignoredPageSize,
  {
    check: 'negative-data-rejection',
    why: "django-filter's BooleanFilter treats a value that is not a boolean as no filter at all (200) instead of rejecting it",
    required: true,
    matches: (f) =>
      f.response?.status === 200 && booleanFilters.some((name) => notABoolean(queryOf(f).get(name))),
  },
];
