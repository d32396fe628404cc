import type { HttpRequest, Operation } from '@assay/model';
import { bodyFactory } from './body-factory.js';
import { breakSchema } from './break-schema.js';
import type { Dataset } from './build-dataset.js';
import { datasetStore } from './dataset-store.js';
import { documentedHeaders } from './documented-headers.js';
import type { InputProblem } from './input-problem.js';
import { isAuthorized } from './is-authorized.js';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { isJson, parseBody } from './parse-body.js';
import { parseParameters } from './parse-parameters.js';
import { parseQuery } from './parse-query.js';
import {
  concreteMediaType,
  errorResponse,
  type ResponseChoice,
  responseMedia,
  successResponse,
} from './response-choice.js';
import { type RouteMatch, routeTable } from './route-table.js';
import { serveList } from './serve-list.js';
import { resourceRoutes, serveWrite } from './serve-write.js';

/** The path that resets the mock's datasets to the seed (`POST`), unless the spec has an operation there. */
export const RESET_PATH = '/__assay/reset';

/** The mock's request handler, and the door to its store. */
export interface MockHandler {
  (request: HttpRequest): MockReply;
  /** Forgets every write: the datasets are the seeded ones again. */
  reset(): void;
}

/**
 * The mock's one request handler, shared by both transports so that they cannot disagree: route,
 * authenticate, validate, serve (a list with real semantics, or an example), then bend the answer
 * if a response fault is on.
 */
