import { joinPointer as pointerJoin } from '@assay/json-schema';
import {
  AssayError,
  type BodyPath,
  type JsonSchema,
  type JsonSchemaObject,
  type ListSemantics,
  type Operation,
  PAGINATION_STYLES,
  type Pagination,
  type PaginationStyle,
  type Parameter,
  type QueryFilter,
  type SpecProblem,
} from '@assay/model';

type Defs = Record<string, JsonSchema>;

/** An object schema flattened through `$ref`, `allOf` and a nullable wrapper: its properties and required names. */
interface Shape {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
}

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
const IDENTIFIERS = ['pk', 'id', 'uuid', 'uid', '_id', 'guid'];
const ORDERING_PARAMS = ['ordering', 'order_by', 'orderBy', 'sort', 'sort_by', 'sortBy', 'order'];
const SEARCH_PARAMS = ['search', 'q'];
// Paging and time-window parameters are never filters, even where an item happens to have a property
// of the same name (a push event's `before` SHA is not what `?before=` means).
const NOT_FILTERS = new Set([
  'page',
  'page_size',
  'per_page',
  'limit',
  'offset',
  'cursor',
  'after',
  'before',
  'since',
  'until',
  'starting_after',
  'ending_before',
]);
// Parameter values that mean "no filter" rather than "equal to this".
const CATCH_ALL = new Set(['all', 'any', '*', 'none', '']);
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const PAGE_SIZE_PARAMS = ['page_size', 'pageSize', 'per_page', 'perPage', 'size', 'limit'];
const CURSOR_PARAMS = [
  'cursor',
  'starting_after',
  'after',
  'page_token',
  'pageToken',
  'next_token',
  'nextToken',
  'continuation_token',
  'continuationToken',
  'continue',
  'marker',
];
const NEXT_CURSOR_KEYS = [
  'next_cursor',
  'nextCursor',
  'next_page_token',
  'nextPageToken',
  'next_token',
  'nextToken',
  'continuation_token',
  'continuationToken',
  'continue',
  'cursor',
  'next_marker',
];
const HAS_MORE_KEYS = ['has_more', 'hasMore', 'has_next', 'hasNext', 'has_next_page', 'hasNextPage', 'more'];
const COUNT_KEYS = ['count', 'total', 'total_count', 'totalCount', 'total_results'];
// One level of nesting is searched for cursor metadata (Kubernetes `metadata.continue`, `meta`, `page_info` …).
const META_KEYS = ['metadata', 'meta', 'pagination', 'page_info', 'pageInfo', 'paging', 'links'];

/**
 * Detects what a list operation returns and how it pages, from the response schema and the query
 * parameters, following these rules. When a rule is not sure, it leaves the field out, and the
 * checks that need it stay silent.
 *
 * - **List:** a GET whose first 2xx JSON response is an array (items at `[]`), or an object with an
 *   array property named `results`, `items`, `data`, `records` … (or its only array property, when
 *   pagination metadata is also found).
 * - **Identifier:** the first of `pk`, `id`, `uuid`, `uid`, `_id`, `guid` that the item schema lists as
 *   required and types as a string or integer.
 * - **Pagination** (first match wins; the `x-pagination` operation extension replaces detection, and
 *   the `pagination` load option is merged over both):
 *   - `page-object`: a `pagination` object holding `next`, `previous`, `count` and `current` (authentik);
 *   - `page-number`: top-level `count`, `next`, `previous` beside the items with a `page` parameter (DRF);
 *     the same body with `limit`/`offset` parameters is `limit-offset`, and with `cursor` it is `cursor`;
 *   - `limit-offset`: `limit` and `offset` query parameters;
 *   - `cursor`: a cursor parameter (`cursor`, `starting_after`, `page_token`, `continue` …), with a
 *     next-cursor or has-more field in the body when one is found;
 *   - `link-header`: a documented `Link` response header, with `page`/`per_page` parameters (GitHub);
 *   - `content-range`: a documented `Content-Range` response header or `Range` request header.
 * - **Filters:** query parameters named exactly like a scalar item property: `equality` for boolean,
 *   enum, uuid and integer properties, `text` for other strings. Left out: numbers, arrays and objects;
 *   paging and time-window names (`page`, `before`, `since` …); parameters whose enum or default has a
 *   catch-all (`all`, `any`) or a value the property's own enum lacks.
 * - **Ordering:** a parameter named `ordering`, `order_by`, `sort` …; its fields are the parameter's
 *   enum (signs stripped), or else the item's scalar properties that are neither boolean, nullable,
 *   nor read-only (computed), the identifier excepted.
 * - **Search:** a string parameter named `search` or `q`.
 */
