import type { Exchange } from '@assay/model';
import { readBodyPath } from './pagination/page-view.js';
import { parsedBody } from './parsed-body.js';

/** The items of a 2xx list response, where the operation's list semantics say they are. */
export function listItems(exchange: Exchange): unknown[] | undefined {
  const list = exchange.operation.list;
  const { status } = exchange.response;
  if (list === undefined || status < 200 || status > 299) return undefined;
  const parsed = parsedBody(exchange.response);
  if (!parsed.ok) return undefined;
  const items = readBodyPath(parsed.value, list.itemsPath);
  return Array.isArray(items) ? items : undefined;
}
