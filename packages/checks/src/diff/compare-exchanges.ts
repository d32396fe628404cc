import type { Difference, Exchange, JsonSchema } from '@assay/model';
import { parsedBody } from '../_internals/parsed-body.js';
import { matchResponse } from '../conformance/match-response.js';
import { firstDifference } from './_internals/first-difference.js';
import { normaliseBody } from './_internals/normalise-body.js';
import { isVolatile } from './_internals/volatile-schemas.js';

/** What {@link compareExchanges} needs beyond the two exchanges. */
export interface CompareOptions {
  /** The API's shared schema definitions (`ApiModel.schemas`), for `$ref`s in response schemas. */
  defs: Readonly<Record<string, JsonSchema>>;
  /** JSON pointers into the body whose values change on every call (the config's `volatile`). */
  volatile?: readonly string[];
  /** Response header names, lower case, whose values change on every call (the config's `volatileHeaders`). */
  volatileHeaders?: readonly string[];
}

/**
 * How two implementations' answers to the same request differ: the status (exact: a 200 against a
 * 201 is a difference even within a class), the media type, the body once normalised (keys
 * unordered, volatile values ignored, arrays as multisets unless the request asked for an
 * ordering) and the documented headers. Two answers that each carry a value the spec lets the
 * server make up (a readOnly uuid or date-time, `x-assay-volatile`) are not told apart on it.
 */
export function compareExchanges(a: Exchange, b: Exchange, options: CompareOptions): Difference[] {
  const { operation } = a;
  const ra = a.response;
  const rb = b.response;
  const where = `${operation.method} ${operation.path}`;
  if (ra.status !== rb.status) {
    return [
      {
        kind: 'status',
        pointer: '',
        message: `status ${ra.status} on A, ${rb.status} on B`,
        a: ra.status,
        b: rb.status,
        fingerprint: `status:${where}:${ra.status}:${rb.status}`,
      },
    ];
  }
  const differences: Difference[] = [];
  const typeA = mediaType(ra.headers['content-type']);
  const typeB = mediaType(rb.headers['content-type']);
  if (typeA !== typeB) {
    differences.push({
      kind: 'content-type',
      pointer: '',
      message: `content type ${typeA || 'none'} on A, ${typeB || 'none'} on B`,
      a: typeA,
      b: typeB,
      fingerprint: `content-type:${where}:${ra.status}:${typeA}:${typeB}`,
    });
    return differences;
  }
  const documented = matchResponse(operation, ra.status);
  const schemas = documented === undefined ? [] : schemasOf(documented.content, typeA);
  const body = bodyDifference(a, b, schemas, options);
  if (body !== undefined)
    differences.push({ ...body, fingerprint: `body:${where}:${ra.status}:${shape(body.pointer)}` });
  for (const [name, header] of Object.entries(documented?.headers ?? {})) {
    const key = name.toLowerCase();
    const va = ra.headers[key];
    const vb = rb.headers[key];
    if (va === vb) continue;
    const volatile =
      options.volatileHeaders?.includes(key) === true || isVolatile([header.schema], options.defs);
    if (va !== undefined && vb !== undefined && volatile) continue;
    differences.push({
      kind: 'header',
      pointer: key,
      message: `header ${key}: ${show(va)} on A, ${show(vb)} on B`,
      a: va,
      b: vb,
      fingerprint: `header:${where}:${ra.status}:${key}`,
    });
  }
  return differences;
}

function bodyDifference(
  a: Exchange,
  b: Exchange,
  schemas: readonly JsonSchema[],
  options: CompareOptions,
): Omit<Difference, 'fingerprint'> | undefined {
  // A body cut at the read cap is only its first bytes: two of them, or one beside a whole body,
  // cannot be compared once normalised, so a difference could be a false one. Say nothing.
  if (a.response.truncated || b.response.truncated) return undefined;
  const pa = parsedBody(a.response);
  const pb = parsedBody(b.response);
  if (!pa.ok || !pb.ok) {
    if (a.response.body === b.response.body) return undefined;
    return {
      kind: 'body',
      pointer: '',
      message: 'the bodies differ',
      a: a.response.body,
      b: b.response.body,
    };
  }
  const ordering = a.operation.list?.ordering?.param;
  const ordered = ordering !== undefined && new URLSearchParams(a.request.query).has(ordering);
  const normalise = (value: unknown) =>
    normaliseBody(value, { schemas, defs: options.defs, ordered, volatile: options.volatile ?? [] });
  const found = firstDifference(normalise(pa.value), normalise(pb.value));
  if (found === undefined) return undefined;
  return {
    kind: 'body',
    pointer: found.pointer,
    message: `body at ${found.pointer || '/'}: ${show(found.a)} on A, ${show(found.b)} on B${ordered ? '' : ' (arrays compared as multisets)'}`,
    a: found.a,
    b: found.b,
  };
}

function schemasOf(content: Readonly<Record<string, { schema?: JsonSchema }>>, type: string): JsonSchema[] {
  const exact = content[type]?.schema;
  if (exact !== undefined) return [exact];
  return Object.values(content).flatMap((media) => (media.schema === undefined ? [] : [media.schema]));
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A pointer with array indexes folded, so one difference in every item of a list is one bug. */
function shape(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