export function listSemanticsOf(
  operation: Operation,
  defs: Defs,
  override: Partial<Pagination> | undefined,
  problems: SpecProblem[],
): ListSemantics | undefined {
  if (operation.method !== 'GET') return undefined;
  const success = successBody(operation);
  if (success === undefined) return undefined;
  const query = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const body = resolve(success.schema, defs);

  let itemsPath: BodyPath;
  let itemSchema: JsonSchema;
  let top: Shape | undefined;
  if (isArraySchema(body)) {
    itemsPath = [];
    itemSchema = (body as JsonSchemaObject).items ?? {};
  } else {
    top = shapeOf(body, defs);
    if (top === undefined) return undefined;
    const arrays = Object.keys(top.properties).filter((name) =>
      isArraySchema(resolve(top!.properties[name]!, defs)),
    );
    const named = ITEM_KEYS.find((key) => arrays.includes(key));
    const chosen = named ?? (arrays.length === 1 ? arrays[0] : undefined);
    if (chosen === undefined) return undefined;
    itemsPath = [chosen];
    itemSchema = (resolve(top.properties[chosen]!, defs) as JsonSchemaObject).items ?? {};
  }

  const detected = detectPagination(operation, top, itemsPath, query, defs);
  const extension = fromExtension(operation, problems);
  let pagination = extension ?? detected;
  if (override !== undefined) pagination = withOverride(operation, pagination, override);
  // An object body whose only array has an unusual name counts as a list only when it pages.
  if (itemsPath.length === 1 && !ITEM_KEYS.includes(itemsPath[0]!) && pagination === undefined)
    return undefined;

  const item = shapeOf(resolve(itemSchema, defs), defs);
  const reserved = new Set(pagination === undefined ? [] : paginationParams(pagination));
  const list: ListSemantics = { itemsPath, itemSchema, filters: [] };
  const identifier = item === undefined ? undefined : identifierOf(item, defs);
  if (identifier !== undefined) list.identifier = identifier;
  if (pagination !== undefined) list.pagination = pagination;

  const ordering = ORDERING_PARAMS.map((name) => query.get(name)).find((p) => p !== undefined);
  if (ordering !== undefined) {
    reserved.add(ordering.name);
    const fields = orderingFields(ordering, item, defs);
    if (fields.length > 0) list.ordering = { param: ordering.name, fields };
  }
  const search = SEARCH_PARAMS.map((name) => query.get(name)).find(
    (p) => p !== undefined && scalarType(resolve(p.schema, defs), defs) === 'string',
  );
  if (search !== undefined) {
    reserved.add(search.name);
    list.search = { param: search.name };
  }
  if (item !== undefined) list.filters = filtersOf(query, reserved, item, defs);
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

function detectPagination(
  operation: Operation,
  top: Shape | undefined,
  itemsPath: BodyPath,
  query: Map<string, Parameter>,
  defs: Defs,
): Pagination | undefined {
  const find = (names: readonly string[]) => names.find((name) => query.has(name));
  const pageParam = find(PAGE_PARAMS);
  const sizeParam = find(PAGE_SIZE_PARAMS.filter((name) => name !== 'limit' || pageParam !== undefined));
  const sizeLimits = (name: string | undefined): Partial<Pagination> => {
    if (name === undefined) return {};
    const schema = resolve(query.get(name)!.schema, defs);
    if (typeof schema !== 'object') return {};
    const out: Partial<Pagination> = {};
    if (typeof schema.maximum === 'number') out.maxPageSize = schema.maximum;
    if (typeof schema.default === 'number') out.defaultPageSize = schema.default;
    return out;
  };
  const base = { source: 'detected' as const, firstPage: 1 };

  if (top !== undefined && itemsPath.length === 1) {
    const meta =
      top.properties.pagination === undefined
        ? undefined
        : shapeOf(resolve(top.properties.pagination, defs), defs);
    if (
      meta !== undefined &&
      ['next', 'previous', 'count', 'current'].every((k) => meta.properties[k] !== undefined)
    ) {
      const at = (key: string) =>
        meta.properties[key] === undefined ? {} : { [`${camel(key)}Path`]: ['pagination', key] };
      return {
        style: 'page-object',
        ...base,
        ...(pageParam === undefined ? {} : { pageParam }),
        ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
        ...sizeLimits(sizeParam),
        ...at('count'),
        ...at('next'),
        ...at('previous'),
        ...at('current'),
        ...at('total_pages'),
        ...at('start_index'),
        ...at('end_index'),
      } as Pagination;
    }
    const drf = ['count', 'next', 'previous'].every((k) => top.properties[k] !== undefined);
    if (drf) {
      const paths = { countPath: ['count'], nextPath: ['next'], previousPath: ['previous'] };
      if (query.has('limit') && query.has('offset')) {
        return {
          style: 'limit-offset',
          ...base,
          limitParam: 'limit',
          offsetParam: 'offset',
          ...sizeLimits('limit'),
          ...paths,
        };
      }
      const cursorParam = find(CURSOR_PARAMS);
      if (cursorParam !== undefined) {
        return { style: 'cursor', ...base, cursorParam, nextPath: ['next'], previousPath: ['previous'] };
      }
      if (pageParam !== undefined) {
        return {
          style: 'page-number',
          ...base,
          pageParam,
          ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
          ...sizeLimits(sizeParam),
          ...paths,
        };
      }
    }
  }

  const countPath =
    top === undefined ? undefined : COUNT_KEYS.find((k) => isNumeric(top.properties[k], defs));
  if (query.has('limit') && query.has('offset')) {
    return {
      style: 'limit-offset',
      ...base,
      limitParam: 'limit',
      offsetParam: 'offset',
      ...sizeLimits('limit'),
      ...(countPath === undefined ? {} : { countPath: [countPath] }),
    };
  }

  const cursorParam = find(CURSOR_PARAMS);
  if (cursorParam !== undefined) {
    const cursor: Pagination = { style: 'cursor', ...base, cursorParam };
    const limitParam = find(['limit', 'page_size', 'pageSize', 'per_page', 'max_results', 'maxResults']);
    if (limitParam !== undefined) Object.assign(cursor, { limitParam }, sizeLimits(limitParam));
    if (top !== undefined) {
      const next = findField(top, NEXT_CURSOR_KEYS, defs, (s) => scalarType(s, defs) === 'string');
      if (next !== undefined) cursor.nextPath = next;
      const more = findField(top, HAS_MORE_KEYS, defs, (s) => scalarType(s, defs) === 'boolean');
      if (more !== undefined) cursor.hasMorePath = more;
    }
    return cursor;
  }

  const success = Object.keys(operation.responses).find((s) => /^2/.test(s));
  const headers = success === undefined ? {} : operation.responses[success]!.headers;
  if (headers.link !== undefined) {
    return {
      style: 'link-header',
      ...base,
      ...(pageParam === undefined ? {} : { pageParam }),
      ...(sizeParam === undefined ? {} : { pageSizeParam: sizeParam }),
      ...sizeLimits(sizeParam),
    };
  }
  if (
    headers['content-range'] !== undefined ||
    operation.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'range')
  ) {
    return { style: 'content-range', ...base };
  }
  return undefined;
}

