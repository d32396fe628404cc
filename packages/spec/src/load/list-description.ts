import type { OrderingSyntax, Pagination, PaginationStyle } from '@assay/model';

/**
 * A list described by hand, for an operation whose list Assay cannot work out alone (or gets
 * wrong): the `pagination` load option (keyed by operationId), the config file's per-operation
 * `list` key, and the in-spec `x-pagination` extension all take this shape. Every key is optional
 * and is merged over what was detected; `style` is needed when no pagination was detected and a
 * pagination key is given. Body paths are lists of property names or dotted strings
 * (`"meta.pagination.total"`); header names are case-insensitive.
 *
 * Pagination keys are those of `Pagination` (`style`, `pageParam`, `pageSizeParam`, `limitParam`,
 * `offsetParam`, `cursorParam`, `firstPage`, the `…Path` body paths, `countHeader`,
 * `totalPagesHeader`, `walkQuery`, `defaultPageSize`, `maxPageSize`, `convention`). List keys:
 * `itemsPath`, `identifier`, `ordering` (`{param, fields, syntax}`), `search` (the parameter name),
 * and `filters` (`[{param, property, kind}]`).
 */
export type ListDescription = {
  [K in Exclude<keyof Pagination, 'source'>]?: K extends `${string}Path`
    ? readonly string[] | string
    : Pagination[K];
} & {
  itemsPath?: readonly string[] | string;
  identifier?: string;
  ordering?: { param: string; fields?: readonly string[]; syntax?: OrderingSyntax };
  search?: string;
  filters?: readonly { param: string; property?: string; kind?: 'equality' | 'text' }[];
};

/** A description problem: the key that is wrong, and what was expected there. */
export interface DescriptionProblem {
  key: string;
  message: string;
}

const STRING_KEYS = [
  'pageParam',
  'pageSizeParam',
  'limitParam',
  'offsetParam',
  'cursorParam',
  'countHeader',
  'totalPagesHeader',
  'walkQuery',
  'convention',
  'identifier',
  'search',
] as const;
const PATH_KEYS = [
  'itemsPath',
  'countPath',
  'nextPath',
  'previousPath',
  'currentPath',
  'totalPagesPath',
  'startIndexPath',
  'endIndexPath',
  'hasMorePath',
  'isLastPath',
  'pageSizePath',
] as const;
const COUNT_KEYS = ['defaultPageSize', 'maxPageSize'] as const;
/** Every key a description may hold. */
export const LIST_DESCRIPTION_KEYS: readonly string[] = [
  'style',
  ...STRING_KEYS,
  ...PATH_KEYS,
  'firstPage',
  ...COUNT_KEYS,
  'ordering',
  'filters',
];
const SYNTAXES = ['minus', 'comma', 'colon', 'space', 'field-only'];

/** The normalised description: pagination keys apart from list keys, paths as lists. */
export interface ParsedDescription {
  pagination: Partial<Pagination>;
  itemsPath?: string[];
  identifier?: string;
  ordering?: { param: string; fields?: string[]; syntax?: OrderingSyntax };
  search?: string;
  filters?: { param: string; property: string; kind: 'equality' | 'text' }[];
}

/**
 * Checks a description key by key. `styles` is the list of pagination styles. Returns the parsed
 * description, or the first problem, naming its key.
 */
export function parseListDescription(
  raw: unknown,
  styles: readonly PaginationStyle[],
): { ok: true; value: ParsedDescription } | { ok: false; problem: DescriptionProblem } {
  const fail = (key: string, message: string) => ({ ok: false as const, problem: { key, message } });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail('', 'a list description must be an object');
  const out: ParsedDescription = { pagination: {} };
  const pagination = out.pagination as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || key === 'source') continue;
    if (key === 'style') {
      if (typeof value !== 'string' || !styles.includes(value as PaginationStyle))
        return fail(key, `must be one of ${styles.join(', ')}, not ${JSON.stringify(value)}`);
      pagination.style = value;
    } else if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value === '') return fail(key, 'must be a non-empty string');
      if (key === 'identifier') out.identifier = value;
      else if (key === 'search') out.search = value;
      else pagination[key] = key.endsWith('Header') ? value.toLowerCase() : value;
    } else if ((PATH_KEYS as readonly string[]).includes(key)) {
      const path = typeof value === 'string' ? (value === '' ? [] : value.split('.')) : value;
      if (!Array.isArray(path) || !path.every((p) => typeof p === 'string'))
        return fail(key, 'must be a body path: a dotted string ("meta.total") or a list of property names');
      if (key === 'itemsPath') out.itemsPath = path;
      else pagination[key] = path;
    } else if (key === 'firstPage') {
      if (!Number.isSafeInteger(value) || (value as number) < 0)
        return fail(key, 'must be 0 or a positive integer');
      pagination.firstPage = value;
    } else if ((COUNT_KEYS as readonly string[]).includes(key)) {
      if (!Number.isSafeInteger(value) || (value as number) < 1)
        return fail(key, 'must be a positive integer');
      pagination[key] = value;
    } else if (key === 'ordering') {
      const o = value as Record<string, unknown>;
      if (o === null || typeof o !== 'object' || typeof o.param !== 'string')
        return fail(key, 'must be an object with a param (and optional fields and syntax)');
      if (
        o.fields !== undefined &&
        !(Array.isArray(o.fields) && o.fields.every((f) => typeof f === 'string'))
      )
        return fail(`${key}.fields`, 'must be a list of property names');
      if (o.syntax !== undefined && !SYNTAXES.includes(o.syntax as string))
        return fail(`${key}.syntax`, `must be one of ${SYNTAXES.join(', ')}`);
      out.ordering = {
        param: o.param,
        ...(o.fields === undefined ? {} : { fields: o.fields as string[] }),
        ...(o.syntax === undefined ? {} : { syntax: o.syntax as OrderingSyntax }),
      };
    } else if (key === 'filters') {
      if (!Array.isArray(value)) return fail(key, 'must be a list of {param, property, kind}');
      const filters: NonNullable<ParsedDescription['filters']> = [];
      for (const [i, f] of value.entries()) {
        const filter = f as Record<string, unknown>;
        if (filter === null || typeof filter !== 'object' || typeof filter.param !== 'string')
          return fail(`${key}[${i}]`, 'must be an object with a param');
        if (filter.kind !== undefined && filter.kind !== 'equality' && filter.kind !== 'text')
          return fail(`${key}[${i}].kind`, 'must be equality or text');
        filters.push({
          param: filter.param,
          property: typeof filter.property === 'string' ? filter.property : filter.param,
          kind: (filter.kind as 'equality' | 'text' | undefined) ?? 'equality',
        });
      }
      out.filters = filters;
    } else {
      return fail(key, `is not a list description key; use ${LIST_DESCRIPTION_KEYS.join(', ')}`);
    }
  }
  return { ok: true, value: out };
}

/** Whether the description says anything about pagination (not only about the list). */
export function describesPagination(parsed: ParsedDescription): boolean {
  return Object.keys(parsed.pagination).length > 0;
}
