import type { MediaTypeSpec, Operation, ResponseSpec } from '@assay/model';
import { isJson } from './parse-body.js';

/** The status to answer with, and the documented response it falls under (if any). */
export interface ResponseChoice {
  status: number;
  spec?: ResponseSpec;
}

// Both are asked for on every request, and depend only on the (immutable) operation: computed once.
const successes = new WeakMap<Operation, ResponseChoice>();
const medias = new WeakMap<ResponseSpec, MediaTypeSpec | undefined>();

/**
 * The lowest documented 2xx, else `2XX` or `default` as 200, else the lowest documented 1xx or 3xx,
 * else the lowest documented 4xx; an undocumented 200 only when nothing else is documented.
 */
export function successResponse(operation: Operation): ResponseChoice {
  let choice = successes.get(operation);
  if (choice === undefined) {
    choice = Object.freeze(computeSuccessResponse(operation));
    successes.set(operation, choice);
  }
  return choice;
}

function computeSuccessResponse(operation: Operation): ResponseChoice {
  const codes = Object.keys(operation.responses)
    .filter((k) => /^2\d\d$/.test(k))
    .sort();
  const [first] = codes;
  if (first !== undefined) return { status: Number(first), spec: operation.responses[first] };
  const range = operation.responses['2XX'] ?? operation.responses['2xx'];
  if (range !== undefined) return { status: 200, spec: range };
  const fallback = operation.responses.default;
  if (fallback !== undefined) return { status: 200, spec: fallback };
  // No success documented (a redirect-only operation, say): the lowest documented code below 400,
  // else the lowest documented 4xx (Kubernetes documents only 401 for GET /logs/): an
  // undocumented 200 would break the contract the spec states, however odd that contract is.
  const documented = Object.keys(operation.responses).filter((k) => /^[1-4]\d\d$/.test(k));
  const other = documented.filter((k) => /^[13]/.test(k)).sort()[0] ?? documented.sort()[0];
  return other === undefined ? { status: 200 } : { status: Number(other), spec: operation.responses[other] };
}

/**
 * The documented response for an error: the first of `preferred` that the operation documents,
 * else (when `anyClientError`) any other documented 4xx, else `4XX`, else `default` — each answered
 * with the first preferred status. Undefined when nothing fits and `fallback` is false.
 */
export function errorResponse(
  operation: Operation,
  preferred: readonly number[],
  options: { anyClientError: boolean; fallback: boolean },
): ResponseChoice | undefined {
  const responses = operation.responses;
  for (const status of preferred) {
    const spec = responses[String(status)];
    if (spec !== undefined) return { status, spec };
  }
  const first = preferred[0] ?? 400;
  if (options.anyClientError) {
    const other = Object.keys(responses)
      .filter((k) => /^4\d\d$/.test(k) && !['401', '403', '404', '405', '406', '429'].includes(k))
      .sort()[0];
    if (other !== undefined) return { status: Number(other), spec: responses[other] };
  }
  const range = responses['4XX'] ?? responses['4xx'];
  if (range !== undefined) return { status: first, spec: range };
  if (responses.default !== undefined) return { status: first, spec: responses.default };
  if (options.anyClientError) {
    // Still a client error, and a documented one: 404 first (a bad path parameter finds nothing).
    const any = [
      '404',
      ...Object.keys(responses)
        .filter((k) => /^4\d\d$/.test(k))
        .sort(),
    ].find((k) => responses[k] !== undefined);
    if (any !== undefined) return { status: Number(any), spec: responses[any] };
  }
  return options.fallback ? { status: first } : undefined;
}

/** The media type to answer with: JSON when documented, else the first one. */
export function responseMedia(spec: ResponseSpec | undefined): MediaTypeSpec | undefined {
  if (spec === undefined) return undefined;
  if (medias.has(spec)) return medias.get(spec);
  const all = Object.values(spec.content);
  const media = all.find((m) => isJson(m.mediaType)) ?? all[0];
  medias.set(spec, media);
  return media;
}

/** A concrete Content-Type for a documented media type or range. */
export function concreteMediaType(mediaType: string): string {
  if (mediaType === '*/*' || mediaType === 'application/*') return 'application/json';
  if (mediaType.endsWith('/*')) return `${mediaType.slice(0, -1)}plain`;
  return mediaType;
}

/** The documented response a status falls under: its code, its range (`4XX`), else `default`. */
export function documentedResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const code = String(status);
  return (
    operation.responses[code] ??
    operation.responses[`${code[0]}XX`] ??
    operation.responses[`${code[0]}xx`] ??
    operation.responses.default
  );
}
