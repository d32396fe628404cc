import { joinPointer as pointerJoin } from '@assay/json-schema';
import {
  AssayError,
  type BodyPath,
  type JsonSchema,
  type ListSemantics,
  type Operation,
  PAGINATION_STYLES,
  type Pagination,
  type SpecProblem,
} from '@assay/model';
import type { ConventionMatch, PaginationConvention } from '../conventions/pagination-convention.js';
import {
  describesPagination,
  type ParsedDescription,
  parseListDescription,
} from '../load/list-description.js';
import { filtersOf } from './filters-of.js';
import { identifierOf } from './identifier-of.js';
import { listEvidence } from './list-evidence.js';
import { orderingOf } from './ordering-of.js';
import { type Defs, isArraySchema, itemsOf, resolve, scalarType, shapeOf } from './schema-shape.js';

// Where list bodies keep their items, most common first (DRF/authentik, GitHub search, Stripe/JSON:API …).
const ITEM_KEYS = [
  'results',
  'items',
  'data',
  'records',
  'entries',
  'values',
  'elements',
  'objects',
  'rows',
  'list',
  'content',
];
const SEARCH_PARAMS = ['search', 'q'];
// Parameters that say where a page starts: a list with one that no convention explains is reported as
// not understood. (A page size alone, `limit`, caps a one-page list: there is nothing to walk.)
const PAGING_HINTS = [
  'page',
  'offset',
  'cursor',
  'skip',
  'start',
  'after',
  'page_token',
  'pageToken',
  'next_token',
  'continuation_token',
  'marker',
  'top',
  'from',
];

/** What the loader needs beside the operation. */
export interface ListContext {
  defs: Defs;
  operations: readonly Operation[];
  conventions: readonly PaginationConvention[];
  problems: SpecProblem[];
}

/**
 * Detects what a list operation returns and how it pages, from the response schema and the query
 * parameters. When a rule is not sure, it leaves the field out, says so in `unresolved`, and the
 * checks that need it stay silent.
 *
 * - **List:** a GET whose first 2xx JSON response is an array (items at `[]`), or an object with an
 *   array property named `results`, `items`, `data` … (or its only array property, or where a
 *   convention keeps them, when pagination is found). A body that is `oneOf`/`anyOf` a plain array
 *   and a page object (json-server v1) is read as the page object.
 * - **Pagination:** the first convention of `conventions` that matches (see `PAGINATION_CONVENTIONS`);
 *   the `x-pagination` operation extension replaces detection, and the `pagination` load option
 *   (a `ListDescription`) is merged over both.
 * - **Identifier:** see `identifierOf`; **ordering:** see `orderingOf`; **search:** a string
 *   parameter named `search` or `q`; **filters:** see `filtersOf`.
 */
