import type { Operation } from '@assay/model';
import type { BodyFactory } from './body-factory.js';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { coerceScalar } from './parse-parameters.js';
import { resolveSchema } from './resolve-schema.js';
import { documentedResponse } from './response-choice.js';

/**
 * Adds the response headers the spec documents for the answer's status (rate limits, request ids
 * …) that the mock has not set itself: a generated value, written in the `simple` style, kept only
 * when it reads back valid. The same value every time, per operation, status and header.
 */
export function documentedHeaders(
  ctx: MockContext,
  factory: BodyFactory,
  operation: Operation,
  reply: MockReply,
  cache: Map<string, string | undefined>,
  selfUrl: string,
): void {
  const spec = documentedResponse(operation, reply.status);
  if (spec === undefined) return;
  for (const header of Object.values(spec.headers)) {
    if (reply.headers[header.name] !== undefined || FRAMING.has(header.name)) continue;
    // Links and ranges say where other data is: only the list code can compute them, and a
    // generated value (`<bind>`) would send a client walking to nowhere. Left out unless required.
    if (COMPUTED.has(header.name) && !header.required) continue;
    // A required Link with no pages to link: the one relation that is true of any answer, `self`
    // (registered by RFC 4287, RFC 8288 §6.2.2), rather than a generated target.
    const self = `<${selfUrl}>; rel="self"`;
    if (header.name === 'link' && ctx.validator.isValid(header.schema, self)) {
      reply.headers.link = self;
      continue;
    }
    const key = `${operation.id} ${reply.status} ${header.name}`;
    if (!cache.has(key)) cache.set(key, headerValue(ctx, factory, header.schema, key));
    const value = cache.get(key);
    if (value !== undefined) reply.headers[header.name] = value;
  }
}

const COMPUTED = new Set(['link', 'content-range']);

// How the body travels is the transport's to say: a generated Content-Encoding (gzip) or
// Transfer-Encoding would have a client decode a body that was never encoded (RFC 9110 §8.4,
// RFC 9112 §6.1), and a generated Content-Length would misframe it.
const FRAMING = new Set(['content-length', 'content-encoding', 'transfer-encoding']);

function headerValue(
  ctx: MockContext,
  factory: BodyFactory,
  schema: Parameters<BodyFactory['generate']>[0],
  key: string,
): string | undefined {
  let values: unknown[];
  try {
    values = factory.generate(schema, key, 20);
  } catch {
    return undefined;
  }
  for (const value of values) {
    const text = simple(value);
    if (text === undefined || !/^[\t\x20-\x7e]*$/.test(text) || text !== text.trim()) continue;
    const items = resolveSchema(schema, ctx.defs).items;
    const read = Array.isArray(value)
      ? text.split(',').map((part) => coerceScalar(ctx, part, items))
      : coerceScalar(ctx, text, schema);
    if (ctx.validator.isValid(schema, read)) return text;
  }
  return undefined;
}

function simple(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value))
    return value.every((v) => typeof v !== 'object') ? value.map(String).join(',') : undefined;
  if (typeof value === 'object') return undefined;
  return String(value);
}
