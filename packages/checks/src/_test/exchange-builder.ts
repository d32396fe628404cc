import type { Exchange, HttpRequest, Operation, ResponseSpec } from '@assay/model';

/** A response spec with a JSON body schema (or none) and headers. */
export function responseSpec(
  status: string,
  content: Record<string, unknown> = {},
  headers: ResponseSpec['headers'] = {},
): ResponseSpec {
  return {
    status,
    headers,
    content: Object.fromEntries(
      Object.entries(content).map(([mediaType, schema]) => [
        mediaType,
        { mediaType, schema: schema as ResponseSpec['content'][string]['schema'], examples: [] },
      ]),
    ),
  };
}

export function operationWith(responses: ResponseSpec[], extra: Partial<Operation> = {}): Operation {
  return {
    id: 'op',
    method: 'GET',
    path: '/things',
    pointer: '/paths/~1things/get',
    tags: [],
    deprecated: false,
    parameters: [],
    responses: Object.fromEntries(responses.map((r) => [r.status, r])),
    security: [],
    extensions: {},
    ...extra,
  };
}

export interface ExchangeParts {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  mode?: HttpRequest['mode'];
  query?: string;
  method?: HttpRequest['method'];
  requestHeaders?: Record<string, string>;
}

export function exchangeWith(operation: Operation, parts: ExchangeParts = {}): Exchange {
  const body =
    parts.body === undefined ? '' : typeof parts.body === 'string' ? parts.body : JSON.stringify(parts.body);
  return {
    operation,
    request: {
      method: parts.method ?? operation.method,
      path: operation.path,
      query: parts.query ?? '',
      headers: parts.requestHeaders ?? {},
      operationId: operation.id,
      mode: parts.mode ?? 'positive',
    },
    response: {
      status: parts.status ?? 200,
      headers: parts.headers ?? (body === '' ? {} : { 'content-type': 'application/json' }),
      body,
      truncated: false,
      durationMs: 1,
    },
  };
}

/** The query parameter `ordering`, documenting its fields (both directions) in an enum. */
export function orderingParameter(
  fields: readonly string[],
  name = 'ordering',
): Operation['parameters'][number] {
  return {
    name,
    in: 'query',
    required: false,
    style: 'form',
    explode: true,
    allowReserved: false,
    schema: { type: 'string', enum: fields.flatMap((f) => [f, `-${f}`]) },
    deprecated: false,
    examples: [],
  };
}
