import type { ApiResource, JsonSchema, Operation, ResponseLink, SpecProblem } from '@assay/model';

type Defs = Record<string, JsonSchema>;

/** The item operations of a resource, by the role each method plays on the item path. */
const ITEM_ROLES = { GET: 'read', PUT: 'replace', PATCH: 'patch', DELETE: 'delete' } as const;

/**
 * Finds the resources an API creates and deletes, and the operations acting on each.
 *
 * Where a create's response declares Link Objects (OpenAPI 3.x §4.8.20) to item operations, they
 * decide: the item path and its id parameter are the links' target, and the id comes from the
 * runtime expression the link gives for that parameter. Elsewhere (every Swagger 2.0 document,
 * and OpenAPI documents without links) the dependency is inferred: a `POST` on a collection and
 * the `GET`/`PUT`/`PATCH`/`DELETE` on `collection/{param}`, the id taken from the created body's
 * property matching the parameter (`{bookId}` ← `bookId`, else `id` of a Book; `{stage_uuid}` ←
 * `uuid`), else the list's identifier, else the `Location` header the create documents.
 * A collection whose id cannot be told this way is left out: chaining on a guess would report
 * the guess, not the API.
 *
 * Also resolves every link's `operationRef` to the operationId it points at; a link whose target
 * is not an operation of the document is dropped with a warning.
 */
export function resourcesOf(
  operations: readonly Operation[],
  defs: Defs,
  problems: SpecProblem[],
): ApiResource[] {
  resolveLinkTargets(operations, problems);
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  const onPath = (path: string, method: string) =>
    operations.find((operation) => trim(operation.path) === trim(path) && operation.method === method);

  const resources: ApiResource[] = [];
  const taken = new Set<string>();
  for (const create of operations) {
    if (create.method !== 'POST') continue;
    const declared = declaredItem(create, byId);
    const item = declared?.path ?? inferredItemPath(create, operations);
    if (item === undefined || taken.has(trim(item))) continue;
    const idParam = declared?.idParam ?? lastParam(item);
    if (idParam === undefined) continue;
    const list = onPath(create.path, 'GET');
    const listOperation = list?.list === undefined ? undefined : list;
    const idSource = declared?.idSource ?? inferredIdSource(create, idParam, listOperation, defs);
    if (idSource === undefined) continue;
    const bodyToken = /^\$response\.body#\/([^/]+)$/.exec(idSource)?.[1];
    const idProperty = bodyToken ?? listOperation?.list?.identifier;
    const resource: ApiResource = {
      collection: create.path,
      item,
      idParam,
      idSource,
      create: create.id,
      source: declared === undefined ? 'inferred' : 'links',
    };
    if (idProperty !== undefined) resource.idProperty = idProperty.replace(/~1/g, '/').replace(/~0/g, '~');
    if (listOperation !== undefined) resource.list = listOperation.id;
    for (const [method, role] of Object.entries(ITEM_ROLES)) {
      const found = onPath(item, method);
      if (found !== undefined) resource[role] = found.id;
    }
    if (resource.read === undefined && resource.delete === undefined) continue;
    taken.add(trim(item));
    resources.push(resource);
  }
  return resources;
}

/** Where a create's links send its result: the item path, the id parameter and its expression. */
function declaredItem(
  create: Operation,
  byId: ReadonlyMap<string, Operation>,
): { path: string; idParam: string; idSource: string } | undefined {
  for (const [status, response] of Object.entries(create.responses)) {
    if (!/^2/.test(status)) continue;
    for (const link of response.links ?? []) {
      const target = byId.get(link.operationId);
      if (target === undefined || !(target.method in ITEM_ROLES)) continue;
      const pathParams = target.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      for (const [name, expression] of Object.entries(link.parameters)) {
        const param = name.replace(/^path\./, '');
        if (!pathParams.includes(param) || typeof expression !== 'string') continue;
        const source = normaliseExpression(expression);
        if (source !== undefined) return { path: target.path, idParam: param, idSource: source };
      }
    }
  }
  return undefined;
}

