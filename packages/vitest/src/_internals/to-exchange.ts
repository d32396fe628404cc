import type { Exchange, GenerationMode, HttpMethod, HttpResponse } from '@assay/model';
import type { ContractOperation } from '../load-contract.js';

/**
 * A response as the matchers take it: a fetch `Response`, or a plain object with the status,
 * headers and body (a string, or a value that is sent as JSON) and, for walks, the URL it answered.
 */
export type ResponseLike =
  | Response
  | {
      status: number;
      headers?: Readonly<Record<string, string | readonly string[] | undefined>> | Headers;
      body?: unknown;
      /** The absolute URL the response answered; needed for pages of a walk. */
      url?: string;
      /** The request's method; the operation's when absent. */
      method?: string;
    };

/** Turns what a user's test holds into the exchange the checks judge. */
export async function toExchange(
  received: ResponseLike,
  target: ContractOperation,
  mode: GenerationMode,
): Promise<Exchange> {
  const { operation } = target;
  const isFetch = isFetchResponse(received);
  const headers = headersOf(received.headers);
  const body = isFetch
    ? await (received as Response).clone().text()
    : bodyText((received as { body?: unknown }).body);
  if (
    !isFetch &&
    headers['content-type'] === undefined &&
    typeof (received as { body?: unknown }).body === 'object'
  ) {
    headers['content-type'] = 'application/json';
  }
  const response: HttpResponse = { status: received.status, headers, body, truncated: false, durationMs: 0 };
  const url = received.url === undefined || received.url === '' ? undefined : new URL(received.url);
  const method = (!isFetch && (received as { method?: string }).method?.toUpperCase()) || operation.method;
  let path = url?.pathname ?? operation.path;
  const base = target.contract.basePath;
  if (base !== '' && path.startsWith(`${base}/`)) path = path.slice(base.length);
  return {
    operation,
    request: {
      method: method as HttpMethod,
      path,
      query: url === undefined ? '' : url.search.replace(/^\?/, ''),
      headers: {},
      operationId: operation.id,
      mode,
    },
    response,
  };
}

/**
 * A fetch Response, from Node's fetch or from the undici package (two different classes), told by
 * its shape rather than `instanceof`.
 */
function isFetchResponse(value: ResponseLike): value is Response {
  const candidate = value as Partial<Response>;
  return typeof candidate.clone === 'function' && typeof candidate.text === 'function';
}

function headersOf(raw: ResponseLike['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined) return out;
  const entries: Iterable<[string, unknown]> =
    typeof (raw as Headers).entries === 'function' && typeof (raw as Headers).get === 'function'
      ? (raw as Headers).entries()
      : Object.entries(raw);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}
