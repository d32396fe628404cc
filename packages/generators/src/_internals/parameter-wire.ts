import type { HttpRequest, JsonSchema, Operation, Parameter } from '@assay/model';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import { percentDecode, percentEncode, percentEncodeAllowReserved } from './percent-encode.js';
import { schemaTypes } from './schema-types.js';

/** How a parameter's value is laid out on the wire. */
export type Shape = 'primitive' | 'array' | 'object';

/** The serialised pieces of a request, filled parameter by parameter. */
export interface WireParts {
  /** Path parameter name → the text that replaces `{name}` (already encoded). */
  path: Record<string, string>;
  /** `key=value` pairs, encoded. */
  query: string[];
  headers: Record<string, string>;
  /** `name=value` cookie pairs. */
  cookies: string[];
}

/** A parameter as a server reads it before type coercion: text, a list of texts, or a map of texts. */
export type WireValue = string | string[] | Record<string, string> | undefined;

export function emptyParts(): WireParts {
  return { path: {}, query: [], headers: {}, cookies: [] };
}

/** The wire shape of a parameter, from the types its schema admits. */
export function parameterShape(parameter: Parameter, defs: Record<string, JsonSchema>): Shape {
  if (parameter.contentType !== undefined) return 'primitive';
  const types = schemaTypes(parameter.schema, defs);
  // A schema that admits a list among other types (`oneOf: [string, array]`) is read as a list, as
  // servers that know it may be repeated do; a lone value then travels as a one-item list.
  if (types.includes('array') && types.length < 7) return 'array';
  if (types.length > 0 && types.every((type) => type === 'object' || type === 'null')) return 'object';
  return 'primitive';
}

/** A scalar as text: how every style writes one value (nested structures travel as JSON). */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function asEntries(value: unknown): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [['', scalarText(value)]];
  return Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, scalarText(item)]);
}

/**
 * Writes one parameter value into the request parts per its `style` and `explode`
 * (OpenAPI 3.1 §4.8.12.4 "Style Values" and its examples table).
 */
export function serialiseParameter(
  parameter: Parameter,
  value: unknown,
  shape: Shape,
  parts: WireParts,
): void {
  if (value === undefined) return;
  const { name, style, explode } = parameter;
  const text = parameter.contentType !== undefined ? JSON.stringify(value) : undefined;
  switch (parameter.in) {
    case 'query': {
      const enc = parameter.allowReserved ? percentEncodeAllowReserved : percentEncode;
      const key = enc(name);
      if (text !== undefined || shape === 'primitive') {
        parts.query.push(`${key}=${enc(text ?? scalarText(value))}`);
      } else if (shape === 'array') {
        const items = asArray(value).map(scalarText);
        if (explode || style === 'deepObject')
          items.forEach((item) => {
            parts.query.push(`${key}=${enc(item)}`);
          });
        else parts.query.push(`${key}=${items.map(enc).join(delimiter(style))}`);
      } else {
        const entries = asEntries(value);
        if (style === 'deepObject')
          entries.forEach(([k, v]) => {
            parts.query.push(`${key}[${enc(k)}]=${enc(v)}`);
          });
        else if (explode)
          entries.forEach(([k, v]) => {
            parts.query.push(`${enc(k)}=${enc(v)}`);
          });
        else
          parts.query.push(`${key}=${entries.flatMap(([k, v]) => [enc(k), enc(v)]).join(delimiter(style))}`);
      }
      return;
    }
    case 'querystring': {
      // OpenAPI 3.2 §4.8.12.2: the whole query string is the value, serialised as its media type.
      if (isFormMedia(parameter.contentType) && value !== null && typeof value === 'object') {
        for (const [k, v] of asEntries(value)) parts.query.push(`${percentEncode(k)}=${percentEncode(v)}`);
      } else parts.query.push(percentEncode(text ?? scalarText(value)));
      return;
    }
    case 'path': {
      const enc = percentEncode;
      if (text !== undefined || shape === 'primitive') {
        const one = enc(text ?? scalarText(value));
        parts.path[name] = style === 'label' ? `.${one}` : style === 'matrix' ? `;${enc(name)}=${one}` : one;
      } else if (shape === 'array') {
        const items = asArray(value).map((item) => enc(scalarText(item)));
        if (style === 'label') parts.path[name] = '.' + items.join(explode ? '.' : ',');
        else if (style === 'matrix')
          parts.path[name] = explode
            ? items.map((item) => `;${enc(name)}=${item}`).join('')
            : `;${enc(name)}=${items.join(',')}`;
        else parts.path[name] = items.join(',');
      } else {
        const entries = asEntries(value).map(([k, v]) => [enc(k), enc(v)] as const);
        const pairs = explode ? entries.map(([k, v]) => `${k}=${v}`) : entries.flat();
        if (style === 'label') parts.path[name] = '.' + pairs.join(explode ? '.' : ',');
        else if (style === 'matrix')
          parts.path[name] = explode
            ? pairs.map((pair) => `;${pair}`).join('')
            : `;${enc(name)}=${pairs.join(',')}`;
        else parts.path[name] = pairs.join(',');
      }
      return;
    }
    case 'header': {
      const key = name.toLowerCase();
      if (text !== undefined || shape === 'primitive') parts.headers[key] = text ?? scalarText(value);
      else if (shape === 'array') parts.headers[key] = asArray(value).map(scalarText).join(',');
      else {
        const entries = asEntries(value);
        parts.headers[key] = (explode ? entries.map(([k, v]) => `${k}=${v}`) : entries.flat()).join(',');
      }
      return;
    }
    case 'cookie': {
      if (text !== undefined || shape === 'primitive')
        parts.cookies.push(`${name}=${text ?? scalarText(value)}`);
      else if (shape === 'array') {
        const items = asArray(value).map(scalarText);
        if (explode)
          items.forEach((item) => {
            parts.cookies.push(`${name}=${item}`);
          });
        else parts.cookies.push(`${name}=${items.join(',')}`);
      } else {
        const entries = asEntries(value);
        if (explode)
          entries.forEach(([k, v]) => {
            parts.cookies.push(`${k}=${v}`);
          });
        else parts.cookies.push(`${name}=${entries.flat().join(',')}`);
      }
      return;
    }
  }
}