/** A runtime expression Assay can evaluate on a create's response, lower-casing header names. */
function normaliseExpression(expression: string): string | undefined {
  const text = expression.trim().replace(/^\{(.*)\}$/, '$1');
  if (/^\$response\.body#\/.+$/.test(text)) return text;
  const header = /^\$response\.header\.(.+)$/i.exec(text);
  return header === null ? undefined : `$response.header.${header[1]!.toLowerCase()}`;
}

/** `collection/{param}`: the item path under a create's collection, when the API has one. */
function inferredItemPath(create: Operation, operations: readonly Operation[]): string | undefined {
  const collection = trim(create.path);
  for (const operation of operations) {
    if (!(operation.method in ITEM_ROLES)) continue;
    const m = /^(.*)\/\{[^}/]+\}$/.exec(trim(operation.path));
    if (m !== null && m[1] === collection) return operation.path;
  }
  return undefined;
}

/** The created body's property that holds the id, as a runtime expression; else the Location header. */
function inferredIdSource(
  create: Operation,
  idParam: string,
  list: Operation | undefined,
  defs: Defs,
): string | undefined {
  const created = createdResponse(create);
  if (created === undefined) return undefined;
  const media = Object.values(created.content).find((m) => /json/.test(m.mediaType));
  const properties = media === undefined ? new Set<string>() : propertyNames(media.schema, defs);
  const stripped = idParam.replace(/^[A-Za-z0-9]+?(?:_|(?=[A-Z]))(id|uuid|pk|key|slug|name)$/i, '$1');
  const candidates = [
    idParam,
    stripped,
    stripped.toLowerCase(),
    ...(list?.list?.identifier === undefined ? [] : [list.list.identifier]),
    'id',
  ];
  const found = candidates.find((name) => properties.has(name));
  if (found !== undefined) return `$response.body#/${found.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (created.headers.location !== undefined) return '$response.header.location';
  return undefined;
}

/** The first documented 2xx of a create: 201 where documented. */
function createdResponse(create: Operation) {
  const statuses = Object.keys(create.responses)
    .filter((s) => /^2/.test(s))
    .sort();
  const status = statuses.includes('201') ? '201' : statuses[0];
  return status === undefined ? undefined : create.responses[status];
}

/** The property names of an object schema, through `$ref` and `allOf`. */
function propertyNames(schema: JsonSchema, defs: Defs, depth = 0): Set<string> {
  const out = new Set<string>();
  if (typeof schema !== 'object' || depth > 8) return out;
  let s: JsonSchema | undefined = schema;
  for (let hops = 0; hops < 16 && typeof s === 'object' && typeof s.$ref === 'string'; hops++) {
    s = s.$ref.startsWith('#/$defs/') ? defs[s.$ref.slice('#/$defs/'.length)] : undefined;
  }
  if (typeof s !== 'object') return out;
  for (const name of Object.keys(s.properties ?? {})) out.add(name);
  for (const part of s.allOf ?? []) for (const name of propertyNames(part, defs, depth + 1)) out.add(name);
  return out;
}

function lastParam(path: string): string | undefined {
  return /\{([^}/]+)\}\/?$/.exec(path)?.[1];
}

function trim(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Gives every link an operationId: an `operationRef` into this document names the operation there. */
function resolveLinkTargets(operations: readonly Operation[], problems: SpecProblem[]): void {
  const ids = new Set(operations.map((operation) => operation.id));
  const byPointer = new Map(operations.map((operation) => [operation.pointer, operation.id]));
  for (const operation of operations) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (response.links === undefined) continue;
      const kept: ResponseLink[] = [];
      for (const link of response.links) {
        const ref = link.operationRef;
        const id = ref === undefined ? link.operationId : byPointer.get(safeDecode(ref.replace(/^#/, '')));
        if (id !== undefined && ids.has(id)) kept.push({ ...link, operationId: id });
        else
          problems.push({
            severity: 'warning',
            code: 'link-target',
            pointer: `${operation.pointer}/responses/${status}/links/${link.name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            message: `Link "${link.name}" of ${operation.id} targets ${ref ?? link.operationId}, which is not an operation of this document; it is ignored.`,
          });
      }
      response.links = kept;
    }
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
