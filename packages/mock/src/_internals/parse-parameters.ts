import type { HttpRequest, JsonSchema, Parameter } from '@assay/model';
import type { InputProblem } from './input-problem.js';
import type { MockContext } from './mock-context.js';
import { resolveSchema } from './resolve-schema.js';
import { schemaTypes } from './schema-types.js';

/** The operation's parameters read from a request: typed values by name, and what was wrong. */
export interface ParsedParameters {
  /** Only the parameters that were present, with values typed after their schemas. */
  values: Map<string, unknown>;
  problems: InputProblem[];
}

/**
 * Reads and validates every declared parameter the way a server framework would: the raw text is
 * turned into the type its schema asks for (`"3"` is 3 for an integer, `"true"` is true for a
 * boolean), then validated against the schema. Text that cannot take the type stays a string and so
 * fails validation, which is what makes `page=abc` a 400.
 */
export function parseParameters(
  ctx: MockContext,
  parameters: readonly Parameter[],
  request: HttpRequest,
  query: Map<string, string[]>,
  pathParams: Record<string, string>,
): ParsedParameters {
  const values = new Map<string, unknown>();
  const problems: InputProblem[] = [];
  const cookies = parseCookies(request.headers.cookie ?? '');
  for (const parameter of parameters) {
    const raw = isFormObject(ctx, parameter)
      ? formObjectEntries(ctx, parameter, parameters, query)
      : rawValues(parameter, request, query, pathParams, cookies);
    if (raw === undefined) {
      if (parameter.required) {
        problems.push({
          location: parameter.in,
          name: parameter.name,
          message: `required ${parameter.in} parameter ${parameter.name} is missing`,
        });
      }
      continue;
    }
    const value = typedValue(ctx, parameter, raw);
    if (value === undefined) {
      problems.push({
        location: parameter.in,
        name: parameter.name,
        message: `${parameter.name} is malformed`,
      });
      continue;
    }
    values.set(parameter.name, value);
    const errors = ctx.validator.validate(parameter.schema, value);
    if (errors.length > 0) {
      problems.push({
        location: parameter.in,
        name: parameter.name,
        message: `${parameter.in} parameter ${parameter.name}: ${errors.map((e) => e.message).join('; ')}`,
      });
    }
  }
  return { values, problems };
}

/** A query object in the default `form` style (OpenAPI 3.1 §4.8.12.4: `R=100&G=200`, or `color=R,100,G,200`). */
function isFormObject(ctx: MockContext, parameter: Parameter): boolean {
  if (parameter.in !== 'query' || parameter.style !== 'form' || parameter.contentType !== undefined)
    return false;
  const types = schemaTypes(parameter.schema, ctx.defs);
  return types.has('object') && !types.has('array');
}

/**
 * A form-style query object as `key=value` entries. Exploded, each property is a query pair of its
 * own: the schema's properties when it names some, else every pair no other query parameter
 * claims (as the generators write and read it). Not exploded, one pair holds `key,value,…`.
 */
function formObjectEntries(
  ctx: MockContext,
  parameter: Parameter,
  parameters: readonly Parameter[],
  query: Map<string, string[]>,
): string[] | undefined {
  if (!parameter.explode) {
    const text = query.get(parameter.name)?.at(-1);
    if (text === undefined) return undefined;
    const parts = text === '' ? [] : text.split(',');
    const out: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) out.push(`${parts[i]}=${parts[i + 1]}`);
    return out;
  }
  const properties = resolveSchema(parameter.schema, ctx.defs).properties ?? {};
  const named = Object.keys(properties).length > 0;
  const others = new Set(parameters.filter((p) => p.in === 'query' && p !== parameter).map((p) => p.name));
  const entries = [...query].filter(([name]) =>
    named ? Object.hasOwn(properties, name) : !others.has(name),
  );
  if (entries.length === 0) return undefined;
  return entries.flatMap(([name, list]) => list.map((value) => `${name}=${value}`));
}

