import type { JsonSchema, Ordering, OrderingSyntax, Parameter } from '@assay/model';
import {
  type Defs,
  enumValues,
  isNullable,
  isReadOnly,
  resolve,
  type Shape,
  scalarType,
} from './schema-shape.js';

export const ORDERING_PARAMS = [
  'ordering',
  'order_by',
  'orderBy',
  'sort',
  'sort_by',
  'sortBy',
  'order',
  '_sort',
  '$orderby',
];

/**
 * The ordering of a list: the parameter (the convention's first, else a common name), its fields
 * (the parameter's enum, found through `$ref`, `allOf`, `anyOf` and array items, with the direction
 * written off; else the item's scalar properties that are neither boolean, nullable nor read-only,
 * the identifier excepted), and the syntax (the convention's, else what the enum's values show).
 */
export function orderingOf(
  query: Map<string, Parameter>,
  item: Shape | undefined,
  identifier: string | undefined,
  defs: Defs,
  convention: { params: readonly string[]; syntax: OrderingSyntax } | undefined,
): { ordering?: Ordering; param?: string; unresolved?: string } {
  const conventional = convention?.params.map((name) => query.get(name)).find((p) => p !== undefined);
  const param = conventional ?? ORDERING_PARAMS.map((name) => query.get(name)).find((p) => p !== undefined);
  if (param === undefined) return {};
  const values = orderingEnum(param.schema, defs);
  const syntax =
    conventional !== undefined ? convention!.syntax : values === undefined ? undefined : syntaxOf(values);
  let fields: string[];
  if (values !== undefined) {
    fields = [...new Set(values.map((v) => fieldOf(v, syntax ?? 'minus')))].filter((v) => v !== '');
  } else if (item !== undefined) {
    fields = Object.keys(item.properties).filter((name) => {
      const declared = item.properties[name]!;
      const property = resolve(declared, defs);
      const type = scalarType(property, defs);
      // Read-only values are mostly computed by the server and cannot be ordered on (DRF leaves
      // serializer-method fields out); the identifier is the exception.
      const computed = name !== identifier && (isReadOnly(declared) || isReadOnly(property));
      return type !== undefined && type !== 'boolean' && !computed && !isNullable(declared, defs);
    });
  } else fields = [];
  if (fields.length === 0)
    return {
      param: param.name,
      unresolved: `ordering parameter ${param.name}: no fields found (no enum, no item properties)`,
    };
  return {
    param: param.name,
    ordering: { param: param.name, fields, ...(syntax === undefined ? {} : { syntax }) },
  };
}

function orderingEnum(schema: JsonSchema, defs: Defs): string[] | undefined {
  const s = resolve(schema, defs);
  const values =
    enumValues(s, defs) ??
    (typeof s === 'object' && s.items !== undefined ? enumValues(s.items, defs) : undefined);
  return values?.filter((v): v is string => typeof v === 'string');
}

/** The syntax an enum of ordering values shows: `-name`, `name,desc`, `name:desc`, `name desc`; `undefined` when it shows none. */
function syntaxOf(values: readonly string[]): OrderingSyntax | undefined {
  if (values.some((v) => /^-\w/.test(v))) return 'minus';
  if (values.some((v) => /^[^,\s]+,(asc|desc)$/i.test(v))) return 'comma';
  if (values.some((v) => /^[^:\s]+:(asc|desc)$/i.test(v))) return 'colon';
  if (values.some((v) => /^\S+\s+(asc|desc)$/i.test(v))) return 'space';
  return undefined;
}

function fieldOf(value: string, syntax: OrderingSyntax): string {
  switch (syntax) {
    case 'minus':
      return value.replace(/^[-+]/, '');
    case 'comma':
      return value.replace(/,(asc|desc)$/i, '');
    case 'colon':
      return value.replace(/:(asc|desc)$/i, '');
    case 'space':
      return value.replace(/\s+(asc|desc)$/i, '');
    case 'field-only':
      return value;
  }
}
