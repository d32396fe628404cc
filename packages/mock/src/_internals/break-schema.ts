import type { JsonSchema, Operation } from '@assay/model';
import type { MockContext } from './mock-context.js';
import type { MockReply } from './mock-reply.js';
import { responseMedia, successResponse } from './response-choice.js';

/**
 * The `schema-break` fault: rewrites a JSON success body so that it no longer matches its schema,
 * the way a serializer bug would (a required property dropped from an item or from the body, or a
 * property of the wrong type). Each candidate is checked with the validator, so the break is real.
 */
export function breakSchema(ctx: MockContext, operation: Operation, reply: MockReply): void {
  const media = responseMedia(successResponse(operation).spec);
  if (media === undefined) return;
  let body: unknown;
  try {
    body = JSON.parse(reply.body);
  } catch {
    return;
  }
  for (const candidate of candidates(body)) {
    if (!ctx.validator.isValid(media.schema as JsonSchema, candidate)) {
      reply.body = JSON.stringify(candidate);
      return;
    }
  }
}

function* candidates(body: unknown): Generator<unknown> {
  // The first object that has properties, searched breadth-first: an item of the page if there is one.
  const queue: { value: unknown; rebuild: (v: unknown) => unknown }[] = [{ value: body, rebuild: (v) => v }];
  const seen: { value: Record<string, unknown>; rebuild: (v: unknown) => unknown }[] = [];
  while (queue.length > 0) {
    const { value, rebuild } = queue.shift() as { value: unknown; rebuild: (v: unknown) => unknown };
    if (Array.isArray(value)) {
      value.forEach((element, i) => {
        queue.push({ value: element, rebuild: (v) => rebuild(value.map((e, j) => (j === i ? v : e))) });
      });
    } else if (value !== null && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      seen.push({ value: object, rebuild });
      for (const [key, child] of Object.entries(object)) {
        queue.push({ value: child, rebuild: (v) => rebuild({ ...object, [key]: v }) });
      }
    }
  }
  // Items first (deepest objects first), then the envelope.
  for (const { value, rebuild } of seen.reverse()) {
    for (const key of Object.keys(value)) {
      const { [key]: _dropped, ...rest } = value;
      yield rebuild(rest);
    }
    for (const [key, child] of Object.entries(value)) {
      yield rebuild({ ...value, [key]: typeof child === 'number' ? String(child) : 12345 });
    }
  }
  yield typeof body === 'string' ? 12345 : 'broken';
}