export function listSemanticsOf(
  operation: Operation,
  override: unknown,
  ctx: ListContext,
): ListSemantics | undefined {
  const { defs } = ctx;
  if (operation.method !== 'GET') return undefined;
  const success = successBody(operation);
  if (success === undefined) return undefined;
  const query = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const { page, eitherArray } = pageBody(resolve(success.schema, defs), defs);
  const description = parsedOverride(operation, override);

  let itemsPath: BodyPath | undefined;
  if (isArraySchema(page)) itemsPath = [];
  else {
    const top = shapeOf(page, defs);
    if (top === undefined) return undefined;
    const arrays = Object.keys(top.properties).filter((name) =>
      isArraySchema(resolve(top.properties[name]!, defs)),
    );
    const named = ITEM_KEYS.find((key) => arrays.includes(key));
    const chosen = named ?? (arrays.length === 1 ? arrays[0] : undefined);
    if (chosen !== undefined) itemsPath = [chosen];
  }
  const evidence = listEvidence(operation, isArraySchema(page) ? undefined : page, itemsPath, defs);
  let match: { convention: PaginationConvention; found: ConventionMatch } | undefined;
  for (const convention of ctx.conventions) {
    const found = convention.detect(evidence);
    if (found !== undefined) {
      match = { convention, found };
      break;
    }
  }
  const detected: Pagination | undefined =
    match === undefined
      ? undefined
      : { firstPage: 1, ...match.found.pagination, source: 'detected', convention: match.convention.name };
  if (
    detected !== undefined &&
    eitherArray &&
    detected.walkQuery === undefined &&
    detected.pageParam !== undefined
  )
    detected.walkQuery = `${detected.pageParam}=${detected.firstPage}`;
  if (match?.found.itemsPath !== undefined) itemsPath = match.found.itemsPath;
  if (description?.itemsPath !== undefined) itemsPath = description.itemsPath;
  if (itemsPath === undefined) return undefined;

  const extension = fromExtension(operation, ctx.problems);
  let pagination = extension ?? detected;
  if (description !== undefined && describesPagination(description))
    pagination = withOverride(operation, pagination, description.pagination);
  // An object body whose only array has an unusual name counts as a list only when it pages.
  if (
    itemsPath.length === 1 &&
    !ITEM_KEYS.includes(itemsPath[0]!) &&
    pagination === undefined &&
    description?.itemsPath === undefined
  )
    return undefined;

  const unresolved: string[] = [];
  const itemSchema = itemsAt(page, itemsPath, defs);
  const item = shapeOf(resolve(itemSchema, defs), defs);
  const list: ListSemantics = { itemsPath, itemSchema, filters: [] };
  const found = item === undefined ? undefined : identifierOf(item, defs, operation, ctx.operations);
  const identifier = description?.identifier ?? found?.identifier;
  if (identifier !== undefined) list.identifier = identifier;
  else
    unresolved.push(
      'identifier: the items have no pk, id, uuid … and no item operation names one; duplicates are told by whole items',
    );
  if (pagination !== undefined) list.pagination = pagination;
  else {
    const hints = PAGING_HINTS.filter((name) => query.has(name));
    if (hints.length > 0)
      unresolved.push(
        `pagination: it takes ${hints.join(', ')} but matches no known convention; describe it with x-pagination or a list description (style, pageParam …)`,
      );
  }

  const reserved = new Set(pagination === undefined ? [] : paginationParams(pagination));
  const ordering = orderingOf(query, item, identifier, defs, match?.found.ordering);
  if (ordering.param !== undefined) reserved.add(ordering.param);
  if (description?.ordering !== undefined) {
    reserved.add(description.ordering.param);
    list.ordering = {
      param: description.ordering.param,
      fields: description.ordering.fields ?? ordering.ordering?.fields ?? [],
      ...((description.ordering.syntax ?? ordering.ordering?.syntax) === undefined
        ? {}
        : { syntax: (description.ordering.syntax ?? ordering.ordering?.syntax)! }),
    };
  } else if (ordering.ordering !== undefined) list.ordering = ordering.ordering;
  if (ordering.unresolved !== undefined && description?.ordering === undefined)
    unresolved.push(ordering.unresolved);
  if (list.ordering !== undefined && list.ordering.syntax === undefined)
    unresolved.push(
      `ordering syntax of ${list.ordering.param}: not documented; only "-field" is tried for descending, and only where the parameter accepts it`,
    );
  const searchParam =
    description?.search ??
    SEARCH_PARAMS.map((name) => query.get(name)).find(
      (p) => p !== undefined && scalarType(resolve(p.schema, defs), defs) === 'string',
    )?.name;
  if (searchParam !== undefined) {
    reserved.add(searchParam);
    list.search = { param: searchParam };
  }
  if (description?.filters !== undefined) list.filters = description.filters;
  else if (item !== undefined) list.filters = filtersOf(query, reserved, item, defs);
  if (unresolved.length > 0) list.unresolved = unresolved;
  return list;
}

/** The schema of the first 2xx response with a JSON body. */
function successBody(operation: Operation): { status: string; schema: JsonSchema } | undefined {
  const statuses = Object.keys(operation.responses)
    .filter((s) => /^2(\d\d|XX)$/i.test(s))
    .sort();
  for (const status of statuses) {
    const content = operation.responses[status]!.content;
    const media = Object.values(content).find(
      (m) => /(^|\/|\+)json$/.test(m.mediaType) || m.mediaType.endsWith('/*') || m.mediaType === '*/*',
    );
    if (media !== undefined) return { status, schema: media.schema };
  }
  return undefined;
}

