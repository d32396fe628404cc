import {
  AssayError,
  type GenerationMode,
  type HttpRequest,
  type JsonSchema,
  type MediaTypeSpec,
  type NegativeReason,
  type Operation,
  type Parameter,
} from '@assay/model';
import type fc from 'fast-check';
import type { RequestOptions } from '../request/request-options.js';
import { builderFor } from '../schema/schema-arbitrary.js';
import { decodeForm, encodeBody, isFormMedia, isJsonMedia, pickMediaType } from './body-codec.js';
import { interpretText, interpretWire, type Reading, type Validity } from './interpret-wire.js';
import { matchesSchema } from './matches-schema.js';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import {
  emptyParts,
  parameterShape,
  readParameter,
  type Shape,
  serialiseParameter,
} from './parameter-wire.js';

/** One parameter, ready to generate: its wire shape and the arbitrary of its valid values. */
export interface ParamPlan {
  parameter: Parameter;
  shape: Shape;
  /** Undefined when no valid value can be generated (only allowed for optional parameters). */
  value: fc.Arbitrary<unknown> | undefined;
}

export interface BodyPlan {
  media: MediaTypeSpec;
  required: boolean;
  value: fc.Arbitrary<unknown>;
}

/** Everything needed to generate, serialise and read back requests for one operation. */
export interface RequestPlan {
  operation: Operation;
  defs: Record<string, JsonSchema>;
  valid: Validity;
  params: ParamPlan[];
  body: BodyPlan | undefined;
  options: RequestOptions;
}

// OpenAPI 3.1 §4.8.12.1: header parameters with these names are ignored; the transport owns them.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function isGenerationError(error: unknown): boolean {
  return AssayError.is(error) && error.code === 'generation';
}

export function validityOf(options: RequestOptions): Validity {
  const injected = options.isValid;
  if (injected) return injected;
  return (schema, value) => matchesSchema(schema, value, options.defs);
}

/** The parameters a request can carry (header parameters the spec says to ignore are left out). */
export function usableParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => {
    if (p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())) return false;
    // A path parameter the template does not name cannot be sent (a spec mistake the loader reports).
    if (p.in === 'path' && !operation.path.includes(`{${p.name}}`)) return false;
    return true;
  });
}

export function valueArbitrary(parameter: Parameter, options: RequestOptions): fc.Arbitrary<unknown> {
  const inHeader = parameter.in === 'header' || parameter.in === 'cookie';
  return builderFor({
    ...options,
    charset: inHeader && parameter.contentType === undefined ? 'token' : 'text',
    pathSegment: parameter.in === 'path',
  }).build(parameter.schema);
}

export function planRequest(operation: Operation, options: RequestOptions): RequestPlan {
  const defs = options.defs;
  const params = usableParameters(operation).map((parameter): ParamPlan => {
    const shape = parameterShape(parameter, defs);
    try {
      return { parameter, shape, value: valueArbitrary(parameter, options) };
    } catch (error) {
      if (!parameter.required && isGenerationError(error)) return { parameter, shape, value: undefined };
      throw error;
    }
  });
  let body: BodyPlan | undefined;
  const media = pickMediaType(operation.requestBody, options.mediaType);
  if (media !== undefined) {
    const required = operation.requestBody?.required ?? false;
    try {
      body = { media, required, value: builderFor({ ...options, view: 'request' }).build(media.schema) };
    } catch (error) {
      if (required || !isGenerationError(error)) throw error;
    }
  }
  return { operation, defs, valid: validityOf(options), params, body, options };
}

/** Serialises parameter values (undefined: absent) and a body (undefined: none) into a request. */
export function assemble(
  plan: RequestPlan,
  values: readonly unknown[],
  body: { value: unknown } | undefined,
  mode: GenerationMode,
  reason?: NegativeReason,
): HttpRequest {
  const parts = emptyParts();
  plan.params.forEach((p, i) => {
    serialiseParameter(p.parameter, values[i], p.shape, parts);
  });
  const path = plan.operation.path.replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => parts.path[name] ?? whole,
  );
  const headers: Record<string, string> = { ...parts.headers };
  if (parts.cookies.length > 0) headers.cookie = parts.cookies.join('; ');
  const request: HttpRequest = {
    method: plan.operation.method,
    path,
    query: parts.query.join('&'),
    headers,
    operationId: plan.operation.id,
    mode,
  };
  if (body !== undefined && plan.body !== undefined) {
    const { media, required } = plan.body;
    const encoded = encodeBody(media, body.value);
    // A form without a single field (every property absent or an empty list) is no body to a server,
    // and an optional one is then sent as none: one request, read the same way by every server.
    const fieldless =
      isFormMedia(media.mediaType) &&
      Object.keys(decodeForm(String(encoded.body), media.mediaType)).length === 0;
    if (required || !fieldless) {
      request.body = encoded.body;
      headers['content-type'] = encoded.contentType;
    }
  }
  if (reason !== undefined) request.reason = reason;
  return request;
}

