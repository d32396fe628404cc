import type { ApiModel, ApiResource, HttpRequest, JsonSchema, Operation } from '@assay/model';
import type { BodyFactory } from './body-factory.js';
import type { DatasetStore, StoredCollection } from './dataset-store.js';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { objectProperties } from './object-properties.js';
import { isJson } from './parse-body.js';
import { resolveSchema } from './resolve-schema.js';
import { concreteMediaType, responseMedia, successResponse } from './response-choice.js';
import { schemaTypes } from './schema-types.js';

/** What an operation does to its resource. */
export type ResourceRole = 'create' | 'read' | 'replace' | 'patch' | 'delete';

/** A resource operation: the resource and the role the operation plays. */
export interface ResourceRoute {
  resource: ApiResource;
  role: ResourceRole;
}

/** A valid request to a resource operation, as serveWrite needs it. */
export interface WriteRequest {
  operation: Operation;
  route: ResourceRoute;
  request: HttpRequest;
  pathParams: Record<string, string>;
  /** The documented 404 of the operation (or a plain one): what a fault answers. */
  notFound(): MockReply;
  /**
   * The documented 404 of the operation, when it documents one. Without one the mock answers an
   * unknown id as it answers any request (the example), never with a status the spec does not list.
   */
  documentedNotFound(): MockReply | undefined;
}

const ROLES: readonly ResourceRole[] = ['create', 'read', 'replace', 'patch', 'delete'];

/** Every operation that acts on one of the API's resources, by operationId. */
export function resourceRoutes(api: ApiModel): Map<string, ResourceRoute> {
  const out = new Map<string, ResourceRoute>();
  for (const resource of api.resources ?? []) {
    for (const role of ROLES) {
      const id = resource[role];
      if (id !== undefined && !out.has(id)) out.set(id, { resource, role });
    }
  }
  return out;
}

/**
 * Serves a create, read, replace, patch or delete against the store: a create adds an item (its
 * server-side fields, identifier and readOnly properties, generated), a replace sets every
 * writable property to the body's, a patch only those the body names, a delete removes the item.
 * Each bends in exactly one way when its fault is on. `undefined` when the resource has no
 * collection to act on (its create documents no JSON body): the example answers instead.
 */
