import type { JsonSchema, Operation } from '@assay/model';
import type { BodyFactory } from './body-factory.js';
import type { MockContext } from './mock-context.js';
import { resolveSchema } from './resolve-schema.js';
import type { ResponseChoice } from './response-choice.js';
import { responseMedia } from './response-choice.js';

/**
 * The body a page's items and metadata are written into: the response's example when it is an
 * object, else (a body that is `oneOf`/`anyOf` a plain array and a page object, as json-server v1
 * documents it) a value of the object branch; `{}` when there is none.
 */
export function pageEnvelope(
  ctx: MockContext,
  factory: BodyFactory,
  operation: Operation,
  success: ResponseChoice,
): unknown {
  const example = factory.example(operation, success)?.value;
  if (example !== null && typeof example === 'object' && !Array.isArray(example)) return example;
  const branch = objectBranch(responseMedia(success.spec)?.schema, ctx.defs);
  if (branch === undefined) return example ?? {};
  const [value] = factory.generate(branch, `${operation.id} page envelope`, 1);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Whether the response body may be the plain array (`oneOf`/`anyOf` with an array branch). */
export function offersPlainArray(success: ResponseChoice, defs: Record<string, JsonSchema>): boolean {
  const schema = resolveSchema(responseMedia(success.spec)?.schema, defs);
  return branchesOf(schema).some((b) => resolveSchema(b, defs).type === 'array');
}

/** The schema page metadata is typed by: the object branch of a `oneOf [array, page]` body, else the body's. */
export function pageSchema(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
): JsonSchema | undefined {
  return objectBranch(schema, defs) ?? schema;
}

function objectBranch(
  schema: JsonSchema | undefined,
  defs: Record<string, JsonSchema>,
): JsonSchema | undefined {
  return branchesOf(resolveSchema(schema, defs)).find((b) => {
    const r = resolveSchema(b, defs);
    return r.type === 'object' || r.properties !== undefined;
  });
}

function branchesOf(schema: JsonSchema): JsonSchema[] {
  if (typeof schema !== 'object') return [];
  return [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
}
