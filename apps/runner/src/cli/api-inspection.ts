import type { ApiModel, BodyPath, Operation, Pagination } from '@assay/model';

/**
 * What `assay inspect --json` prints: what Assay understood of each operation. The shape is stable
 * (scripts and CI assert on it); a field is absent when there is nothing to say.
 */
export interface ApiInspection {
  title: string;
  version: string;
  source: string;
  format: string;
  summary: {
    operations: number;
    /** Operations read as lists. */
    lists: number;
    /** Lists whose pagination is known, by convention name (`described` for x-pagination and list descriptions). */
    byConvention: Record<string, number>;
    /** Lists that take paging parameters but match no convention. */
    notUnderstood: number;
  };
  operations: OperationInspection[];
  /** The config file used (`--config`, or found in the working directory); absent without one. */
  config?: ConfigInspection;
}

/** The config file behind an inspection, and what it sets for every operation. */
export interface ConfigInspection {
  /** As the run prints it: relative to the working directory when inside it. */
  file: string;
  /** The target chosen (`--target`, else the file's `target:`). */
  target?: string;
  /** Where a run sends: `mock`, or the base URL; absent when the file names neither. */
  sendsTo?: string;
  /** The kinds of credential configured (`bearer`, `basic`, `apiKey`, `oauth2`, `scheme <name>`); never values. */
  credentials: string[];
  /** Names of the headers sent with every request (values are not shown: they may be secrets). */
  headers?: string[];
}

/** What the config file does to one operation, as a run would apply it. */
export interface OperationConfigInspection {
  /** The file's `skip` reason: the operation is not tested, and reports say why. */
  skip?: string;
  /** The checks that judge the operation, after the file's `checks`/`excludeChecks` (top level, target, per operation). */
  checks: string[];
  /** Known checks the file turns off for this operation. */
  turnedOff: string[];
  /** Per check id, statuses the file declares expected (not held against that check). */
  expectedStatuses?: Record<string, Array<number | string>>;
  /** Per parameter name: a fixed value, or the examples requests draw from. */
  parameters?: Record<string, { fixed: unknown } | { examples: unknown[] }>;
  /** JSON pointers into the body left out where answers are compared. */
  volatile?: string[];
  /** Header names whose values are left out where answers are compared. */
  volatileHeaders?: string[];
  /** Generated requests per mode. */
  maxExamples: number;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** True when the file's `list` description shaped the operation's `list`. */
  list?: true;
  /**
   * The security schemes the configured credentials meet: `sends` the schemes of the requirement a
   * run sends (`[]`: none needed), or `missing`, per requirement, the schemes nothing configured fits.
   */
  credentials: { sends: string[] } | { missing: string[][] };
}

/** One operation as Assay reads it. */
export interface OperationInspection {
  operationId: string;
  method: string;
  path: string;
  /** The security requirements, each a list of scheme names (all needed); `[]` when none apply. */
  auth: string[][];
  /** Why the operation is not a list; absent for lists. */
  notAList?: string;
  list?: ListInspection;
  /** What Assay could not tell, one sentence each, with why. */
  unresolved: string[];
  /** What the config file does to the operation; absent without a config file. */
  config?: OperationConfigInspection;
}

export interface ListInspection {
  /** JSON pointer of the items in the body (`""` for an array body). */
  items: string;
  identifier?: string;
  pagination?: {
    style: Pagination['style'];
    /** The convention's name, `x-pagination`, or `list description`. */
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
  filters: { param: string; property: string; kind: string }[];
  ordering?: { param: string; fields: string[]; syntax?: string };
  search?: string;
}

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

/** Reads what the loader understood of every operation of an API. */
export function apiInspection(api: ApiModel): ApiInspection {
  const operations = api.operations.map(operationInspection);
  const byConvention: Record<string, number> = {};
  let lists = 0;
  let notUnderstood = 0;
  for (const op of operations) {
    if (op.list === undefined) continue;
    lists++;
    const name = op.list.pagination?.convention;
    if (name !== undefined) byConvention[name] = (byConvention[name] ?? 0) + 1;
    if (op.unresolved.some((line) => line.startsWith('pagination:'))) notUnderstood++;
  }
  return {
    title: api.title,
    version: api.version,
    source: api.source,
    format: api.format,
    summary: { operations: operations.length, lists, byConvention, notUnderstood },
    operations,
  };
}

function operationInspection(operation: Operation): OperationInspection {
  const out: OperationInspection = {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    auth: operation.security.map((requirement) => Object.keys(requirement)),
    unresolved: [],
  };
  const list = operation.list;
  if (list === undefined) {
    out.notAList = notAListReason(operation);
    return out;
  }
  const inspection: ListInspection = {
    items: pointer(list.itemsPath),
    filters: list.filters.map((f) => ({ ...f })),
  };
  if (list.identifier !== undefined) inspection.identifier = list.identifier;
  const p = list.pagination;
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
  }
  if (list.ordering !== undefined)
    inspection.ordering = { ...list.ordering, fields: [...list.ordering.fields] };
  if (list.search !== undefined) inspection.search = list.search.param;
  out.list = inspection;
  out.unresolved = [...(list.unresolved ?? [])];
  return out;
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
