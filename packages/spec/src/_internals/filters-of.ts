import type { JsonSchema, Parameter, QueryFilter } from '@assay/model';
import { type Defs, enumValues, hasEnumBranch, resolve, type Shape, scalarType } from './schema-shape.js';

// Paging and time-window parameters are never filters, even where an item happens to have a property
// of the same name (a push event's `before` SHA is not what `?before=` means).
const NOT_FILTERS = new Set([
  'page',
  'page_size',
  'per_page',
  'limit',
  'offset',
  'cursor',
  'after',
  'before',
  'since',
  'until',
  'starting_after',
  'ending_before',
]);
// Parameter values that mean "no filter" rather than "equal to this".
const CATCH_ALL = new Set(['all', 'any', '*', 'none', '']);

/**
 * Query parameters named exactly like a scalar item property: `equality` for boolean, enum, uuid
 * and integer properties, `text` for other strings. Left out: numbers, arrays and objects; paging
 * and time-window names; parameters whose enum or default has a catch-all (`all`, `any`) or a
 * value the property's own enum lacks.
 */
export function filtersOf(
  query: Map<string, Parameter>,
  reserved: Set<string>,
  item: Shape,
  defs: Defs,
): QueryFilter[] {
  const filters: QueryFilter[] = [];
  for (const param of query.values()) {
    if (reserved.has(param.name) || NOT_FILTERS.has(param.name) || item.properties[param.name] === undefined)
      continue;
    const paramType = scalarType(resolve(param.schema, defs), defs);
    const property = resolve(item.properties[param.name]!, defs);
    const propertyType = scalarType(property, defs);
    if (paramType === undefined || propertyType === undefined) continue;
    // A parameter typed unlike the property is not a plain filter on it (e.g. a string `created` range).
    const numeric = (t: string) => t === 'integer' || t === 'number';
    if (paramType !== propertyType && !(numeric(paramType) && numeric(propertyType))) continue;
    const object = typeof property === 'object' ? property : {};
    if (!valuesFit(resolve(param.schema, defs), property, defs)) continue;
    const enumerated = Array.isArray(object.enum) || hasEnumBranch(property, defs);
    if (
      propertyType === 'boolean' ||
      propertyType === 'integer' ||
      enumerated ||
      (propertyType === 'string' && object.format === 'uuid')
    ) {
      filters.push({ param: param.name, property: param.name, kind: 'equality' });
    } else if (propertyType === 'string' && object.format === undefined) {
      filters.push({ param: param.name, property: param.name, kind: 'text' });
    }
  }
  return filters;
}

/**
 * Whether every value the parameter documents is a value the property can hold. A parameter whose
 * enum or default has a catch-all (`state=all`) or values the property's enum lacks does not filter
 * by equality on that property, so a check built on it would be wrong.
 */
function valuesFit(param: JsonSchema, property: JsonSchema, defs: Defs): boolean {
  if (typeof param !== 'object') return true;
  const documented = [
    ...(Array.isArray(param.enum) ? param.enum : []),
    ...(param.default === undefined ? [] : [param.default]),
  ];
  if (documented.some((v) => typeof v === 'string' && CATCH_ALL.has(v.toLowerCase()))) return false;
  const allowed = enumValues(property, defs);
  return allowed === undefined || documented.every((v) => allowed.includes(v));
}
