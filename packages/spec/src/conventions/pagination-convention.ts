import type { BodyPath, Operation, OrderingSyntax, Pagination } from '@assay/model';

/** What a body path holds, as far as the schema says; `unknown` when the path exists with no settled type. */
export type FieldType = 'array' | 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'unknown';

/**
 * What a list operation documents, as a convention reads it: the response body's fields by path,
 * the query parameters, and the headers of the 2xx response and of the request.
 */
export interface ListEvidence {
  readonly operation: Operation;
  /** The path of the items array the loader would pick by name (`results`, `items`, `data` …); `[]` for an array body. */
  readonly itemsPath: BodyPath | undefined;
  /** What the body holds at a path, `undefined` when the schema has nothing there. */
  typeAt(path: BodyPath): FieldType | undefined;
  /** The property names of the object at a path (`[]` for the body itself). */
  keysAt(path: BodyPath): string[];
  /** The first of these query parameters the operation has (a deepObject parameter `page` counts for `page[number]`). */
  param(...names: string[]): string | undefined;
  /** The documented default and maximum of a page-size parameter. */
  sizeLimits(name: string | undefined): Pick<Pagination, 'defaultPageSize' | 'maxPageSize'>;
  /** Header names documented on the 2xx response, lower case. */
  readonly responseHeaders: ReadonlySet<string>;
  /** Header parameters of the request, lower case. */
  readonly requestHeaders: ReadonlySet<string>;
}

/** What a convention found: how the list pages, and where the items are when the convention says. */
export interface ConventionMatch {
  /** Where this convention keeps the items, when it is not the loader's pick (`_embedded.<rel>`, `docs`, `value`). */
  itemsPath?: BodyPath;
  pagination: Omit<Pagination, 'source' | 'convention' | 'firstPage'> & { firstPage?: number };
  /** The convention's ordering parameter and how it writes a direction. */
  ordering?: { params: readonly string[]; syntax: OrderingSyntax };
}

/**
 * One pagination convention, as a framework documents it: how to recognise it in a spec. Walking
 * and judging its pages follow from the description it produces (see `Pagination`): which
 * parameter moves through pages, and where the body or the headers keep the metadata. Conventions
 * are tried in the order of the list given to `loadApi` (`PAGINATION_CONVENTIONS` by default), the
 * most specific first; the first that matches wins.
 */
export interface PaginationConvention {
  /** The name reports and `assay inspect` show (`fastapi-pagination Page`). */
  name: string;
  /** What it looks for, one line. */
  summary: string;
  detect(evidence: ListEvidence): ConventionMatch | undefined;
}