export function mockHandler(ctx: MockContext): MockHandler {
  const routes = routeTable(ctx.api);
  const factory = bodyFactory(ctx);
  const store = datasetStore(ctx, factory);
  const writes = resourceRoutes(ctx.api);
  const itemOwners = itemOperations(ctx.api.operations);
  const datasetOf = (operation: Operation): Dataset => store.ofList(operation).dataset;
  /** What a list serves: the store's items, less the created ones when the `create-not-listed` fault hides them. */
  const listed = (operation: Operation): Dataset => {
    const stored = store.ofList(operation);
    const identifier = stored.identifier;
    if (!ctx.faults.has('create-not-listed') || identifier === undefined) return stored.dataset;
    return {
      items: stored.dataset.items.filter((item) => !stored.created.has(String(item[identifier]))),
      hidden: stored.dataset.hidden,
    };
  };

  const reply = (
    operation: Operation,
    choice: ResponseChoice,
    message: string,
    field?: string,
  ): MockReply => {
    const body = factory.error(operation, choice, message, field);
    const media = responseMedia(choice.spec);
    if (body === undefined || media === undefined) {
      if (choice.spec !== undefined) return { status: choice.status, headers: {}, body: '' };
      return json(choice.status, { detail: message });
    }
    return {
      status: choice.status,
      headers: { 'content-type': concreteMediaType(media.mediaType) },
      body: serialise(media.mediaType, body.value),
    };
  };

  const invalid = (operation: Operation, problems: readonly InputProblem[]): MockReply => {
    const message = problems.map((p) => p.message).join('; ');
    const [first] = problems;
    if (ctx.faults.has('undocumented-status')) {
      const status = [422, 409, 418].find((s) => operation.responses[String(s)] === undefined) ?? 418;
      return json(status, { detail: message });
    }
    const choice = errorResponse(operation, [400, 422], { anyClientError: true, fallback: true }) ?? {
      status: 400,
    };
    return reply(operation, choice, message, first?.location === 'body' ? undefined : first?.name);
  };

  const serve = (request: HttpRequest, found: RouteMatch): MockReply => {
    const { operation, pathParams } = found;
    const query = parseQuery(request.query);

    if (ctx.faults.has('server-error-on-input') && crashes(query)) {
      return json(500, { detail: 'A server error occurred.' });
    }
    if (!ctx.faults.has('ignored-auth') && !isAuthorized(ctx, operation, request, query)) {
      const choice = errorResponse(operation, [401, 403], { anyClientError: false, fallback: true }) ?? {
        status: 401,
      };
      return reply(operation, choice, 'Authentication credentials were not provided or are not valid.');
    }
    const parsed = parseParameters(ctx, operation.parameters, request, query, pathParams);
    const problems = [...parsed.problems, ...parseBody(ctx, operation, request)];
    if (problems.length > 0 && !ctx.faults.has('accepts-invalid-input')) return invalid(operation, problems);
    if (ctx.faults.has('rejects-valid-input')) {
      const rejected = rejectsValid(operation, parsed.values);
      if (rejected !== undefined) return invalid(operation, [rejected]);
    }

    const write = writes.get(operation.id);
    if (write !== undefined) {
      const notFound = (): MockReply => {
        const choice = errorResponse(operation, [404], { anyClientError: false, fallback: true }) ?? {
          status: 404,
        };
        return reply(operation, choice, 'Not found.');
      };
      const answer = serveWrite(ctx, factory, store, {
        operation,
        route: write,
        request,
        pathParams,
        notFound,
        documentedNotFound: () => {
          const choice = errorResponse(operation, [404], { anyClientError: false, fallback: false });
          return choice === undefined ? undefined : reply(operation, choice, 'Not found.');
        },
      });
      if (answer !== undefined) return answer;
    }
    if (operation.list !== undefined) {
      return serveList(ctx, factory, {
        operation,
        list: operation.list,
        dataset: listed(operation),
        seeded: store.ofList(operation).seeded,
        values: parsed.values,
        query,
        selfUrl: `http://${request.headers.host ?? 'localhost'}${request.path}`,
        headers: request.headers,
      });
    }
    const choice = successResponse(operation);
    const media = responseMedia(choice.spec);
    const owner = itemOwners.get(operation.id);
    if (owner !== undefined && media !== undefined && owner.list !== undefined) {
      // A fetch by identifier: the item of the list's dataset, or the documented 404.
      const identifier = owner.list.identifier as string;
      const wanted = Object.values(pathParams)[0] ?? '';
      const item = datasetOf(owner).items.find(
        (candidate) => String(candidate[identifier]) === safeDecode(wanted),
      );
      if (item !== undefined && ctx.validator.isValid(media.schema, item)) {
        return {
          status: choice.status,
          headers: { 'content-type': concreteMediaType(media.mediaType) },
          body: serialise(media.mediaType, item),
        };
      }
      const notFound = errorResponse(operation, [404], { anyClientError: false, fallback: false });
      if (item === undefined && notFound !== undefined) return reply(operation, notFound, 'Not found.');
    }
    const example = factory.example(operation, choice);
    if (media === undefined || example === undefined) return { status: choice.status, headers: {}, body: '' };
    return {
      status: choice.status,
      headers: { 'content-type': concreteMediaType(media.mediaType) },
      body: serialise(media.mediaType, example.value),
    };
  };

  const headerValues = new Map<string, string | undefined>();
  const answerRouted = (request: HttpRequest, found: RouteMatch): MockReply => {
    let answer: MockReply;
    try {
      answer = serve(request, found);
    } catch (error) {
      // A schema the generators cannot satisfy: say so rather than break the transport.
      answer = json(500, { detail: `The mock cannot answer: ${(error as Error).message}` });
    }
    const selfUrl = `http://${request.headers.host ?? 'localhost'}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
    documentedHeaders(ctx, factory, found.operation, answer, headerValues, selfUrl);
    if (ctx.faults.has('schema-break') && answer.status >= 200 && answer.status < 300) {
      breakSchema(ctx, found.operation, answer);
    }
    return answer;
  };

  const handle = (request: HttpRequest): MockReply => {
    if (
      request.method === 'POST' &&
      request.path === RESET_PATH &&
      routes.match('POST', RESET_PATH) === 404
    ) {
      store.reset();
      return { status: 204, headers: { 'content-length': '0' }, body: '' };
    }
    // HEAD is GET without the body (RFC 9110 §9.3.2), unless the spec describes it itself.
    let found = routes.match(request.method, request.path);
    const head = request.method === 'HEAD';
    if (head && typeof found !== 'object') found = routes.match('GET', request.path);
    const answer =
      found === 404
        ? json(404, { detail: 'Not found.' })
        : found === 405
          ? withAllow(
              json(405, { detail: `Method "${request.method}" not allowed.` }),
              routes.allowed(request.path),
            )
          : answerRouted(request, found);
    if (ctx.faults.has('wrong-content-type') && answer.headers['content-type'] !== undefined) {
      answer.headers['content-type'] = 'text/html; charset=utf-8';
    }
    answer.headers['content-length'] = String(Buffer.byteLength(answer.body));
    if (head) answer.body = '';
    return answer;
  };
  return Object.assign(handle, { reset: () => store.reset() });
}

/** RFC 9110 §15.5.6: a 405 MUST list the target's supported methods in `Allow`. */
function withAllow(reply: MockReply, methods: readonly string[]): MockReply {
  reply.headers.allow = methods.join(', ');
  return reply;
}

function json(status: number, value: unknown): MockReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function serialise(mediaType: string, value: unknown): string {
  if (!isJson(concreteMediaType(mediaType)) && typeof value === 'string') return value;
  return JSON.stringify(value);
}

const PLAIN = /^[A-Za-z0-9_.-]*$/;

/** The input the `server-error-on-input` fault chokes on. */
function crashes(query: Map<string, string[]>): boolean {
  for (const values of query.values()) {
    for (const value of values) {
      if (!PLAIN.test(value)) return true;
      if (value !== '' && Number.isFinite(Number(value)) && Number(value) <= 0) return true;
    }
  }
  return false;
}

/** The valid input the `rejects-valid-input` fault refuses. */
function rejectsValid(operation: Operation, values: ReadonlyMap<string, unknown>): InputProblem | undefined {
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query') continue;
    const value = values.get(parameter.name);
    if (value === false || (typeof value === 'number' && Number.isInteger(value) && value > 100)) {
      return {
        location: 'query',
        name: parameter.name,
        message: `${parameter.name}: ${String(value)} is not allowed`,
      };
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Pairs each fetch-one operation (`GET /stages/{id}/`) with the list whose items it fetches
 * (`GET /stages/`): one path parameter appended to the list's path, and a list identifier.
 */
function itemOperations(operations: readonly Operation[]): Map<string, Operation> {
  const trim = (path: string) => path.replace(/\/+$/, '');
  const lists = new Map<string, Operation>();
  for (const operation of operations) {
    if (operation.method === 'GET' && operation.list?.identifier !== undefined)
      lists.set(trim(operation.path), operation);
  }
  const out = new Map<string, Operation>();
  for (const operation of operations) {
    if (operation.method !== 'GET' || operation.list !== undefined) continue;
    const m = /^(.*)\/\{[^}/]+\}$/.exec(trim(operation.path));
    const owner = m === null ? undefined : lists.get(m[1] ?? '');
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    if (owner !== undefined && pathParams.length === 1 && !/\{/.test(m?.[1] ?? ''))
      out.set(operation.id, owner);
  }
  return out;
}
