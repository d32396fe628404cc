import type {
  ApiResource,
  Exchange,
  HttpRequest,
  HttpResponse,
  JsonSchema,
  Operation,
  ResourceStep,
} from '@assay/model';
import fc from 'fast-check';
import { createdId } from './created-id.js';
import { walkList } from './walk-list.js';

/** What the commands know of the resource: the ids they created and are still alive, and those deleted. */
export interface ResourceModel {
  alive: string[];
  gone: string[];
}

/** The system under test, as the commands drive it: a way to send, and the trace so far. */
export interface ResourceSystem {
  send(request: HttpRequest): Promise<HttpResponse | undefined>;
  steps: ResourceStep[];
  /** Ids created and not (successfully) deleted: what cleanup deletes. */
  created: Set<string>;
}

/** The resource and its operations, as the commands need them. */
export interface ResourcePlan {
  resource: ApiResource;
  create?: Operation;
  list?: Operation;
  read?: Operation;
  replace?: Operation;
  patch?: Operation;
  delete?: Operation;
  /** The server URL's path, which absolute `next` links and `Location` headers start with. */
  basePath: string;
  /** Positive requests of an operation (bodies for create, replace and patch). */
  requests(operation: Operation): fc.Arbitrary<HttpRequest>;
  /** The project's validator, to keep a partial PATCH body only when its schema accepts it. */
  isValid(schema: JsonSchema, value: unknown): boolean;
}

type Command = fc.AsyncCommand<ResourceModel, ResourceSystem>;

/**
 * The commands of a model-based sequence on one resource, as fast-check arbitraries: create
 * (always possible), list (a full walk), and read, replace, patch and delete of an id the
 * sequence created (preconditions over the model: nothing to act on before a create; a read may
 * also name a deleted id, to see it gone). Each command records its step in the system's trace;
 * the checks judge the trace afterwards.
 */
export function resourceCommands(plan: ResourcePlan): fc.Arbitrary<Command>[] {
  const out: fc.Arbitrary<Command>[] = [];
  const { create, list, read, replace, patch } = plan;
  if (create !== undefined)
    out.push(plan.requests(create).map((request) => new CreateCommand(plan, create, request)));
  if (list !== undefined) out.push(fc.constant(new ListCommand(plan, list)));
  if (read !== undefined)
    out.push(
      fc
        .tuple(fc.nat(3), plan.requests(read))
        .map(([pick, request]) => new ItemCommand(plan, read, 'read', pick, requiredOnly(read, request))),
    );
  if (replace !== undefined)
    out.push(
      fc
        .tuple(fc.nat(3), plan.requests(replace))
        .map(([pick, request]) => new ItemCommand(plan, replace, 'replace', pick, request)),
    );
  if (patch !== undefined)
    out.push(
      fc
        .tuple(fc.nat(3), plan.requests(patch), fc.nat())
        .map(
          ([pick, request, mask]) =>
            new ItemCommand(plan, patch, 'patch', pick, partialBody(plan, patch, request, mask)),
        ),
    );
  const remove = plan.delete;
  if (remove !== undefined)
    out.push(
      fc
        .tuple(fc.nat(3), plan.requests(remove))
        .map(
          ([pick, request]) => new ItemCommand(plan, remove, 'delete', pick, requiredOnly(remove, request)),
        ),
    );
  return out;
}

/** The request of an item operation on `id`: the generated one's query, headers and body, the path filled in. */
export function itemRequest(
  plan: ResourcePlan,
  operation: Operation,
  id: string,
  base?: HttpRequest,
): HttpRequest {
  const path = plan.resource.item.replace(`{${plan.resource.idParam}}`, encodeURIComponent(id));
  return {
    method: operation.method,
    path,
    query: base?.query ?? '',
    headers: base?.headers ?? {},
    ...(base?.body === undefined ? {} : { body: base.body }),
    operationId: operation.id,
    mode: 'positive',
  };
}

/**
 * A generated request cut to what the operation requires: its required query parameters and
 * headers, and its body. Optional ones (`expand`, `fields`, `Accept-Language`) may change the
 * representation a read returns, which the checks compare.
 */
export function requiredOnly(operation: Operation, request: HttpRequest): HttpRequest {
  const required = (where: string) =>
    new Set(
      operation.parameters.filter((p) => p.in === where && p.required).map((p) => p.name.toLowerCase()),
    );
  const query = required('query');
  const headers = required('header');
  const kept = request.query
    .split('&')
    .filter((pair) => pair !== '' && query.has(safeDecode(pair.split('=')[0] ?? '').toLowerCase()))
    .join('&');
  return {
    ...request,
    query: kept,
    headers: Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name]) => headers.has(name) || name === 'content-type' || name === 'cookie',
      ),
    ),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A PATCH that names only some fields, the case where a lost field shows: the generated body cut
 * to the members `mask` picks (at least one), kept only when the body's schema still accepts it.
 */
