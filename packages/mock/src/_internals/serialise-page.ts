import type { BodyPath } from '@assay/model';
import { readBodyPath, writeBodyPath } from './body-path.js';

// Serialising the page dominated the cost of answering a list request: the same dataset items were
// turned into JSON again for every page that held them. Each item's JSON is kept (items are never
// mutated once a dataset is built), so a page costs the small envelope plus a join.
const itemJson = new WeakMap<object, string>();

// Stands in for the items while the envelope is serialised; it cannot clash with generated data,
// and a body that holds it anyway (checked below) is serialised the plain way.
const SENTINEL = '\u0000assay-mock-page-items\u0000';
const QUOTED = JSON.stringify(SENTINEL);

/**
 * `JSON.stringify(body)`, where `items` is the array at `itemsPath` in `body`: the same text,
 * built from each item's cached JSON. Falls back to a plain `JSON.stringify` whenever the shortcut
 * could differ (the array is not at the path, or the sentinel text occurs elsewhere).
 */
export function serialisePage(body: unknown, itemsPath: BodyPath, items: readonly unknown[]): string {
  if (readBodyPath(body, itemsPath) !== items) return JSON.stringify(body);
  let list = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) list += ',';
    list += jsonOf(items[i]);
  }
  list += ']';
  if (itemsPath.length === 0) return list;
  const text = JSON.stringify(writeBodyPath(body, itemsPath, SENTINEL));
  const at = text.indexOf(QUOTED);
  if (at === -1 || text.indexOf(QUOTED, at + QUOTED.length) !== -1) return JSON.stringify(body);
  return text.slice(0, at) + list + text.slice(at + QUOTED.length);
}

/** An array element's JSON, as JSON.stringify writes it inside an array (`null` for undefined). */
function jsonOf(item: unknown): string {
  if (item === null || typeof item !== 'object') return JSON.stringify(item) ?? 'null';
  let text = itemJson.get(item);
  if (text === undefined) {
    text = JSON.stringify(item) ?? 'null';
    itemJson.set(item, text);
  }
  return text;
}
