import type { HttpResponse } from '@assay/model';

/** A response body read as JSON: the value, or why it could not be read. */
export type ParsedBody =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'empty' | 'truncated' | 'syntax' };

// Parsing dominates the cost of checking a page, so each body is parsed once however many checks
// read it: the last one is kept (the exchange checks of one exchange run one after another), and
// inside `withParsedBodies` every body is kept until the call returns (a sequence check reads each
// page several times). No WeakMap: entries in one keep large parsed bodies alive across minor
// garbage collections, which cost more than the parse itself.
let lastResponse: HttpResponse | undefined;
let lastParsed: ParsedBody = { ok: false, reason: 'empty' };
let scope: Map<HttpResponse, ParsedBody> | undefined;

/** The response body parsed as JSON, parsed once per response object (see above). */
export function parsedBody(response: HttpResponse): ParsedBody {
  if (response === lastResponse) return lastParsed;
  let parsed = scope?.get(response);
  if (parsed === undefined) {
    parsed = parse(response);
    scope?.set(response, parsed);
  }
  lastResponse = response;
  lastParsed = parsed;
  return parsed;
}

/** Runs `work` with every body it parses kept until it returns. Re-entrant. */
export function withParsedBodies<T>(work: () => T): T {
  if (scope !== undefined) return work();
  scope = new Map();
  try {
    return work();
  } finally {
    scope = undefined;
  }
}

function parse(response: HttpResponse): ParsedBody {
  if (response.truncated) return { ok: false, reason: 'truncated' };
  if (!/\S/.test(response.body)) return { ok: false, reason: 'empty' };
  try {
    return { ok: true, value: JSON.parse(response.body) };
  } catch {
    return { ok: false, reason: 'syntax' };
  }
}
