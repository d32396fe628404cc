import type { Pagination } from '@assay/model';
import { numericValue } from './numeric-value.js';
import { parseRange } from './parse-range.js';

/** The page size asked for: a positive integer, or undefined for the default (as DRF reads it). */
export function readPageSize(
  pagination: Pagination,
  values: ReadonlyMap<string, unknown>,
  headers: Record<string, string>,
): number | undefined {
  if (pagination.style === 'content-range') {
    const range = parseRange(headers.range);
    if (range !== undefined && range.end !== undefined) return range.end - range.start + 1;
  }
  const param =
    pagination.style === 'limit-offset' || pagination.style === 'content-range'
      ? (pagination.limitParam ?? pagination.pageSizeParam)
      : (pagination.pageSizeParam ?? pagination.limitParam);
  const value = param === undefined ? undefined : numericValue(values.get(param));
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}
