import type { BodyPath, Operation, Pagination } from '@assay/model';

/** How Assay reads a list operation: where its items are, how it pages, orders, filters and searches. */
export interface ListInspection {
  /** JSON pointer of the items in the body (`""` for an array body). */
  items: string;
  identifier?: string;
  pagination?: {
    style: Pagination['style'];
    /** The convention's name, `x-pagination`, or `list description` (the config file's or loadApi's). */
    convention: string;
    firstPage: number;
    parameters: Record<string, string>;
    /** Body metadata by role (`count`, `next` …), as JSON pointers. */
    body: Record<string, string>;
    /** Header metadata by role (`count`, `totalPages`). */
    headers: Record<string, string>;
    walkQuery?: string;
    defaultPageSize?: number;
    maxPageSize?: number;
  };
  /** Why there is no `pagination`: the list takes no paging parameter, or they match no convention. */
  notPaginated?: string;
  filters: { param: string; property: string; kind: string }[];
  ordering?: { param: string; fields: string[]; syntax?: string };
  search?: string;
}

/**
 * The list semantics of one operation, as reports record them: a {@link ListInspection} (with what
 * could not be told, when anything), or why the operation is not read as a list.
 */
export type ListSemanticsReport = (ListInspection & { unresolved?: string[] }) | { notAList: string };

const PARAMS = ['pageParam', 'pageSizeParam', 'limitParam', 'offsetParam', 'cursorParam'] as const;
const PATHS = [
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

/** What the loader understood of an operation's list, or why it is not one. */
export function listSemanticsReport(operation: Operation): ListSemanticsReport {
  const list = operation.list;
  if (list === undefined) return { notAList: notAListReason(operation) };
  const inspection: ListInspection = {
    items: pointer(list.itemsPath),
    filters: list.filters.map((f) => ({ ...f })),
  };
  if (list.identifier !== undefined) inspection.identifier = list.identifier;
  const p = list.pagination;
  const unresolved = [...(list.unresolved ?? [])];
  if (p !== undefined) {
    const parameters: Record<string, string> = {};
    for (const key of PARAMS) if (p[key] !== undefined) parameters[key.replace(/Param$/, '')] = p[key]!;
    const body: Record<string, string> = {};
    for (const key of PATHS) if (p[key] !== undefined) body[key.replace(/Path$/, '')] = pointer(p[key]!);
    const headers: Record<string, string> = {};
    if (p.countHeader !== undefined) headers.count = p.countHeader;
    if (p.totalPagesHeader !== undefined) headers.totalPages = p.totalPagesHeader;
    if (p.style === 'link-header') headers.links = 'link';
    if (p.style === 'content-range') headers.range = 'content-range';
    inspection.pagination = {
      style: p.style,
      convention:
        p.source === 'x-pagination'
          ? 'x-pagination'
          : p.source === 'config'
            ? 'list description'
            : (p.convention ?? p.style),
      firstPage: p.firstPage,
      parameters,
      body,
      headers,
      ...(p.walkQuery === undefined ? {} : { walkQuery: p.walkQuery }),
      ...(p.defaultPageSize === undefined ? {} : { defaultPageSize: p.defaultPageSize }),
      ...(p.maxPageSize === undefined ? {} : { maxPageSize: p.maxPageSize }),
    };
  } else {
    const why = unresolved.find((line) => line.startsWith('pagination:'));
    inspection.notPaginated =
      why === undefined
        ? 'it takes no paging parameter, so it is read as one page'
        : why.slice('pagination:'.length).trim();
  }
  if (list.ordering !== undefined)
    inspection.ordering = { ...list.ordering, fields: [...list.ordering.fields] };
  if (list.search !== undefined) inspection.search = list.search.param;
  return unresolved.length === 0 ? inspection : { ...inspection, unresolved };
}

/** Why an operation is not read as a list. */
function notAListReason(operation: Operation): string {
  if (operation.method !== 'GET') return `${operation.method}, not GET`;
  const success = Object.entries(operation.responses).filter(([status]) => /^2/.test(status));
  if (success.length === 0) return 'no 2xx response is documented';
  const json = success.some(([, r]) => Object.keys(r.content).some((m) => /json|\*/.test(m)));
  if (!json) return 'the 2xx response has no JSON body';
  return 'its 2xx body is neither an array nor an object holding one (under results, items, data …, or where a known convention keeps it)';
}

function pointer(path: BodyPath): string {
  return path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
