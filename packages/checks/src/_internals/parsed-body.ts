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

// A server often sends the very same bytes again (a fixed page, the same error body): those are
// not parsed again. The text of a few recent bodies is kept by body length, and a body equal to the
// one remembered for its length is a repeat: its parse is kept from then on and handed back, after
// one comparison (a pointer comparison when the transport handed over the same string again)
// instead of a parse. Only repeats keep their parse: keeping every parse alive for a while would
// make each survive a minor garbage collection and cost more than parsing (texts are cheap to keep).
// Sound because `JSON.parse` is a function of the text and nothing that reads a parsed body writes
// to it (the value is shared by every exchange that carried the same text). Bounded in count and size.
const recentBodies = 8;
const recentMinChars = 256;
const recentMaxChars = 1024 * 1024;
const recent = new Map<number, { body: string; parsed?: ParsedBody }>();

/**
 * The response body parsed as JSON, parsed once per response object and once per recent body text
 * (see above). The value is shared: callers must never modify it.
 */
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
  const body = response.body;
  if (body.length < recentMinChars || body.length > recentMaxChars) return parseText(body);
  const known = recent.get(body.length);
  if (known !== undefined && known.body === body) {
    known.parsed ??= parseText(body);
    return known.parsed;
  }
  recent.delete(body.length);
  recent.set(body.length, { body });
  if (recent.size > recentBodies) recent.delete(recent.keys().next().value as number);
  return parseText(body);
}

/**
 * Whether a parse is one kept for a body the server repeats (see above): what is derived from it
 * (a schema verdict, folded texts) is worth keeping too, and keeping it holds nothing extra alive.
 */
export function isRemembered(parsed: ParsedBody): boolean {
  for (const entry of recent.values()) if (entry.parsed === parsed) return true;
  return false;
}

function parseText(body: string): ParsedBody {
  if (!/\S/.test(body)) return { ok: false, reason: 'empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false, reason: 'syntax' };
  }
}