function rawValues(
  parameter: Parameter,
  request: HttpRequest,
  query: Map<string, string[]>,
  pathParams: Record<string, string>,
  cookies: Map<string, string>,
): string[] | undefined {
  switch (parameter.in) {
    case 'path': {
      const raw = pathParams[parameter.name];
      return raw === undefined ? undefined : [safeDecode(raw)];
    }
    case 'query': {
      if (parameter.style === 'deepObject') {
        const prefix = `${parameter.name}[`;
        const entries = [...query].filter(([name]) => name.startsWith(prefix) && name.endsWith(']'));
        if (entries.length === 0) return undefined;
        return entries.flatMap(([name, list]) => list.map((v) => `${name.slice(prefix.length, -1)}=${v}`));
      }
      return query.get(parameter.name);
    }
    case 'header': {
      const raw = request.headers[parameter.name.toLowerCase()];
      return raw === undefined ? undefined : [raw];
    }
    case 'cookie': {
      const raw = cookies.get(parameter.name);
      return raw === undefined ? undefined : [raw];
    }
  }
}

/** undefined when the raw text cannot even be read (bad JSON in a `content` parameter). */
function typedValue(ctx: MockContext, parameter: Parameter, raw: string[]): unknown {
  if (parameter.contentType !== undefined) {
    try {
      return JSON.parse(raw[0] ?? '');
    } catch {
      return undefined;
    }
  }
  const types = schemaTypes(parameter.schema, ctx.defs);
  if (types.has('array')) {
    const items = resolveSchema(parameter.schema, ctx.defs).items;
    return splitArray(parameter, raw).map((part) => coerceScalar(ctx, part, items));
  }
  if (types.has('object') && (parameter.style === 'deepObject' || isFormObject(ctx, parameter))) {
    const properties = resolveSchema(parameter.schema, ctx.defs).properties ?? {};
    const out: Record<string, unknown> = {};
    for (const entry of raw) {
      const eq = entry.indexOf('=');
      const key = entry.slice(0, eq);
      out[key] = coerceScalar(ctx, entry.slice(eq + 1), properties[key]);
    }
    return out;
  }
  // A repeated scalar keeps its last value, as most frameworks do.
  return coerceScalar(ctx, raw[raw.length - 1] ?? '', parameter.schema);
}

function splitArray(parameter: Parameter, raw: string[]): string[] {
  if (parameter.in === 'query' && parameter.style === 'form' && parameter.explode) return raw;
  const separator =
    parameter.style === 'spaceDelimited' ? ' ' : parameter.style === 'pipeDelimited' ? '|' : ',';
  return raw.flatMap((r) => (r === '' ? [] : r.split(separator)));
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// The spellings lenient frameworks (Django REST framework, Spring, Rails) read as booleans.
const TRUE = new Set(['true', 'True', 'TRUE', '1', 'yes', 'on', 'y', 't']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'no', 'off', 'n', 'f']);

/**
 * Reads text as a lenient server would: of every typed value the text could be read as for its
 * schema (`"1"` as 1, true or "1"), the first that is valid, else the text itself. So a value is
 * rejected only when no reading makes it valid, which is also what the generators call invalid.
 */
export function coerceScalar(ctx: MockContext, raw: string, schema: JsonSchema | undefined): unknown {
  if (schema === undefined) return raw;
  const candidates: unknown[] = [];
  for (const type of schemaTypes(schema, ctx.defs)) {
    if ((type === 'integer' || type === 'number') && NUMBER.test(raw) && Number.isFinite(Number(raw))) {
      candidates.push(Number(raw));
    } else if (type === 'boolean') {
      if (TRUE.has(raw)) candidates.push(true);
      if (FALSE.has(raw)) candidates.push(false);
    } else if (type === 'null' && (raw === '' || raw === 'null')) {
      candidates.push(null);
    }
  }
  candidates.push(raw);
  return candidates.find((candidate) => ctx.validator.isValid(schema, candidate)) ?? candidates[0];
}

function parseCookies(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    out.set(part.slice(0, eq).trim(), safeDecode(part.slice(eq + 1).trim()));
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
