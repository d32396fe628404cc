import type { OrderingSyntax } from '@assay/model';

/**
 * The value of an ordering parameter that sorts by one field in one direction, written in the
 * list's ordering syntax (`-name`, `name,desc`, `name:DESC`, `name desc`); `undefined` when the
 * syntax has no way to say descending (a bare field name). The default syntax is Django's.
 */
export function orderingValue(
  field: string,
  descending: boolean,
  syntax: OrderingSyntax = 'minus',
): string | undefined {
  switch (syntax) {
    case 'minus':
      return descending ? `-${field}` : field;
    case 'comma':
      return `${field},${descending ? 'desc' : 'asc'}`;
    case 'colon':
      return `${field}:${descending ? 'DESC' : 'ASC'}`;
    case 'space':
      return `${field} ${descending ? 'desc' : 'asc'}`;
    case 'field-only':
      return descending ? undefined : field;
  }
}
