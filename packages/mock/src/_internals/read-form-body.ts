import type { JsonSchema, MediaTypeSpec, PropertyEncoding } from '@assay/model';
import type { MockContext } from './mock-context.js';
import { objectProperties } from './object-properties.js';
import { coerceScalar } from './parse-parameters.js';
import { resolveSchema } from './resolve-schema.js';
import { schemaTypes } from './schema-types.js';

/** A form body read into a value, or why it could not be read at all. */
export type FormReading = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads an `application/x-www-form-urlencoded` or `multipart/form-data` body into the value its
 * schema describes, the way a server framework does before validating it:
 * - fields are split per OpenAPI 3.1 §4.8.15 (Encoding Object) and §4.8.12.4 (style values): a
 *   repeated name is an exploded array, `a,b` an array of style `form` without explode, `a[b][0]`
 *   a `deepObject` (Rails, Stripe), and the fields of an exploded `form` object sit at the top level;
 * - multipart parts (RFC 7578) are fields too; a part sent as JSON is parsed;
 * - texts are typed after the schema where they sit, choosing of every reading the first valid one
 *   (as for parameters), and an empty list or object, which leaves no field in a form, is supplied
 *   where a required property of a nested object admits one.
 * So only a body that no reading makes valid is rejected.
 */
export function readFormBody(
  ctx: MockContext,
  media: MediaTypeSpec,
  text: string,
  contentType: string,
): FormReading {
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  let fields: Field[];
  if (mediaType === 'multipart/form-data') {
    const parts = multipartFields(text, contentType);
    if (typeof parts === 'string') return { ok: false, message: parts };
    fields = parts;
  } else {
    fields = urlencodedFields(text);
  }
  return { ok: true, value: assemble(ctx, media, fields) };
}

/** One field as it arrived: its name and its text, or (a JSON part) its parsed value. */
interface Field {
  name: string;
  value: string | { json: unknown };
}

/** Fields under a bracketed name (`a[b][0]`), gathered into a tree before they are typed. */
class Branch {
  readonly children = new Map<string, Node>();
}

/** What arrived for a name: its values in order (several when the name repeats), or a tree. */
type Node = Branch | Field['value'][];

function urlencodedFields(text: string): Field[] {
  const out: Field[] = [];
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const at = piece.indexOf('=');
    out.push({
      name: decode(at === -1 ? piece : piece.slice(0, at)),
      value: at === -1 ? '' : decode(piece.slice(at + 1)),
    });
  }
  return out;
}

function decode(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The parts of a multipart body, or what is wrong with it. */
function multipartFields(text: string, contentType: string): Field[] | string {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (boundary === undefined) return 'the multipart body has no boundary';
  const out: Field[] = [];
  const chunks = text.split(`--${boundary}`);
  if (chunks.length < 2) return 'the multipart body has no parts';
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const body = chunk.replace(/^\r?\n/, '');
    const end = body.search(/\r?\n\r?\n/);
    if (end === -1) continue;
    const head = body.slice(0, end);
    let content = body.slice(end).replace(/^\r?\n\r?\n/, '');
    content = content.replace(/\r?\n$/, '');
    const name = /content-disposition:[^\r\n]*?\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return 'a multipart part has no name';
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1]?.trim().toLowerCase();
    if (type !== undefined && (type === 'application/json' || type.endsWith('+json'))) {
      try {
        out.push({ name, value: { json: JSON.parse(content) } });
      } catch {
        return `the part ${name} is not valid JSON`;
      }
    } else {
      out.push({ name, value: content });
    }
  }
  return out;
}

/** Splits `a[b][0]` into `a`, `b`, `0`; a name with no brackets is itself. */
function nameSegments(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const rest = name.slice(open);
  const segments = [name.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let m = re.exec(rest); m !== null; m = re.exec(rest)) {
    if (m.index !== consumed) return [name];
    segments.push(m[1] ?? '');
    consumed = m.index + m[0].length;
  }
  return consumed === rest.length ? segments : [name];
}

function insert(root: Branch, segments: string[], value: Field['value']): void {
  let branch = root;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    // `a[]=x` appends: one list under the empty key.
    const existing = branch.children.get(segment);
    if (last) {
      if (existing instanceof Branch) return;
      branch.children.set(segment, [...(existing ?? []), value]);
      return;
    }
    if (existing instanceof Branch) {
      branch = existing;
    } else {
      const next = new Branch();
      branch.children.set(segment, next);
      branch = next;
    }
  }
}

function assemble(ctx: MockContext, media: MediaTypeSpec, fields: Field[]): unknown {
  const root = new Branch();
  for (const field of fields) insert(root, nameSegments(field.name), field.value);
  const schema = media.schema;
  const properties = objectProperties(schema, ctx.defs);
  // Not an object: the body is one value (`=text`, or a single part).
  if (!schemaTypes(schema, ctx.defs).has('object') && properties.size === 0) {
    const only = [...root.children.values()][0];
    return only === undefined ? undefined : typed(ctx, only, schema, undefined);
  }
  // An exploded `form` object has no name of its own: its fields sit at the top level.
  for (const [name, property] of properties) {
    if (root.children.has(name)) continue;
    const encoding = media.encoding?.[name];
    const style = encoding?.style ?? 'form';
    if (style !== 'form' || (encoding?.explode ?? true) === false) continue;
    if (!schemaTypes(property, ctx.defs).has('object')) continue;
    const gathered = new Branch();
    for (const inner of objectProperties(property, ctx.defs).keys()) {
      const node = root.children.get(inner);
      if (node === undefined || properties.has(inner)) continue;
      gathered.children.set(inner, node);
      root.children.delete(inner);
    }
    if (gathered.children.size > 0) root.children.set(name, gathered);
  }
  return typedObject(ctx, root, schema, media.encoding, false);
}