/** The operation's `x-pagination` extension: the fields of {@link Pagination}, paths as lists or dotted strings. */
function fromExtension(operation: Operation, problems: SpecProblem[]): Pagination | undefined {
  const raw = operation.extensions['x-pagination'];
  if (raw === undefined) return undefined;
  const pointer = pointerJoin(operation.pointer, 'x-pagination');
  const parsed =
    raw !== null && typeof raw === 'object' ? normalisePagination(raw as Record<string, unknown>) : undefined;
  if (parsed === undefined || parsed.style === undefined) {
    problems.push({
      severity: 'warning',
      code: 'x-pagination',
      pointer,
      message: `x-pagination must be an object with a style (${PAGINATION_STYLES.join(', ')}); ignored`,
    });
    return undefined;
  }
  return { firstPage: 1, ...parsed, style: parsed.style, source: 'x-pagination' };
}

function withOverride(
  operation: Operation,
  current: Pagination | undefined,
  override: Partial<Pagination>,
): Pagination {
  const parsed = normalisePagination(override as Record<string, unknown>);
  if (parsed === undefined) {
    throw new AssayError(
      'config',
      `pagination option for ${operation.id}: unknown style; use one of ${PAGINATION_STYLES.join(', ')}.`,
      {
        flag: 'pagination',
      },
    );
  }
  const style = parsed.style ?? current?.style;
  if (style === undefined) {
    throw new AssayError(
      'config',
      `pagination option for ${operation.id}: no pagination was detected, so the option needs a style (${PAGINATION_STYLES.join(', ')}).`,
      {
        flag: 'pagination',
      },
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

/** Checks a pagination description given by people; paths may be dotted strings. `undefined` when the style is unknown. */
function normalisePagination(raw: Record<string, unknown>): Partial<Pagination> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'source' || value === undefined) continue;
    if (key.endsWith('Path')) out[key] = typeof value === 'string' ? value.split('.') : value;
    else out[key] = value;
  }
  if (out.style !== undefined && !PAGINATION_STYLES.includes(out.style as PaginationStyle)) return undefined;
  return out as Partial<Pagination>;
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

function identifierOf(item: Shape, defs: Defs): string | undefined {
  return IDENTIFIERS.find((name) => {
    if (!item.required.has(name) || item.properties[name] === undefined) return false;
    const type = scalarType(resolve(item.properties[name], defs), defs);
    return type === 'string' || type === 'integer';
  });
}

function orderingFields(param: Parameter, item: Shape | undefined, defs: Defs): string[] {
  const schema = resolve(param.schema, defs);
  const enumOf = (s: JsonSchema): unknown[] | undefined =>
    typeof s === 'object' && Array.isArray(s.enum) ? s.enum : undefined;
  const values =
    enumOf(schema) ??
    (typeof schema === 'object' && schema.items !== undefined
      ? enumOf(resolve(schema.items, defs))
      : undefined);
  if (values !== undefined) {
    return [
      ...new Set(values.filter((v): v is string => typeof v === 'string').map((v) => v.replace(/^[-+]/, ''))),
    ].filter((v) => v !== '');
  }
  if (item === undefined) return [];
  const identifier = identifierOf(item, defs);
  return Object.keys(item.properties).filter((name) => {
    const declared = item.properties[name]!;
    const property = resolve(declared, defs);
    const type = scalarType(property, defs);
    // Read-only values are mostly computed by the server and cannot be ordered on (DRF leaves
    // serializer-method fields out); the identifier is the exception.
    const computed = name !== identifier && (isReadOnly(declared) || isReadOnly(property));
    return type !== undefined && type !== 'boolean' && !computed && !isNullable(declared, defs);
  });
}

function filtersOf(
  query: Map<string, Parameter>,
  reserved: Set<string>,
  item: Shape,
  defs: Defs,
): QueryFilter[] {
  const filters: QueryFilter[] = [];
  for (const param of query.values()) {
    if (reserved.has(param.name) || NOT_FILTERS.has(param.name) || item.properties[param.name] === undefined)
      continue;
    const paramType = scalarType(resolve(param.schema, defs), defs);
    const property = resolve(item.properties[param.name]!, defs);
    const propertyType = scalarType(property, defs);
    if (paramType === undefined || propertyType === undefined) continue;
    // A parameter typed unlike the property is not a plain filter on it (e.g. a string `created` range).
    const numeric = (t: string) => t === 'integer' || t === 'number';
    if (paramType !== propertyType && !(numeric(paramType) && numeric(propertyType))) continue;
    const object = typeof property === 'object' ? property : {};
    if (!valuesFit(resolve(param.schema, defs), property, defs)) continue;
    const enumerated = Array.isArray(object.enum) || hasEnumBranch(property, defs);
    if (
      propertyType === 'boolean' ||
      propertyType === 'integer' ||
      enumerated ||
      (propertyType === 'string' && object.format === 'uuid')
    ) {
      filters.push({ param: param.name, property: param.name, kind: 'equality' });
    } else if (propertyType === 'string' && object.format === undefined) {
      filters.push({ param: param.name, property: param.name, kind: 'text' });
    }
  }
  return filters;
}

/**
 * Whether every value the parameter documents is a value the property can hold. A parameter whose
 * enum or default has a catch-all (`state=all`) or values the property's enum lacks does not filter
 * by equality on that property, so a check built on it would be wrong.
 */
function valuesFit(param: JsonSchema, property: JsonSchema, defs: Defs): boolean {
  if (typeof param !== 'object') return true;
  const documented = [
    ...(Array.isArray(param.enum) ? param.enum : []),
    ...(param.default === undefined ? [] : [param.default]),
  ];
  if (documented.some((v) => typeof v === 'string' && CATCH_ALL.has(v.toLowerCase()))) return false;
  const allowed = enumValues(property, defs);
  return allowed === undefined || documented.every((v) => allowed.includes(v));
}

function enumValues(schema: JsonSchema, defs: Defs): unknown[] | undefined {
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return undefined;
  if (Array.isArray(s.enum)) return s.enum;
  for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? [])]) {
    const values = enumValues(branch, defs);
    if (values !== undefined) return values;
  }
  return undefined;
}

