import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockDispatcher, type MockReply } from '@assay/mock';
import type { HttpRequest } from '@assay/model';
import { type Response as InjectedResponse, type InjectOptions, inject } from 'light-my-request';
import type { Dispatcher } from 'undici';

/** A Node request listener: what `http.createServer` takes, and what Express and Connect apps are. */
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * An undici Dispatcher that hands every request to a Node request listener in-process, without a
 * socket or a port: an Express, Connect or plain `node:http` app is tested as it would be served.
 * light-my-request builds the request and response objects (the same library Fastify's `inject`
 * uses), so the app sees a real `IncomingMessage` stream and a `ServerResponse` it can write to.
 */
export function handlerDispatcher(listener: NodeListener): Dispatcher {
  return new MockDispatcher((request) => serveWith(listener, request));
}

async function serveWith(listener: NodeListener, request: HttpRequest): Promise<MockReply> {
  const url = request.query === '' ? request.path : `${request.path}?${request.query}`;
  const options: InjectOptions = {
    // light-my-request's method list omits TRACE, which the listener receives all the same.
    method: request.method as NonNullable<InjectOptions['method']>,
    url,
    headers: request.headers,
    ...(request.body === undefined ? {} : { payload: Buffer.from(request.body) }),
  };
  const response: InjectedResponse = await inject(listener, options);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    // Repeated headers are joined with ", " (RFC 9110 §5.3), as the model asks.
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: response.statusCode, headers, body: response.payload };
}
