import { defKeyOfRef } from '@assay/json-schema';
import type { HttpRequest, JsonSchema, NegativeReason, Operation } from '@assay/model';

type Obj = Record<string, unknown>;

/** Options of {@link coercionRequests}. */
export interface CoercionOptions {
  /** `ApiModel.schemas`: what every `$ref` points into. */
  defs: Record<string, JsonSchema>;
  /** The project's validator: a probe is kept only when it rejects the mutated body. */
  isValid: (schema: JsonSchema, value: unknown) => boolean;
}

/**
 * Negative requests a lenient framework accepts silently, made from a valid request with a JSON
 * object body: an extra property where the body schema says `additionalProperties: false`; and,
 * per top-level property, `"7"` for an integer or number, `1` for a boolean, `null` for a required
 * property that does not admit null. Each differs from the valid body in exactly one place, and is
 * kept only when the validator rejects it: in JSON `"7"` and `7` are different values, so each is
 * invalid as the server sees it, and a server that coerces or ignores it is the finding
 * (`negative-data-rejection`). Schemas that are not a plain object with `properties` (after
 * following a `$ref`) are left alone.
 */
export function coercionRequests(
  operation: Operation,
  request: HttpRequest,
  options: CoercionOptions,
): HttpRequest[] {
  const mediaType = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === undefined || typeof request.body !== 'string') return [];
  const media = operation.requestBody?.content[mediaType];
  if (media === undefined || !/^application\/(.+\+)?json$/.test(mediaType)) return [];
  let body: unknown;
  try {
    body = JSON.parse(request.body);
  } catch {
    return [];
  }
  if (!isObj(body)) return [];
  const schema = resolved(media.schema, options.defs);
  if (schema === undefined || !isObj(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const out: HttpRequest[] = [];
  const add = (mutated: Obj, reason: Omit<NegativeReason, 'location'>) => {
    if (options.isValid(media.schema, mutated)) return;
    out.push({
      ...request,
      body: JSON.stringify(mutated),
      mode: 'negative',
      reason: { location: 'body', ...reason },
    });
  };
  if (schema.additionalProperties === false) {
    const name = unusedName(schema.properties, body);
    add(
      { ...body, [name]: 'assay' },
      {
        name: `/${name}`,
        keyword: 'additionalProperties',
        value: 'assay',
        message: `body: property ${name} is not allowed (additionalProperties: false)`,
      },
    );
  }
  for (const [name, raw] of Object.entries(schema.properties)) {
    const property = resolved(raw as JsonSchema, options.defs);
    if (property === undefined) continue;
    const types = typesOf(property);
    const pointer = `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (
      (types.has('integer') || types.has('number')) &&
      !types.has('string') &&
      typeof body[name] === 'number'
    ) {
      const text = String(body[name]);
      add(
        { ...body, [name]: text },
        {
          name: pointer,
          keyword: 'type',
          value: text,
          message: `body: ${name} is the string "${text}", not a number`,
        },
      );
    }
    if (
      types.has('boolean') &&
      !types.has('integer') &&
      !types.has('number') &&
      typeof body[name] === 'boolean'
    ) {
      const one = body[name] ? 1 : 0;
      add(
        { ...body, [name]: one },
        { name: pointer, keyword: 'type', value: one, message: `body: ${name} is ${one}, not a boolean` },
      );
    }
    if (required.has(name) && !types.has('null') && types.size > 0 && body[name] !== null) {
      add(
        { ...body, [name]: null },
        {
          name: pointer,
          keyword: 'type',
          value: null,
          message: `body: required ${name} is null, which it does not admit`,
        },
      );
    }
  }
  return out;
}

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema itself, or the definition one `$ref` names; `undefined` for anything else. */
function resolved(schema: JsonSchema, defs: Record<string, JsonSchema>): Obj | undefined {
  if (!isObj(schema)) return undefined;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const key = defKeyOfRef(ref);
  if (Object.keys(schema).length > 1 || key === undefined) return undefined;
  const target = defs[key];
  return isObj(target) && typeof target.$ref !== 'string' ? target : undefined;
}

/** The declared types of a plain schema (`type` only; composed schemas give none). */
function typesOf(schema: Obj): Set<string> {
  if (schema.allOf !== undefined || schema.anyOf !== undefined || schema.oneOf !== undefined)
    return new Set();
  const type = schema.type;
  return new Set(typeof type === 'string' ? [type] : Array.isArray(type) ? (type as string[]) : []);
}

function unusedName(properties: Obj, body: Obj): string {
  let name = 'assay_unexpected';
  for (let i = 2; Object.hasOwn(properties, name) || Object.hasOwn(body, name); i++)
    name = `assay_unexpected_${i}`;
  return name;
}
