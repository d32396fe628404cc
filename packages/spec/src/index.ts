export type {
  ConventionMatch,
  FieldType,
  ListEvidence,
  PaginationConvention,
} from './conventions/pagination-convention.js';
export { PAGINATION_CONVENTIONS } from './conventions/pagination-conventions.js';
export type { ListDescription } from './load/list-description.js';
export { LIST_DESCRIPTION_KEYS } from './load/list-description.js';
export type { LoadOptions } from './load/load-api.js';
export { loadApi } from './load/load-api.js';