/** The page object of a body that is `oneOf`/`anyOf` [plain array, page object]; else the body itself. */
function pageBody(body: JsonSchema, defs: Defs): { page: JsonSchema; eitherArray: boolean } {
  if (typeof body !== 'object') return { page: body, eitherArray: false };
  const branches = (body.oneOf ?? body.anyOf ?? [])
    .map((b) => resolve(b, defs))
    .filter((b) => !(typeof b === 'object' && b.type === 'null'));
  if (branches.length !== 2 || body.properties !== undefined) return { page: body, eitherArray: false };
  const array = branches.find((b) => isArraySchema(b));
  const object = branches.find((b) => !isArraySchema(b) && shapeOf(b, defs) !== undefined);
  return array !== undefined && object !== undefined
    ? { page: object, eitherArray: true }
    : { page: body, eitherArray: false };
}

/** The item schema of the array at `path` in the body. */
function itemsAt(body: JsonSchema, path: BodyPath, defs: Defs): JsonSchema {
  let current: JsonSchema | undefined = body;
  for (const key of path)
    current = current === undefined ? undefined : shapeOf(current, defs)?.properties[key];
  return current === undefined ? {} : itemsOf(current, defs);
}

/** The `pagination` option of this operation, checked; errors name the operation and the key. */
function parsedOverride(operation: Operation, override: unknown): ParsedDescription | undefined {
  if (override === undefined) return undefined;
  const parsed = parseListDescription(override, PAGINATION_STYLES);
  if (!parsed.ok) {
    const where = parsed.problem.key === '' ? '' : ` key ${parsed.problem.key}`;
    throw new AssayError(
      'config',
      `pagination option for ${operation.id}${where}: ${parsed.problem.message}.`,
      {
        flag: parsed.problem.key === '' ? 'pagination' : `pagination.${operation.id}.${parsed.problem.key}`,
      },
    );
  }
  return parsed.value;
}

/** The operation's `x-pagination` extension: a list description's pagination keys. */
function fromExtension(operation: Operation, problems: SpecProblem[]): Pagination | undefined {
  const raw = operation.extensions['x-pagination'];
  if (raw === undefined) return undefined;
  const pointer = pointerJoin(operation.pointer, 'x-pagination');
  const parsed = parseListDescription(raw, PAGINATION_STYLES);
  if (!parsed.ok || parsed.value.pagination.style === undefined) {
    const problem = parsed.ok
      ? `it needs a style (${PAGINATION_STYLES.join(', ')})`
      : `${parsed.problem.key === '' ? '' : `${parsed.problem.key} `}${parsed.problem.message}`;
    problems.push({
      severity: 'warning',
      code: 'x-pagination',
      pointer: parsed.ok || parsed.problem.key === '' ? pointer : pointerJoin(pointer, parsed.problem.key),
      message: `x-pagination: ${problem}; ignored`,
    });
    return undefined;
  }
  const p = parsed.value.pagination;
  return { firstPage: 1, ...p, style: p.style!, source: 'x-pagination' };
}

function withOverride(
  operation: Operation,
  current: Pagination | undefined,
  parsed: Partial<Pagination>,
): Pagination {
  const style = parsed.style ?? current?.style;
  if (style === undefined) {
    throw new AssayError(
      'config',
      `pagination option for ${operation.id}: no pagination was detected, so the option needs a style (${PAGINATION_STYLES.join(', ')}).`,
      { flag: `pagination.${operation.id}.style` },
    );
  }
  return {
    firstPage: 1,
    ...(parsed.style === undefined || parsed.style === current?.style ? current : {}),
    ...parsed,
    style,
    source: 'config',
  };
}

function paginationParams(pagination: Pagination): string[] {
  return [
    pagination.pageParam,
    pagination.pageSizeParam,
    pagination.limitParam,
    pagination.offsetParam,
    pagination.cursorParam,
  ].filter((p): p is string => p !== undefined);
}
