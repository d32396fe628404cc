import type { Operation } from '@assay/model';
import { type Defs, resolve, type Shape, scalarType, shapeOf } from './schema-shape.js';

const IDENTIFIERS = ['pk', 'id', 'uuid', 'uid', '_id', 'guid'];

/**
 * The property that identifies an item of a list, and how it was found:
 * 1. the first of `pk`, `id`, `uuid`, `uid`, `_id`, `guid` the item requires, typed string or integer;
 * 2. the path parameter of the sibling item operation (`GET /pets/{petId}` beside `GET /pets`):
 *    the property of that name, or `id` for `petId`/`pet_id`, or `metadata.name` for Kubernetes' `{name}`;
 * 3. the first of those names the item has at all, typed string, integer or number (generated specs
 *    often leave `id` optional or type it as a number).
 * `undefined` when none fits: checks then compare whole items.
 */
export function identifierOf(
  item: Shape,
  defs: Defs,
  list: Operation,
  operations: readonly Operation[],
): { identifier: string; from: 'name' | 'item-operation' | 'optional-name' } | undefined {
  const typed = (schema: unknown, numbers: boolean) => {
    const type = scalarType(resolve(schema as never, defs), defs);
    return type === 'string' || type === 'integer' || (numbers && type === 'number');
  };
  const required = IDENTIFIERS.find(
    (name) =>
      item.required.has(name) && item.properties[name] !== undefined && typed(item.properties[name], false),
  );
  if (required !== undefined) return { identifier: required, from: 'name' };
  const param = itemOperationParameter(list, operations);
  if (param !== undefined) {
    const candidates = [param, param.replace(/(_id|Id|ID)$/, '') === param ? undefined : 'id'].filter(
      (c): c is string => c !== undefined,
    );
    for (const name of candidates)
      if (item.properties[name] !== undefined && typed(item.properties[name], true))
        return { identifier: name, from: 'item-operation' };
    const metadata =
      item.properties.metadata === undefined ? undefined : shapeOf(item.properties.metadata, defs);
    if (metadata?.properties[param] !== undefined && typed(metadata.properties[param], false))
      return { identifier: `metadata.${param}`, from: 'item-operation' };
  }
  const optional = IDENTIFIERS.find(
    (name) => item.properties[name] !== undefined && typed(item.properties[name], true),
  );
  return optional === undefined ? undefined : { identifier: optional, from: 'optional-name' };
}

/** The last path parameter of the GET one segment below the list (`/pets/{petId}` for `/pets`). */
function itemOperationParameter(list: Operation, operations: readonly Operation[]): string | undefined {
  const base = list.path.replace(/\/$/, '');
  for (const op of operations) {
    if (op.method !== 'GET' || op === list) continue;
    const m = /^(.*)\/\{([^}]+)\}\/?$/.exec(op.path);
    if (m !== null && m[1] === base) return m[2];
  }
  return undefined;
}