/**
 * The value of a node under `schema`: of the readings the schema's branches allow, the first that
 * validates against the whole schema, else the first.
 */
function typed(
  ctx: MockContext,
  node: Node,
  schema: JsonSchema | undefined,
  encoding: PropertyEncoding | undefined,
): unknown {
  if (schema === undefined) return untyped(node);
  const resolved = resolveSchema(schema, ctx.defs);
  const branches = [schema, ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])];
  let first: unknown;
  for (const [i, branch] of branches.entries()) {
    for (const candidate of readings(ctx, node, branch, encoding)) {
      if (i === 0 && first === undefined) first = candidate;
      if (ctx.validator.isValid(schema, candidate)) return candidate;
    }
  }
  return first ?? untyped(node);
}

function readings(
  ctx: MockContext,
  node: Node,
  schema: JsonSchema,
  encoding: PropertyEncoding | undefined,
): unknown[] {
  const types = schemaTypes(schema, ctx.defs);
  const resolved = resolveSchema(schema, ctx.defs);
  const items = resolved.items === undefined || resolved.items === false ? undefined : resolved.items;
  const out: unknown[] = [];
  if (node instanceof Branch) {
    const keys = [...node.children.keys()];
    if (types.has('array') && keys.every((k) => k === '' || /^\d+$/.test(k))) {
      // `a[0]`, `a[1]` … (or `a[]`): an array in index order; indexes need not be contiguous.
      const ordered = keys.sort((a, b) => Number(a) - Number(b));
      out.push(
        ordered.flatMap((k) => {
          const child = node.children.get(k) as Node;
          if (k === '' && Array.isArray(child)) return child.map((v) => typed(ctx, [v], items, undefined));
          return [typed(ctx, child, items, undefined)];
        }),
      );
    }
    if (types.has('object') || types.size === 0) out.push(typedObject(ctx, node, schema, undefined, true));
    if (out.length === 0) out.push(untyped(node));
    return out;
  }
  const values = node;
  if (types.has('array')) {
    const style = encoding?.style ?? 'form';
    const explode = encoding?.explode ?? style === 'form';
    const texts = values.flatMap((v) => (typeof v === 'string' ? [v] : []));
    if (values.length > 1 || explode || texts.length !== values.length) {
      out.push(values.map((v) => (typeof v === 'string' ? typed(ctx, [v], items, undefined) : v.json)));
    }
    if (texts.length === 1 && values.length === 1) {
      const separator = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
      const text = texts[0] as string;
      const parts = text === '' ? [] : text.split(separator);
      out.push(parts.map((part) => typed(ctx, [part], items, undefined)));
    }
  }
  // A scalar (or one JSON part) that repeats keeps its last value, as most frameworks do.
  const last = values[values.length - 1];
  if (last === undefined) return out;
  if (typeof last !== 'string') {
    out.push(last.json);
    return out;
  }
  if ((types.has('object') || types.has('array')) && /^[[{]/.test(last)) {
    try {
      out.push(JSON.parse(last));
    } catch {
      // Not JSON: read as text below.
    }
  }
  out.push(coerceScalar(ctx, last, schema));
  return out;
}

function typedObject(
  ctx: MockContext,
  node: Branch,
  schema: JsonSchema,
  encodings: Record<string, PropertyEncoding> | undefined,
  nested: boolean,
): Record<string, unknown> {
  const resolved = resolveSchema(schema, ctx.defs);
  const properties = objectProperties(schema, ctx.defs);
  const additional =
    typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, child] of node.children) {
    out[key] = typed(ctx, child, properties.get(key) ?? additional, encodings?.[key]);
  }
  // An empty list or object sends no field at all: inside an object, a required one that admits it
  // was sent empty. At the top level a missing field is missing, as Stripe reads it
  // ("Missing required param"), and as the generators expect of negative cases.
  for (const name of nested ? requiredOf(schema, ctx) : []) {
    if (Object.hasOwn(out, name)) continue;
    const property = properties.get(name);
    if (property === undefined) continue;
    const empty = [[], {}].find((value) => ctx.validator.isValid(property, value));
    if (empty !== undefined) out[name] = empty;
  }
  return out;
}

function requiredOf(schema: JsonSchema, ctx: MockContext): string[] {
  const out: string[] = [];
  const visit = (current: JsonSchema | undefined, depth: number): void => {
    if (depth > 16) return;
    const resolved = resolveSchema(current, ctx.defs);
    out.push(...(resolved.required ?? []));
    for (const part of resolved.allOf ?? []) visit(part, depth + 1);
  };
  visit(schema, 0);
  return out;
}

/** A node read with no schema to type it: texts stay texts. */
function untyped(node: Node): unknown {
  if (node instanceof Branch) {
    return Object.fromEntries([...node.children].map(([key, child]) => [key, untyped(child)]));
  }
  const values = node.map((v) => (typeof v === 'string' ? v : v.json));
  return values.length === 1 ? values[0] : values;
}