function hasEnumBranch(schema: JsonSchema, defs: Defs): boolean {
  if (typeof schema !== 'object') return false;
  const parts = [...(schema.allOf ?? []), ...(schema.anyOf ?? [])].map((s) => resolve(s, defs));
  return parts.some((s) => typeof s === 'object' && Array.isArray(s.enum));
}

/** Follows `$ref`s into the definitions. */
function resolve(schema: JsonSchema, defs: Defs): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    const next = current.$ref.startsWith('#/$defs/')
      ? defs[current.$ref.slice('#/$defs/'.length)]
      : undefined;
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function isArraySchema(schema: JsonSchema): boolean {
  if (typeof schema !== 'object') return false;
  if (schema.type === 'array') return true;
  return Array.isArray(schema.type) && schema.type.includes('array') && schema.items !== undefined;
}

/** The object shape of a schema, through `$ref`, `allOf` and OAS 3.0 nullable wrappers; `undefined` when it is not an object. */
function shapeOf(schema: JsonSchema, defs: Defs, depth = 0): Shape | undefined {
  if (typeof schema !== 'object' || depth > 8) return undefined;
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return undefined;
  const nonNull = (s.anyOf ?? s.oneOf ?? []).filter((b) => !(typeof b === 'object' && b.type === 'null'));
  if (nonNull.length === 1 && s.properties === undefined) return shapeOf(nonNull[0]!, defs, depth + 1);
  const shape: Shape = { properties: {}, required: new Set() };
  let found = s.properties !== undefined || s.type === 'object';
  for (const part of s.allOf ?? []) {
    const sub = shapeOf(part, defs, depth + 1);
    if (sub === undefined) continue;
    found = true;
    Object.assign(shape.properties, sub.properties);
    for (const name of sub.required) shape.required.add(name);
  }
  Object.assign(shape.properties, s.properties ?? {});
  for (const name of s.required ?? []) shape.required.add(name);
  return found ? shape : undefined;
}

