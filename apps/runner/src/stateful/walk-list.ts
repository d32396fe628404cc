import { nextPageRequest, requestKey } from '@assay/checks';
import type { Exchange, HttpRequest, ListWalk, Operation } from '@assay/model';
import type { ResourcePlan } from './resource-commands.js';

/** Pages a walk of the stateful phase may request before it is cut (and counted incomplete). */
const MAX_PAGES = 50;

/**
 * A full walk of a resource's list, as its own pagination leads (whatever the convention: `next`
 * links, page numbers, cursors, Link headers), from a first page without parameters. The walk is
 * complete only when the last page says there is no next one; a cut, a loop or an error status
 * leaves it incomplete, and the checks that need the whole list say nothing of it.
 */
export async function walkList(
  plan: ResourcePlan,
  operation: Operation,
  send: (request: HttpRequest) => Promise<Exchange | undefined>,
): Promise<{ first: Exchange; walk: ListWalk } | undefined> {
  const list = operation.list;
  if (list === undefined) return undefined;
  const idProperty = plan.resource.idProperty ?? list.identifier;
  let request: HttpRequest | undefined = {
    method: 'GET',
    path: operation.path,
    query: '',
    headers: {},
    operationId: operation.id,
    mode: 'pagination',
  };
  let first: Exchange | undefined;
  let total: number | undefined;
  const ids: string[] = [];
  const seen = new Set<string>();
  let complete = false;
  for (let page = 0; request !== undefined && page < MAX_PAGES; page++) {
    seen.add(requestKey(request));
    const exchange = await send(request);
    if (exchange === undefined) break;
    if (first === undefined) first = exchange;
    const status = exchange.response.status;
    if (status < 200 || status >= 300) break;
    let body: unknown;
    try {
      body = JSON.parse(exchange.response.body);
    } catch {
      break;
    }
    const items = at(body, list.itemsPath);
    if (!Array.isArray(items)) break;
    for (const item of items) {
      const id =
        idProperty === undefined ? undefined : (item as Record<string, unknown> | null)?.[idProperty];
      if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
    }
    if (page === 0 && list.pagination?.countPath !== undefined) {
      const count = at(body, list.pagination.countPath);
      if (typeof count === 'number') total = count;
    }
    request = nextPageRequest(exchange, { basePath: plan.basePath });
    if (request === undefined) complete = true;
    else if (seen.has(requestKey(request))) break;
  }
  if (first === undefined) return undefined;
  // A walk that found no next page has reached the end only if the list can say there is one
  // (a next link, has-more flag, Link header, page count), or if it saw as many items as its total.
  const pagination = list.pagination;
  const signals =
    pagination === undefined ||
    pagination.nextPath !== undefined ||
    pagination.hasMorePath !== undefined ||
    pagination.totalPagesPath !== undefined ||
    pagination.style === 'link-header' ||
    pagination.style === 'content-range';
  const ended = complete && (signals || (total !== undefined && ids.length >= total));
  return {
    first,
    walk: { ids, complete: ended && idProperty !== undefined, ...(total === undefined ? {} : { total }) },
  };
}

function at(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
