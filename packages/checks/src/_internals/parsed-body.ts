import type { HttpResponse } from '@assay/model';

/** A response body read as JSON: the value, or why it could not be read. */
export type ParsedBody =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'empty' | 'truncated' | 'syntax' };

const cache = new WeakMap<HttpResponse, ParsedBody>();

/**
 * The response body parsed as JSON, parsed once per response object however many checks ask:
 * parsing dominates the cost of checking a large page.
 */
export function parsedBody(response: HttpResponse): ParsedBody {
  let parsed = cache.get(response);
  if (parsed === undefined) {
    parsed = parse(response);
    cache.set(response, parsed);
  }
  return parsed;
}

function parse(response: HttpResponse): ParsedBody {
  if (response.truncated) return { ok: false, reason: 'truncated' };
  if (response.body.trim() === '') return { ok: false, reason: 'empty' };
  try {
    return { ok: true, value: JSON.parse(response.body) };
  } catch {
    return { ok: false, reason: 'syntax' };
  }
}
