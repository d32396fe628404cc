import {
  nextPageRequest,
  orderingValue,
  pageSizeVariantRequest,
  pastLastPageRequest,
  requestKey,
  unfilteredRequest,
} from '@assay/checks';
import type { Exchange, HttpRequest, JsonSchema, Operation, Walk } from '@assay/model';
import type { SeenValues } from './engine-kit.js';

/** Pages a walk may request before it is cut (a walk that does not end is itself reported). */
export const maxWalkPages = 50;

/** Sends one request of the list phase; undefined when no usable response came back. */
export type SendExchange = (request: HttpRequest) => Promise<Exchange | undefined>;

/** What the list phase made: every exchange in the order sent, and the walks they form, recorded as they were walked. */
export interface ListSequence {
  exchanges: Exchange[];
  walks: Walk[];
}

/**
 * Phase 4 of a list operation: the exchanges the sequence checks judge together. In order: a walk
 * from the first page; a walk with another page size; the page past the last; walks ordered by the
 * first two ordering fields, both ways; a walk per equality filter with a value seen in earlier
 * responses, and per search term taken from a seen value (after the unfiltered walk, for the subset
 * law). Walks follow `next` and stop at the end, at a loop (a request already sent in the walk) or at
 * {@link maxWalkPages}. The first page carries only the required parameters: from their examples,
 * else from `accepted`, a request of the operation the server answered with a 2xx (path parameters
 * included); without either, there is no known-valid first page and no sequence. Each walk is
 * recorded as it is made, with the probe past its last page, so the sequence checks read walks as
 * data.
 */
export async function listSequence(
  operation: Operation,
  seen: () => SeenValues,
  send: SendExchange,
  options: {
    basePath: string;
    isAborted: () => boolean;
    isValid: (schema: JsonSchema, value: unknown) => boolean;
    accepted?: HttpRequest;
  },
): Promise<ListSequence> {
  const list = operation.list;
  const base =
    list === undefined
      ? undefined
      : (firstPageRequest(operation) ??
        (options.accepted === undefined ? undefined : requiredOnly(operation, options.accepted)));
  if (list === undefined || base === undefined) return { exchanges: [], walks: [] };
  // The pairs a convention needs on every walk: the page parameter that turns paging on (json-server
  // v1), or the request for a count (Directus meta=filter_count, OData $count=true).
  const walkBase = withWalkQuery(base, list.pagination?.walkQuery);
  const all: Exchange[] = [];
  const walks: { pages: Exchange[]; pastLast: Exchange[] }[] = [];
  const walked = new Set<string>();

  const walkFrom = async (start: HttpRequest): Promise<Exchange[]> => {
    const pages: Exchange[] = [];
    if (walked.has(requestKey(start))) return pages;
    walked.add(requestKey(start));
    const keys = new Set<string>();
    let request: HttpRequest | undefined = start;
    while (request !== undefined && pages.length < maxWalkPages && !options.isAborted()) {
      keys.add(requestKey(request));
      const exchange = await send({ ...request, mode: 'pagination' });
      if (exchange === undefined) break;
      pages.push(exchange);
      all.push(exchange);
      request = nextPageRequest(exchange, { basePath: options.basePath });
      if (request !== undefined && keys.has(requestKey(request))) break;
    }
    if (pages.length > 0) walks.push({ pages, pastLast: [] });
    return pages;
  };

  const walk = await walkFrom(walkBase);
  const first = walk[0];
  if (first !== undefined) {
    const variant = pageSizeVariantRequest(first);
    if (variant !== undefined) await walkFrom(variant);
  }
  const last = walk.at(-1);
  if (last !== undefined && !options.isAborted()) {
    const past = pastLastPageRequest(last, { basePath: options.basePath });
    if (past !== undefined) {
      const exchange = await send({ ...past, mode: 'pagination' });
      if (exchange !== undefined) {
        all.push(exchange);
        walks[0]!.pastLast.push(exchange); // the first walk's record: `last` is its last page
      }
    }
  }
  const schemaOf = (name: string) =>
    operation.parameters.find((p) => p.in === 'query' && p.name === name)?.schema;
  if (list.ordering !== undefined) {
    // Only orderings the parameter accepts: `-field` is Django's descending form, but an enum of
    // plain field names (GitHub's `sort` with a separate `direction`) does not take it.
    const schema = schemaOf(list.ordering.param);
    for (const field of list.ordering.fields.slice(0, 2)) {
      for (const descending of [false, true]) {
        // In the list's syntax (`-name`, `name,desc`, `name:DESC`, `name desc`); Django's when unknown.
        const value = orderingValue(field, descending, list.ordering.syntax);
        if (value !== undefined && (schema === undefined || options.isValid(schema, value))) {
          await walkFrom(withQuery(walkBase, list.ordering.param, value));
        }
      }
    }
  }
  const probes: HttpRequest[] = [];
  // A probe is a valid request: a seen value is used only if the parameter's schema accepts it (an
  // item property and the filter named after it may still be typed differently).
  for (const filter of list.filters.slice(0, 8)) {
    const schema = schemaOf(filter.param);
    const value = seen()[filter.property]?.find(
      (v) =>
        v !== null &&
        typeof v !== 'object' &&
        v !== '' &&
        encodable(String(v)) &&
        (schema === undefined || options.isValid(schema, v)),
    );
    if (value !== undefined) probes.push(withQuery(walkBase, filter.param, String(value)));
  }
  if (list.search !== undefined) {
    const schema = schemaOf(list.search.param);
    const term = searchTerm(seen(), list.identifier);
    if (term !== undefined && (schema === undefined || options.isValid(schema, term))) {
      probes.push(withQuery(walkBase, list.search.param, term));
    }
  }
  for (const probe of probes) {
    const pages = await walkFrom(probe);
    const head = pages[0];
    const unfiltered = head === undefined ? undefined : unfilteredRequest(head);
    // Dropping a filter the operation requires would make an invalid request, not a baseline.
    if (unfiltered !== undefined && keepsRequired(operation, unfiltered)) await walkFrom(unfiltered);
  }
  return { exchanges: all, walks };
}