function partialBody(
  plan: ResourcePlan,
  operation: Operation,
  request: HttpRequest,
  mask: number,
): HttpRequest {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  const schema = operation.requestBody?.content[type]?.schema;
  if (schema === undefined || typeof request.body !== 'string' || !/json/.test(type)) return request;
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return request;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return request;
  const entries = Object.entries(body);
  const kept = entries.filter((_, i) => (mask >> i) % 2 === 1);
  const partial = Object.fromEntries(kept.length > 0 ? kept : entries.slice(0, 1));
  return plan.isValid(schema, partial) ? { ...request, body: JSON.stringify(partial) } : request;
}

/**
 * `{ representation: false }` when a write documents another answer than the read's (Magento's
 * boolean delete, ijenko's `{code}` on create): the checks then read the state from reads only.
 * Unknown (no read, or a schema-less answer) counts as the representation, as before.
 */
function representation(plan: ResourcePlan, operation: Operation): { representation?: false } {
  if (plan.read === undefined || operation === plan.read) return {};
  const read = successJsonSchema(plan.read);
  const written = successJsonSchema(operation);
  if (read === undefined || written === undefined) return {};
  return JSON.stringify(read) === JSON.stringify(written) ? {} : { representation: false };
}

/** The JSON schema of an operation's first documented 2xx answer. */
function successJsonSchema(operation: Operation): JsonSchema | undefined {
  const status = Object.keys(operation.responses)
    .filter((s) => /^2/.test(s))
    .sort()[0];
  const content = status === undefined ? undefined : operation.responses[status]?.content;
  return Object.values(content ?? {}).find((m) => /json/.test(m.mediaType))?.schema;
}

async function exchangeOf(
  system: ResourceSystem,
  operation: Operation,
  request: HttpRequest,
): Promise<Exchange | undefined> {
  const response = await system.send(request);
  return response === undefined ? undefined : { operation, request, response };
}

class CreateCommand implements Command {
  constructor(
    private readonly plan: ResourcePlan,
    private readonly operation: Operation,
    private readonly request: HttpRequest,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: ResourceModel, system: ResourceSystem): Promise<void> {
    const request = { ...this.request, path: this.plan.resource.collection, mode: 'positive' as const };
    const exchange = await exchangeOf(system, this.operation, request);
    if (exchange === undefined) return;
    const ok = exchange.response.status >= 200 && exchange.response.status < 300;
    const id = ok ? createdId(this.plan.resource, exchange.response, this.plan.basePath) : undefined;
    system.steps.push({
      action: 'create',
      exchange,
      ...(id === undefined ? {} : { id }),
      ...representation(this.plan, this.operation),
    });
    if (id !== undefined) {
      model.alive.push(id);
      model.gone = model.gone.filter((gone) => gone !== id);
      system.created.add(id);
    }
  }
  toString(): string {
    return `create ${this.request.body === undefined ? '' : String(this.request.body).slice(0, 60)}`;
  }
}

class ListCommand implements Command {
  constructor(
    private readonly plan: ResourcePlan,
    private readonly operation: Operation,
  ) {}
  check(): boolean {
    return true;
  }
  async run(_model: ResourceModel, system: ResourceSystem): Promise<void> {
    const walked = await walkList(this.plan, this.operation, (request) =>
      exchangeOf(system, this.operation, request),
    );
    if (walked !== undefined)
      system.steps.push({ action: 'list', exchange: walked.first, walk: walked.walk });
  }
  toString(): string {
    return 'list';
  }
}

class ItemCommand implements Command {
  constructor(
    private readonly plan: ResourcePlan,
    private readonly operation: Operation,
    private readonly action: 'read' | 'replace' | 'patch' | 'delete',
    private readonly pick: number,
    private readonly request?: HttpRequest,
  ) {}
  /** A read may name a deleted id too; a write needs one that is alive. */
  private candidates(model: Readonly<ResourceModel>): readonly string[] {
    return this.action === 'read' ? [...model.alive, ...model.gone] : model.alive;
  }
  check(model: Readonly<ResourceModel>): boolean {
    return this.candidates(model).length > 0;
  }
  async run(model: ResourceModel, system: ResourceSystem): Promise<void> {
    // Counted from the most recent: sequences mostly act on what they just created.
    const ids = this.action === 'read' ? [...model.gone, ...model.alive] : model.alive;
    const id = ids[ids.length - 1 - (this.pick % ids.length)] as string;
    const exchange = await exchangeOf(
      system,
      this.operation,
      itemRequest(this.plan, this.operation, id, this.request),
    );
    if (exchange === undefined) return;
    system.steps.push({ action: this.action, id, exchange, ...representation(this.plan, this.operation) });
    const ok = exchange.response.status >= 200 && exchange.response.status < 300;
    if (this.action === 'delete' && ok) {
      model.alive = model.alive.filter((alive) => alive !== id);
      model.gone.push(id);
      system.created.delete(id);
    }
  }
  toString(): string {
    return `${this.action} #${this.pick}`;
  }
}