export function serveWrite(
  ctx: MockContext,
  factory: BodyFactory,
  store: DatasetStore,
  req: WriteRequest,
): MockReply | undefined {
  const { route, operation } = req;
  const stored = store.ofResource(route.resource);
  if (stored === undefined) return undefined;
  // An operation that documents no success does not write: its documented answer is served instead.
  const status = successResponse(operation).status;
  if (status < 200 || status > 299) return undefined;
  const faults = ctx.faults;
  // The resource's own id property wins: it is where clients read the id a create returns.
  const identifier = route.resource.idProperty ?? stored.identifier;
  const writable = writableProperties(ctx, stored.itemSchema, identifier);
  const body = requestJson(req.request);

  if (route.role === 'create') {
    const [base] = generated(factory, stored.itemSchema, `${operation.id} created ${stored.created.size}`);
    const seed = isObject(base) ? base : {};
    const id = identifier === undefined ? undefined : stored.nextId(identifier);
    const item = {
      ...seed,
      ...pick(body, writable),
      ...(identifier === undefined ? {} : { [identifier]: id }),
    };
    const kept = settle(ctx, factory, stored, item, seed, identifier, `${operation.id} ${String(id)}`);
    const copy = faults.has('create-answer-differs') ? changedCopy(ctx, stored, kept, writable) : kept;
    stored.dataset.items.push(copy);
    if (id !== undefined) stored.created.add(String(id));
    // Where clients read the created id (`$response.body#/docId`), the answer carries the stored one.
    const idField = /^\$response\.body#\/([^/]+)$/.exec(route.resource.idSource)?.[1];
    const reply = answer(
      ctx,
      factory,
      operation,
      stored.itemSchema,
      kept,
      idField === undefined || id === undefined
        ? {}
        : { [idField.replace(/~1/g, '/').replace(/~0/g, '~')]: id },
    );
    const collection = route.resource.collection.replace(/\/+$/, '');
    const at = req.request.path.replace(/\/+$/, '').lastIndexOf(collection);
    if (at !== -1 && identifier !== undefined) {
      const prefix = req.request.path.slice(0, at);
      const itemPath = route.resource.item.replace(
        `{${route.resource.idParam}}`,
        encodeURIComponent(String(id)),
      );
      reply.headers.location = `http://${req.request.headers.host ?? 'localhost'}${prefix}${itemPath}`;
    }
    return reply;
  }

  const wanted = safeDecode(req.pathParams[route.resource.idParam] ?? '');
  const index =
    identifier === undefined
      ? -1
      : stored.dataset.items.findIndex((item) => String(item[identifier]) === wanted);
  const existing = stored.dataset.items[index];
  if (existing === undefined) return req.documentedNotFound();

  switch (route.role) {
    case 'read':
      if (faults.has('create-unreadable') && stored.created.has(wanted)) return req.notFound();
      return answer(ctx, factory, operation, stored.itemSchema, existing);
    case 'replace':
    case 'patch': {
      const kept = Object.fromEntries(Object.entries(existing).filter(([name]) => !writable.has(name)));
      const partial = route.role === 'patch' && !faults.has('patch-drops-fields');
      const merge = /merge-patch/.test(req.request.headers['content-type'] ?? '');
      const changed = partial
        ? mergePatch(existing, pick(body, writable), merge)
        : { ...kept, ...pick(body, writable) };
      const next = faults.has('patch-drops-fields')
        ? changed
        : settle(ctx, factory, stored, changed, existing, identifier, `${operation.id} ${wanted}`);
      if (!faults.has('update-not-kept')) stored.dataset.items[index] = next;
      return answer(ctx, factory, operation, stored.itemSchema, next);
    }
    case 'delete': {
      if (!faults.has('delete-keeps-item')) stored.dataset.items.splice(index, 1);
      const success = successResponse(operation);
      const media = responseMedia(success.spec);
      if (media === undefined || success.status === 204)
        return { status: success.status, headers: {}, body: '' };
      return answer(ctx, factory, operation, stored.itemSchema, existing);
    }
  }
  return undefined;
}

/**
 * The item a write stores, valid for the item schema as a server's representation is: the written
 * item when it is valid; else with the properties it lacks taken from `fallback` (defaults the
 * server keeps, required in the representation but optional in the request); else with each value
 * the representation cannot hold replaced by a generated one, as a server represents a foreign
 * key sent as an id by the object it names. Kept as written when nothing makes it valid.
 */
function settle(
  ctx: MockContext,
  factory: BodyFactory,
  stored: StoredCollection,
  item: Record<string, unknown>,
  fallback: Record<string, unknown>,
  identifier: string | undefined,
  key: string,
): Record<string, unknown> {
  if (ctx.validator.isValid(stored.itemSchema, item)) return item;
  const completed = { ...fallback, ...item };
  if (ctx.validator.isValid(stored.itemSchema, completed)) return completed;
  const properties = objectProperties(stored.itemSchema, ctx.defs);
  const represented = { ...completed };
  for (const [name, value] of Object.entries(completed)) {
    const schema = properties.get(name);
    if (name === identifier || schema === undefined || ctx.validator.isValid(schema, value)) continue;
    const [replacement] = generated(factory, schema, `${key} ${name}`);
    if (replacement !== undefined) represented[name] = replacement;
  }
  return ctx.validator.isValid(stored.itemSchema, represented) ? represented : item;
}

/**
 * The operation's success status with the item as its body (when it documents one). Many APIs
 * answer a write with something else than the item: a boolean (Magento's deletes), an envelope
 * (`{application: {...}}`), a status object (`{code}`), a long-running operation. The answer is
 * then the documented shape, with the item placed in it where a property holds the item.
 */
function answer(
  ctx: MockContext,
  factory: BodyFactory,
  operation: Operation,
  itemSchema: JsonSchema,
  item: Record<string, unknown>,
  names: Record<string, unknown> = {},
): MockReply {
  const success = successResponse(operation);
  const media = responseMedia(success.spec);
  if (media === undefined) return { status: success.status, headers: {}, body: '' };
  return {
    status: success.status,
    headers: { 'content-type': concreteMediaType(media.mediaType) },
    body: JSON.stringify(
      representation(ctx, factory, media.schema, item, itemSchema, names, `${operation.id} answer`),
    ),
  };
}

