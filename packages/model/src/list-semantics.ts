import type { JsonSchema } from './json-schema.js';

/**
 * The pagination styles Assay understands.
 * - `page-object`: authentik's `pagination{next, previous, count, current, total_pages, start_index, end_index}`
 *   plus `results`; next and previous are page numbers, 0 when there is none.
 * - `page-number`: `{count, next, previous, results}` with next and previous as URLs or null (Django REST Framework).
 * - `limit-offset`: `limit` and `offset` parameters.
 * - `cursor`: a next token or cursor (`next_cursor`, `has_more`, `starting_after` …).
 * - `link-header`: RFC 8288 `Link` headers with `rel="next"` (GitHub).
 * - `content-range`: `Range`/`Content-Range` items (PostgREST).
 */
export type PaginationStyle = (typeof PAGINATION_STYLES)[number];

/** Every {@link PaginationStyle}, in the order the loader tries them and messages list them. */
export const PAGINATION_STYLES = [
  'page-object',
  'page-number',
  'limit-offset',
  'cursor',
  'link-header',
  'content-range',
] as const;

/** A path to a value inside a JSON body, as property names from the root (`['pagination', 'count']`). */
export type BodyPath = readonly string[];

/**
 * How a list operation paginates: which request parameters move through pages and where the
 * response keeps its metadata. Absent fields are unknown, and checks that need them say nothing.
 */
export interface Pagination {
  style: PaginationStyle;
  /** Where this description came from: detected from the spec, the `x-pagination` extension, or config. */
  source: 'detected' | 'x-pagination' | 'config';
  pageParam?: string;
  pageSizeParam?: string;
  limitParam?: string;
  offsetParam?: string;
  cursorParam?: string;
  /** The number of the first page (1 unless told otherwise). */
  firstPage: number;
  countPath?: BodyPath;
  nextPath?: BodyPath;
  previousPath?: BodyPath;
  currentPath?: BodyPath;
  totalPagesPath?: BodyPath;
  startIndexPath?: BodyPath;
  endIndexPath?: BodyPath;
  hasMorePath?: BodyPath;
  /** A boolean that is true on the last page only (Atlassian `isLast`, Spring Data `last`). */
  isLastPath?: BodyPath;
  /** The page size the body echoes back (fastapi-pagination `size`, Laravel `per_page`, Strapi `pageSize`). */
  pageSizePath?: BodyPath;
  /** A response header holding the total number of items (`x-total-count`, `x-total`), lower case. */
  countHeader?: string;
  /** A response header holding the number of pages (`x-total-pages`), lower case. */
  totalPagesHeader?: string;
  /** The number of items after this page (Kubernetes `metadata.remainingItemCount`, absent on the last page). */
  remainingPath?: BodyPath;
  /** A response header holding the next page's number, empty on the last page (GitLab `x-next-page`), lower case. */
  nextPageHeader?: string;
  /**
   * Query pairs (`name=value&…`) every walk's first request carries: the ones that make the server
   * page at all (json-server v1 `_page=1`) or send its total (Directus `meta=total_count`, OData
   * `$count=true`).
   */
  walkQuery?: string;
  /**
   * The named convention this description follows (`fastapi-pagination Page`, `Spring Data Page` …),
   * when it was recognised as one; descriptions given by hand may leave it out.
   */
  convention?: string;
  /** The documented default page size, when the spec states one. */
  defaultPageSize?: number;
  /** The documented maximum page size, when the spec states one. */
  maxPageSize?: number;
}

/** A query parameter that filters items by one of their properties. */
export interface QueryFilter {
  param: string;
  property: string;
  /** `equality` for boolean, enum, uuid and integer properties; `text` for free-text strings. */
  kind: 'equality' | 'text';
}

/**
 * How one ordering value names a field and its direction:
 * - `minus`: `field` ascending, `-field` descending (Django, JSON:API, json-server);
 * - `comma`: `field,asc` / `field,desc` (Spring Data);
 * - `colon`: `field:asc` / `field:desc` (Strapi, nestjs-paginate `sortBy=field:DESC`);
 * - `space`: `field asc` / `field desc` (OData `$orderby`, Google AIP-132 `order_by`);
 * - `field-only`: a bare field name, the direction set elsewhere or not at all (GitHub `sort` with `direction`).
 */
export type OrderingSyntax = 'minus' | 'comma' | 'colon' | 'space' | 'field-only';

/** Every {@link OrderingSyntax}. */
export const ORDERING_SYNTAXES = ['minus', 'comma', 'colon', 'space', 'field-only'] as const;

/** The ordering parameter of a list, the fields it orders by, and how a value is written. */
export interface Ordering {
  param: string;
  fields: string[];
  /** Absent when unknown: only the ascending form (the bare field name) is then used. */
  syntax?: OrderingSyntax;
}

/**
 * What Assay knows about a list operation: where the items are, how it paginates, and which
 * query parameters filter, order and search. Detected by the spec loader from names and schemas.
 */
export interface ListSemantics {
  /** Path of the items array in the body; `[]` when the body is the array itself. */
  itemsPath: BodyPath;
  /** The schema of one item (response view). */
  itemSchema: JsonSchema;
  /** The property that identifies an item (`pk`, `id`, `uuid` …), when one can be told. */
  identifier?: string;
  /** Absent when the list is not paginated. */
  pagination?: Pagination;
  filters: QueryFilter[];
  ordering?: Ordering;
  search?: { param: string };
  /**
   * What the loader could not tell about this list, one sentence each, saying why (no identifier
   * among the item's properties, an array body with page parameters but no way to see its end …).
   * The checks that need the missing piece stay silent.
   */
  unresolved?: string[];
}