/** A parameter's value as the server reads it back from the request (undefined: absent). */
export function readBack(
  plan: RequestPlan,
  request: HttpRequest,
  p: ParamPlan,
  reading: Reading = 'lenient',
): unknown {
  const wire = readParameter(request, plan.operation, p.parameter, p.shape, plan.defs);
  return interpretWire(
    wire,
    p.shape,
    p.parameter.schema,
    plan.defs,
    plan.valid,
    p.parameter.contentType,
    reading,
  );
}

/** Whether the server reads a valid value for this parameter (absent counts as valid only when optional). */
export function parameterAccepted(plan: RequestPlan, request: HttpRequest, p: ParamPlan): boolean {
  // Valid under the plain reading every server shares, not just under some lenient framework's.
  const value = readBack(plan, request, p, 'plain');
  if (value === undefined) return !p.parameter.required;
  return plan.valid(p.parameter.schema, value);
}

/**
 * Whether the server reads a valid body: JSON that validates; form fields where every required
 * property arrived (an empty list or object leaves no field at all in a form) and, for a required
 * body, at least one field. Other media types cannot be judged and count as accepted.
 */
export function bodyAccepted(plan: RequestPlan, request: HttpRequest): boolean {
  if (plan.body === undefined) return true;
  const { media, required } = plan.body;
  if (request.body === undefined) return !required;
  if (isJsonMedia(media.mediaType)) {
    try {
      return plan.valid(media.schema, JSON.parse(String(request.body)));
    } catch {
      return false;
    }
  }
  if (isFormMedia(media.mediaType)) {
    const text = String(request.body);
    const fields = Object.keys(decodeForm(text, media.mediaType));
    // A form without fields is what a client sends for no body at all: a server cannot tell them apart.
    if (fields.length === 0) return !required;
    return topLevelRequired(media.schema, plan.defs).every((name) =>
      fields.some((field) => field === name || field.startsWith(`${name}[`)),
    );
  }
  return true;
}

/**
 * Whether the server reads an invalid body. JSON is read exactly; form fields are read per
 * property with the same coercion as query parameters, and only the fields named are judged.
 */
export function bodyRejected(
  plan: RequestPlan,
  request: HttpRequest,
  pointer: string,
  keyword: string,
): boolean {
  if (plan.body === undefined) return false;
  const { media } = plan.body;
  const schema = media.schema;
  if (request.body === undefined) return plan.body.required;
  if (isJsonMedia(media.mediaType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(request.body));
    } catch {
      return true;
    }
    return !plan.valid(schema, parsed);
  }
  if (isFormMedia(media.mediaType)) {
    const fields = decodeForm(String(request.body), media.mediaType);
    // No field at all reads as no body, which an optional body allows (see bodyAccepted).
    if (Object.keys(fields).length === 0 && !plan.body.required) return false;
    const name = pointer.slice(1).replaceAll('~1', '/').replaceAll('~0', '~');
    if (keyword === 'required') return fields[name] === undefined;
    const text = fields[name]?.[0];
    const propertySchema = propertySchemaOf(plan, name);
    if (text === undefined || propertySchema === undefined) return false;
    return !plan.valid(propertySchema, interpretText(text, propertySchema, plan.defs, plan.valid));
  }
  return false;
}

function propertySchemaOf(plan: RequestPlan, name: string): JsonSchema | undefined {
  const schema = plan.body?.media.schema;
  if (schema === undefined || typeof schema === 'boolean') return undefined;
  return topLevelProperties(schema, plan.defs)[name];
}

/** The top-level properties of an object schema (through `$ref` and `allOf`). */
export function topLevelProperties(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const flat = flatSchemaOrUndefined(schema, defs);
  return flat?.properties ?? {};
}

export function topLevelRequired(schema: JsonSchema, defs: Record<string, JsonSchema>): string[] {
  return flatSchemaOrUndefined(schema, defs)?.required ?? [];
}

/**
 * Whether every header value can travel as it is: visible ASCII (and inner spaces), nothing a
 * server would trim away, and no cookie delimiters inside a cookie value.
 */
export function headersCarryable(request: HttpRequest): boolean {
  for (const [name, value] of Object.entries(request.headers)) {
    if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(value) && value !== '') return false;
    if (name === 'cookie' && value.split('; ').some((pair) => /[;,"\\ ]/.test(pair))) return false;
  }
  return true;
}
