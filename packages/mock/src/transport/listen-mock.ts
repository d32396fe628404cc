import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpMethod, HttpRequest } from '@assay/model';
import type { MockReply } from '../_internals/mock-reply.js';

/** Where to listen. */
export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the mock is not meant to be reachable from other machines. */
  host?: string;
}

/** A running mock server. */
export interface MockServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Serves the mock over node:http; same handler as the in-process dispatcher. */
export function listenMock(
  serve: (request: HttpRequest) => MockReply,
  options: ListenOptions = {},
): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      let reply: MockReply;
      try {
        reply = serve(toRequest(incoming, Buffer.concat(chunks)));
      } catch (error) {
        reply = {
          status: 500,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ detail: `mock error: ${(error as Error).message}` }),
        };
      }
      outgoing.writeHead(reply.status, reply.headers);
      outgoing.end(incoming.method === 'HEAD' ? undefined : reply.body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done, failed) => {
            server.close((err) => (err === undefined ? done() : failed(err)));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function toRequest(incoming: IncomingMessage, body: Buffer): HttpRequest {
  const target = incoming.url ?? '/';
  const mark = target.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (incoming.method ?? 'GET').toUpperCase() as HttpMethod,
    path: mark === -1 ? target : target.slice(0, mark),
    query: mark === -1 ? '' : target.slice(mark + 1),
    headers,
    ...(body.length === 0 ? {} : { body }),
    operationId: '',
    mode: 'positive',
  };
}