function isFormMedia(contentType: string | undefined): boolean {
  return contentType?.toLowerCase() === 'application/x-www-form-urlencoded';
}

function delimiter(style: Parameter['style']): string {
  if (style === 'spaceDelimited') return '%20';
  if (style === 'pipeDelimited') return '|';
  return ',';
}

function splitDecoded(style: Parameter['style'], text: string): string[] {
  if (style === 'spaceDelimited') return text.split(' ');
  if (style === 'pipeDelimited') return text.split('|');
  return text.split(',');
}

function pairsToRecord(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < items.length; i += 2) out[items[i]!] = items[i + 1]!;
  return out;
}

function keyValuesToRecord(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const at = item.indexOf('=');
    if (at > 0) out[item.slice(0, at)] = item.slice(at + 1);
  }
  return out;
}

// Every parameter of a request is read back from the same query string, one after another: the
// last split is kept so a request with many parameters splits and decodes its query once.
let lastQuery: string | undefined;
let lastPairs: readonly (readonly [string, string])[] = [];

/** The query string as a server splits it: `&`-separated pairs, each percent-decoded. Do not mutate. */
export function queryPairs(query: string): readonly (readonly [string, string])[] {
  if (query === lastQuery) return lastPairs;
  const pairs: [string, string][] = [];
  if (query !== '') {
    for (const piece of query.split('&')) {
      if (piece === '') continue;
      const at = piece.indexOf('=');
      pairs.push(
        at < 0
          ? [percentDecode(piece), '']
          : [percentDecode(piece.slice(0, at)), percentDecode(piece.slice(at + 1))],
      );
    }
  }
  lastQuery = query;
  lastPairs = pairs;
  return pairs;
}

function cookiePairs(header: string | undefined): [string, string][] {
  if (!header) return [];
  return header
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .map((piece) => {
      const at = piece.indexOf('=');
      return at < 0 ? [piece, ''] : [piece.slice(0, at), piece.slice(at + 1)];
    });
}

function objectKeys(
  parameter: Parameter,
  operation: Operation,
  defs: Record<string, JsonSchema>,
): (key: string) => boolean {
  const properties = flatSchemaOrUndefined(parameter.schema, defs)?.properties;
  if (properties !== undefined && Object.keys(properties).length > 0)
    return (key) => Object.hasOwn(properties, key);
  const others = new Set(
    operation.parameters.filter((p) => p.in === parameter.in && p !== parameter).map((p) => p.name),
  );
  return (key) => !others.has(key);
}

const pathMatchers = new Map<string, { pattern: RegExp; names: string[] }>();