/** The scalar type a schema settles on (`string`, `integer`, `number`, `boolean`), ignoring `null`. */
function scalarType(schema: JsonSchema, defs: Defs, depth = 0): string | undefined {
  if (typeof schema !== 'object' || depth > 8) return undefined;
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return undefined;
  const types = (Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type]).filter(
    (t) => t !== 'null',
  );
  if (types.length === 1)
    return ['string', 'integer', 'number', 'boolean'].includes(types[0]!) ? types[0] : undefined;
  if (types.length > 1) return undefined;
  const branches = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].filter(
    (b) => !(typeof b === 'object' && b.type === 'null'),
  );
  if (branches.length === 1) return scalarType(branches[0]!, defs, depth + 1);
  if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => typeof v === 'string' || v === null))
    return 'string';
  return undefined;
}

function isReadOnly(schema: JsonSchema): boolean {
  return typeof schema === 'object' && schema.readOnly === true;
}

function isNullable(schema: JsonSchema, defs: Defs): boolean {
  const s = resolve(schema, defs);
  if (typeof s !== 'object') return false;
  if (Array.isArray(s.type) && s.type.includes('null')) return true;
  return (s.anyOf ?? []).some((b) => typeof b === 'object' && b.type === 'null');
}

function isNumeric(schema: JsonSchema | undefined, defs: Defs): boolean {
  if (schema === undefined) return false;
  const type = scalarType(schema, defs);
  return type === 'integer' || type === 'number';
}

/** A field named one of `keys` at the top of the body or one level down in a metadata object. */
function findField(
  top: Shape,
  keys: readonly string[],
  defs: Defs,
  accept: (s: JsonSchema) => boolean,
): BodyPath | undefined {
  for (const key of keys) if (top.properties[key] !== undefined && accept(top.properties[key])) return [key];
  for (const meta of META_KEYS) {
    if (top.properties[meta] === undefined) continue;
    const shape = shapeOf(top.properties[meta], defs);
    if (shape === undefined) continue;
    for (const key of keys)
      if (shape.properties[key] !== undefined && accept(shape.properties[key])) return [meta, key];
  }
  return undefined;
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
