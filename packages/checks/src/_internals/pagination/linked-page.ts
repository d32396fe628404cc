import { intParam, queryParam } from '../query-string.js';

/** The page number a link points at (its page parameter; the first page when it has none). */
export function linkedPage(link: string, param: string, first: number): number | undefined {
  try {
    const url = new URL(link, 'http://relative.invalid/');
    const raw = queryParam(url.search, param);
    return raw === undefined ? first : intParam(raw);
  } catch {
    return undefined;
  }
}