/**
 * The item as the documented answer holds it: itself, inside an envelope property, or a documented
 * object that names it (its properties, and `names`, where the schema has them).
 */
function representation(
  ctx: MockContext,
  factory: BodyFactory,
  schema: JsonSchema | undefined,
  item: Record<string, unknown>,
  ownSchema: JsonSchema,
  names: Record<string, unknown>,
  key: string,
): unknown {
  if (schema === undefined || ctx.validator.isValid(schema, item)) return item;
  const [documented] = generated(factory, schema, key);
  if (documented === undefined) return item;
  if (!isObject(documented)) return documented;
  const properties = objectProperties(schema, ctx.defs);
  // An envelope holds the item under a property whose schema is the item's (`{application: App}`);
  // merely accepting it is not enough (an object of optional properties accepts any object).
  const itemSchema = JSON.stringify(ownSchema);
  for (const [name, property] of properties) {
    if (JSON.stringify(property) !== itemSchema || !ctx.validator.isValid(property, item)) continue;
    const wrapped = { ...documented, [name]: item };
    if (ctx.validator.isValid(schema, wrapped)) return wrapped;
  }
  // A status object that names the item (`{id, status}`) names the one that was written.
  let named = documented;
  const values = { ...item, ...names };
  for (const [name, property] of properties) {
    if (!Object.hasOwn(values, name) || !ctx.validator.isValid(property, values[name])) continue;
    const next = { ...named, [name]: values[name] };
    if (ctx.validator.isValid(schema, next)) named = next;
  }
  return named;
}

/** The item properties a client sets: all the schema declares except the identifier and readOnly ones. */
function writableProperties(
  ctx: MockContext,
  itemSchema: JsonSchema,
  identifier: string | undefined,
): Set<string> {
  const out = new Set<string>();
  for (const [name, schema] of objectProperties(itemSchema, ctx.defs)) {
    if (name !== identifier && resolveSchema(schema, ctx.defs).readOnly !== true) out.add(name);
  }
  return out;
}

/**
 * The stored copy the `create-answer-differs` fault keeps: one writable property changed (a
 * boolean flipped, a number moved by one, a string lengthened or shortened by one character),
 * the first change that leaves the item valid.
 */
function changedCopy(
  ctx: MockContext,
  stored: StoredCollection,
  item: Record<string, unknown>,
  writable: ReadonlySet<string>,
): Record<string, unknown> {
  const properties = objectProperties(stored.itemSchema, ctx.defs);
  for (const name of writable) {
    const value = item[name];
    const types = schemaTypes(properties.get(name), ctx.defs);
    const variants =
      typeof value === 'boolean'
        ? [!value]
        : typeof value === 'number'
          ? [value + 1, value - 1]
          : typeof value === 'string' && !types.has('null')
            ? [`${value}x`, value.slice(0, -1)]
            : [];
    for (const variant of variants) {
      const copy = { ...item, [name]: variant };
      if (ctx.validator.isValid(stored.itemSchema, copy)) return copy;
    }
  }
  return item;
}

/**
 * A patch applied as JSON Merge Patch (RFC 7396 §2) does it: members of the patch replace those of
 * the target and objects merge member by member. `null` removes a member under
 * `application/merge-patch+json`, and is stored as null under plain JSON, as most JSON APIs do.
 */
function mergePatch(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
  merge: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null && merge) delete out[name];
    else if (isObject(value)) out[name] = mergePatch(isObject(out[name]) ? out[name] : {}, value, merge);
    else out[name] = value;
  }
  return out;
}

function pick(body: unknown, names: ReadonlySet<string>): Record<string, unknown> {
  if (!isObject(body)) return {};
  return Object.fromEntries(Object.entries(body).filter(([name]) => names.has(name)));
}

function requestJson(request: HttpRequest): unknown {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (request.body === undefined || !isJson(type)) return undefined;
  const text = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function generated(factory: BodyFactory, schema: JsonSchema, key: string): unknown[] {
  try {
    return factory.generate(schema, key, 1);
  } catch {
    return [];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