/** The regular expression of a path template, built once per template. */
function pathMatcher(template: string): { pattern: RegExp; names: string[] } {
  let matcher = pathMatchers.get(template);
  if (matcher === undefined) {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((piece) => {
        if (piece.startsWith('{') && piece.endsWith('}')) {
          names.push(piece.slice(1, -1));
          return '([^/]*)';
        }
        return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    matcher = { pattern: new RegExp(`^${source}$`), names };
    pathMatchers.set(template, matcher);
  }
  return matcher;
}

/** Matches a request path against the operation's template, returning each path parameter's raw text. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const { pattern, names } = pathMatcher(template);
  const match = pattern.exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? '']));
}

/**
 * Reads one parameter back out of a serialised request the way a server does: split the query,
 * match the path template, read the header or cookie, decode, then split per style. Decoding comes
 * before splitting, which is the stricter reading: a value whose own characters look like the
 * style's delimiters reads back differently, and the generators then reject it.
 */
export function readParameter(
  request: HttpRequest,
  operation: Operation,
  parameter: Parameter,
  shape: Shape,
  defs: Record<string, JsonSchema>,
): WireValue {
  const { name, style, explode } = parameter;
  const effective: Shape = parameter.contentType !== undefined ? 'primitive' : shape;
  switch (parameter.in) {
    case 'query': {
      const pairs = queryPairs(request.query);
      const values = pairs.filter(([key]) => key === name).map(([, value]) => value);
      if (effective === 'primitive') return values[0];
      if (effective === 'array') {
        if (explode || style === 'deepObject') return values.length === 0 ? undefined : values;
        return values[0] === undefined ? undefined : splitDecoded(style, values[0]);
      }
      if (style === 'deepObject') {
        const prefix = `${name}[`;
        const found = pairs.filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
        return found.length === 0
          ? undefined
          : Object.fromEntries(found.map(([key, value]) => [key.slice(prefix.length, -1), value]));
      }
      if (explode) {
        const belongs = objectKeys(parameter, operation, defs);
        const found = pairs.filter(([key]) => belongs(key));
        return found.length === 0 ? undefined : Object.fromEntries(found);
      }
      return values[0] === undefined ? undefined : pairsToRecord(splitDecoded(style, values[0]));
    }
    case 'querystring': {
      if (request.query === '') return undefined;
      if (isFormMedia(parameter.contentType)) return Object.fromEntries(queryPairs(request.query));
      return percentDecode(request.query);
    }
    case 'path': {
      const raw = matchPath(operation.path, request.path)?.[name];
      // An empty, `.` or `..` segment does not reach the route at all: the parameter is missing.
      if (raw === undefined || raw === '' || raw === '.' || raw === '..') return undefined;
      let text = percentDecode(raw);
      const matrixPrefix = `;${name}=`;
      if (style === 'label') text = text.startsWith('.') ? text.slice(1) : text;
      if (effective === 'primitive') {
        if (style === 'matrix') return text.startsWith(matrixPrefix) ? text.slice(matrixPrefix.length) : text;
        return text;
      }
      if (style === 'matrix') {
        const pieces = text.split(';').filter((piece) => piece !== '');
        if (effective === 'array') {
          return explode
            ? pieces.map((piece) => piece.slice(piece.indexOf('=') + 1))
            : (pieces[0] ?? '').slice(name.length + 1).split(',');
        }
        return explode
          ? keyValuesToRecord(pieces)
          : pairsToRecord((pieces[0] ?? '').slice(name.length + 1).split(','));
      }
      const items = style === 'label' && explode ? text.split('.') : text.split(',');
      if (effective === 'array') return items;
      return explode ? keyValuesToRecord(items) : pairsToRecord(items);
    }
    case 'header': {
      const value = request.headers[name.toLowerCase()];
      if (value === undefined) return undefined;
      const text = value.trim();
      if (effective === 'primitive') return text;
      const items = text.split(',').map((item) => item.trim());
      if (effective === 'array') return items;
      return explode ? keyValuesToRecord(items) : pairsToRecord(items);
    }
    case 'cookie': {
      const pairs = cookiePairs(request.headers.cookie);
      const values = pairs.filter(([key]) => key === name).map(([, value]) => value);
      if (effective === 'primitive') return values[0];
      if (effective === 'array') {
        if (explode) return values.length === 0 ? undefined : values;
        return values[0] === undefined ? undefined : values[0].split(',');
      }
      if (explode) {
        const belongs = objectKeys(parameter, operation, defs);
        const found = pairs.filter(([key]) => belongs(key));
        return found.length === 0 ? undefined : Object.fromEntries(found);
      }
      return values[0] === undefined ? undefined : pairsToRecord(values[0].split(','));
    }
  }
}
