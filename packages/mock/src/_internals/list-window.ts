import type { Pagination } from '@assay/model';
import { numericValue } from './numeric-value.js';
import { decodeCursor } from './page-cursor.js';
import { parseRange } from './parse-range.js';

/** A page a link leads to: by index for page styles, by offset for the others. */
export interface Target {
  index: number;
  offset: number;
}

/** Where a page sits: what the paginator computes, before any fault bends what is served. */
export interface ListWindow {
  /** 0-based page index (offset / size for offset styles). */
  index: number;
  offset: number;
  size: number;
  total: number;
  /** The page number as requested (page styles) or derived (offset styles). */
  page: number;
  totalPages: number;
  inRange: boolean;
}

/** Finds the requested window: by page number, by offset, by range or by cursor. */
export function listWindow(
  pagination: Pagination,
  values: ReadonlyMap<string, unknown>,
  headers: Record<string, string>,
  pool: readonly Record<string, unknown>[],
  size: number,
  identifier: string | undefined,
): ListWindow {
  const total = pool.length;
  const totalPages = Math.max(1, Math.ceil(total / size));
  const byOffset = (offset: number): ListWindow => ({
    index: Math.floor(offset / size),
    offset,
    size,
    total,
    page: pagination.firstPage + Math.floor(offset / size),
    totalPages,
    inRange: offset === 0 || offset < total,
  });
  switch (pagination.style) {
    case 'page-object':
    case 'page-number':
    case 'link-header': {
      if (pagination.pageParam === undefined) {
        const raw = values.get(pagination.offsetParam ?? pagination.cursorParam ?? '');
        const offset = numericValue(raw);
        if (offset !== undefined && pagination.offsetParam !== undefined) {
          return byOffset(Number.isInteger(offset) && offset > 0 ? offset : 0);
        }
        if (raw !== undefined && pagination.cursorParam !== undefined) {
          return byOffset(decodeCursor(raw as string, pool, identifier));
        }
      }
      const raw = pagination.pageParam === undefined ? undefined : values.get(pagination.pageParam);
      // A page before the first (0, negative) is schema-valid: serve the first page, as many servers do.
      const asked = numericValue(raw) ?? pagination.firstPage;
      const page = Math.max(asked, pagination.firstPage);
      const index = page - pagination.firstPage;
      const valid = Number.isInteger(page) && index >= 0 && index < totalPages;
      return { index, offset: Math.max(0, index) * size, size, total, page, totalPages, inRange: valid };
    }
    case 'limit-offset': {
      const raw =
        pagination.offsetParam === undefined ? undefined : numericValue(values.get(pagination.offsetParam));
      return byOffset(raw !== undefined && Number.isInteger(raw) && raw > 0 ? raw : 0);
    }
    case 'content-range': {
      const range = parseRange(headers.range);
      if (range !== undefined) return byOffset(range.start);
      const raw =
        pagination.offsetParam === undefined ? undefined : numericValue(values.get(pagination.offsetParam));
      return byOffset(raw !== undefined && Number.isInteger(raw) && raw > 0 ? raw : 0);
    }
    case 'cursor': {
      const raw = pagination.cursorParam === undefined ? undefined : values.get(pagination.cursorParam);
      return byOffset(
        typeof raw === 'string' || typeof raw === 'number' ? decodeCursor(raw, pool, identifier) : 0,
      );
    }
  }
}
