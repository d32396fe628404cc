import { schemaArbitrary } from '@assay/generators';
import type { JsonSchema, MediaTypeSpec, Operation, ResponseSpec } from '@assay/model';
import fc from 'fast-check';
import { hashSeed } from './hash-seed.js';
import type { MockContext } from './mock-context.js';
import type { ResponseChoice } from './response-choice.js';
import { responseMedia } from './response-choice.js';

/** Builds response bodies that match the spec: examples first, generated values otherwise. */
export interface BodyFactory {
  /** `count` values generated from `schema`, the same for the same seed and key. */
  generate(schema: JsonSchema, key: string, count: number): unknown[];
  /** The documented example of a response if it is valid, else one generated value; cached. */
  example(operation: Operation, choice: ResponseChoice): { value: unknown } | undefined;
  /**
   * An error body that says `message` (and names `field` where the schema has room for it) and
   * matches the response's schema; the example or a generated value when no message shape fits.
   */
  error(
    operation: Operation,
    choice: ResponseChoice,
    message: string,
    field?: string,
  ): { value: unknown } | undefined;
}

/** See {@link BodyFactory}. */
export function bodyFactory(ctx: MockContext): BodyFactory {
  const examples = new Map<string, { value: unknown } | undefined>();
  const errors = new WeakMap<ResponseSpec, Map<string, { value: unknown } | undefined>>();

  const generate = (schema: JsonSchema, key: string, count: number): unknown[] => {
    if (count <= 0) return [];
    const arbitrary = schemaArbitrary(schema, { defs: ctx.defs });
    return fc.sample(arbitrary, { seed: hashSeed(ctx.seed, key), numRuns: count });
  };

  const example = (operation: Operation, choice: ResponseChoice): { value: unknown } | undefined => {
    const media = responseMedia(choice.spec);
    if (media === undefined) return undefined;
    const cacheKey = `${operation.id} ${choice.status} ${media.mediaType}`;
    if (examples.has(cacheKey)) return examples.get(cacheKey);
    let found: { value: unknown } | undefined;
    for (const candidate of media.examples) {
      if (ctx.validator.isValid(media.schema, candidate)) {
        found = { value: candidate };
        break;
      }
    }
    if (found === undefined) {
      const [value] = generateSafely(generate, media.schema, cacheKey);
      if (value !== undefined && ctx.validator.isValid(media.schema, value.value)) found = value;
    }
    examples.set(cacheKey, found);
    return found;
  };

  return {
    generate,
    example,
    error(operation, choice, message, field) {
      const media = responseMedia(choice.spec);
      if (media === undefined || choice.spec === undefined) return undefined;
      // Every rejected request asks for one; trying each shape against the schema again for the
      // same message was a large part of answering a negative request.
      let known = errors.get(choice.spec);
      if (known === undefined) {
        known = new Map();
        errors.set(choice.spec, known);
      }
      const key = `${operation.id}\u0000${choice.status}\u0000${field ?? ''}\u0000${field === undefined ? 0 : 1}\u0000${message}`;
      if (known.has(key)) return known.get(key);
      const body = errorBody(operation, choice, media, message, field);
      if (known.size >= maxErrorsPerResponse) known.clear();
      known.set(key, body);
      return body;
    },
  };

  function errorBody(
    operation: Operation,
    choice: ResponseChoice,
    media: MediaTypeSpec,
    message: string,
    field: string | undefined,
  ): { value: unknown } | undefined {
    const base = example(operation, choice);
    const baseObject =
      base !== undefined &&
      base.value !== null &&
      typeof base.value === 'object' &&
      !Array.isArray(base.value)
        ? (base.value as Record<string, unknown>)
        : {};
    const shapes: unknown[] = [
      ...(field === undefined ? [] : [{ [field]: [message] }]),
      { detail: message },
      { message },
      { error: message },
      { errors: [message] },
      { non_field_errors: [message] },
      { ...baseObject, detail: message },
      { ...baseObject, message },
      { ...baseObject, error: message },
    ];
    for (const shape of shapes) if (ctx.validator.isValid(media.schema, shape)) return { value: shape };
    return base;
  }
}

/** Error bodies kept per documented response: messages repeat, but a run must not grow without bound. */
const maxErrorsPerResponse = 1000;

function generateSafely(
  generate: BodyFactory['generate'],
  schema: JsonSchema,
  key: string,
): { value: unknown }[] {
  try {
    return generate(schema, key, 1).map((value) => ({ value }));
  } catch {
    // A schema nothing can be generated for: the caller answers without a body.
    return [];
  }
}