/**
 * The first page with only the required parameters, filled from their examples; undefined when
 * one has no usable example.
 */
function firstPageRequest(operation: Operation): HttpRequest | undefined {
  if (/\{[^}]+\}/.test(operation.path)) return undefined;
  let request: HttpRequest = {
    method: operation.method,
    path: operation.path,
    query: '',
    headers: {},
    operationId: operation.id,
    mode: 'pagination',
  };
  for (const parameter of operation.parameters) {
    if (!parameter.required) continue;
    const example = parameter.examples[0];
    if (
      parameter.in !== 'query' ||
      example === undefined ||
      (typeof example === 'object' && example !== null)
    ) {
      return undefined;
    }
    request = withQuery(request, parameter.name, String(example));
  }
  return request;
}

/** The parameter a `name=value` pair belongs to: `filter[a]=1` (deepObject) belongs to `filter`. */
function parameterNameOf(pair: string): string {
  let name: string;
  try {
    name = decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' '));
  } catch {
    return '';
  }
  const bracket = name.indexOf('[');
  return bracket > 0 ? name.slice(0, bracket) : name;
}

/** True when every required query parameter is still in the request. */
function keepsRequired(operation: Operation, request: HttpRequest): boolean {
  const names = new Set(
    request.query
      .split('&')
      .filter((pair) => pair !== '')
      .map(parameterNameOf),
  );
  return operation.parameters.every((p) => p.in !== 'query' || !p.required || names.has(p.name));
}

/** An accepted request cut down to the parameters the operation requires (path and headers kept). */
function requiredOnly(operation: Operation, accepted: HttpRequest): HttpRequest {
  const required = new Set(
    operation.parameters.filter((p) => p.in === 'query' && p.required).map((p) => p.name),
  );
  const query = accepted.query
    .split('&')
    .filter((pair) => pair !== '' && required.has(parameterNameOf(pair)))
    .join('&');
  const { authorization: _credentials, ...headers } = accepted.headers;
  return { ...accepted, query, headers, mode: 'pagination' };
}

/** The request with each `name=value` pair of a walk query set (replacing what the request had). */
function withWalkQuery(request: HttpRequest, walkQuery: string | undefined): HttpRequest {
  if (walkQuery === undefined) return request;
  let out = request;
  for (const [name, value] of new URLSearchParams(walkQuery)) out = withQuery(out, name, value);
  return out;
}

/** Sets one query parameter, replacing the values it had. */
function withQuery(request: HttpRequest, name: string, value: string): HttpRequest {
  const kept = request.query.split('&').filter((pair) => pair !== '' && parameterNameOf(pair) !== name);
  kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return { ...request, query: kept.join('&') };
}

/** True when a value can travel in a URL: a string with a lone surrogate cannot be percent-encoded. */
function encodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** A search term: the first word-like seen string of a property other than the identifier, cut to 4 characters. */
function searchTerm(seen: SeenValues, identifier: string | undefined): string | undefined {
  for (const [name, values] of Object.entries(seen)) {
    if (name === identifier) continue;
    const text = values.find(
      (v): v is string => typeof v === 'string' && /^[\p{L}][\p{L}\p{N} _-]{2,}$/u.test(v),
    );
    // By code points: cutting by UTF-16 units could split a surrogate pair into an unsendable string.
    if (text !== undefined) return [...text].slice(0, 4).join('').trim();
  }
  return undefined;
}
