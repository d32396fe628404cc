import type { JsonSchema, Operation } from '@assay/model';
import { type OrderingKey, parseOrdering } from './ordering-oracle.js';

/**
 * The ordering keys of a parameter value, when every one of them is an ordering field the server
 * is known to honour; `undefined` otherwise. Servers drop fields they do not sort by (DRF's
 * OrderingFilter keeps only its `ordering_fields` and serves its default order), so only these
 * are judged: the fields the ordering parameter documents in its enum (or its items' enum), and,
 * for a parameter without an enum (whose fields the loader guessed from the item schema), the
 * `honoured` ones: fields the server was seen to sort by in both directions (see
 * `honouredOrderingFields`). A real DRF server ignoring `ordering=pk` broke no promise.
 */
export function judgedOrdering(
  operation: Operation,
  value: string,
  honoured: ReadonlySet<string> = NONE,
): OrderingKey[] | undefined {
  const ordering = operation.list?.ordering;
  if (ordering === undefined) return undefined;
  const keys = parseOrdering(value, ordering.syntax);
  if (keys.length === 0 || ordering.fields.length === 0) return undefined;
  if (!keys.every((key) => ordering.fields.includes(key.field))) return undefined;
  if (documentsOrderingFields(operation)) return keys;
  return keys.every((key) => honoured.has(key.field)) ? keys : undefined;
}

const NONE: ReadonlySet<string> = new Set();
// A pure function of the operation, asked for every exchange that carries an ordering.
const documents = new WeakMap<Operation, boolean>();

/** The ordering parameter lists its values in an enum, so its fields are promised, not guessed. */
export function documentsOrderingFields(operation: Operation): boolean {
  let known = documents.get(operation);
  if (known === undefined) {
    known = findsOrderingEnum(operation);
    documents.set(operation, known);
  }
  return known;
}

function findsOrderingEnum(operation: Operation): boolean {
  const ordering = operation.list?.ordering;
  if (ordering === undefined) return false;
  const param = operation.parameters.find((p) => p.in === 'query' && p.name === ordering.param);
  return param !== undefined && hasEnum(param.schema);
}

/** An inline enum on the schema or its items; a `$ref`'d enum cannot be told apart here and counts as none. */
function hasEnum(schema: JsonSchema): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema.enum)) return true;
  const items = schema.items;
  return typeof items === 'object' && items !== null && !Array.isArray(items) && Array.isArray(items.enum);
}
