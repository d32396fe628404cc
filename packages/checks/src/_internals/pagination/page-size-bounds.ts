import type { PageView } from './page-view.js';

/**
 * What one page alone tells about the page size the server used: at least the items it holds, at
 * most what was asked for and what the spec allows. A server may cap a requested size, so the
 * request gives an upper bound, never the size itself.
 */
export function pageSizeBounds(page: PageView): { min: number; max: number } {
  const n = page.items?.length ?? 0;
  let max = Number.POSITIVE_INFINITY;
  if (page.requestedSize !== undefined && page.requestedSize > 0) max = Math.min(max, page.requestedSize);
  if (page.pagination.maxPageSize !== undefined)
    max = Math.max(Math.min(max, page.pagination.maxPageSize), n);
  return { min: Math.max(1, n), max };
}

/** Whether some page size in [min, max] gives `totalPages` pages for `count` items (at least one page). */
export function totalPagesFeasible(count: number, totalPages: number, min: number, max: number): boolean {
  if (count === 0) return totalPages === 1;
  if (totalPages < 1) return false;
  // ceil(count / ps) === totalPages  <=>  ps in [ceil(count / T), ceil(count / (T - 1)) - 1]
  const lo = Math.ceil(count / totalPages);
  const hi = totalPages === 1 ? Number.POSITIVE_INFINITY : Math.ceil(count / (totalPages - 1)) - 1;
  return Math.max(lo, min) <= Math.min(hi, max);
}

/** `max(1, ceil(count / size))`: the page count Django's paginator (and most others) reports. */
export function expectedTotalPages(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}
