import type { ListSemantics } from '@assay/model';
import { type OrderingKey, parseOrdering } from './ordering-oracle.js';

/**
 * The ordering keys of a parameter value, when every one of them is a documented ordering field;
 * `undefined` otherwise. Servers drop fields they do not sort by (DRF's OrderingFilter keeps only
 * its `ordering_fields`), so a sequence can only be judged against fields known to be honoured.
 */
export function judgedOrdering(
  ordering: NonNullable<ListSemantics['ordering']>,
  value: string,
): OrderingKey[] | undefined {
  const keys = parseOrdering(value);
  if (keys.length === 0 || ordering.fields.length === 0) return undefined;
  return keys.every((key) => ordering.fields.includes(key.field)) ? keys : undefined;
}
