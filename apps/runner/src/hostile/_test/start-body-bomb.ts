import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/** The hostile bodies a memory bound is tested against. */
export type BodyBomb = 'big' | 'endless' | 'gzip-bomb';

/** A server on 127.0.0.1 answering every request, on any path, with one hostile body. */
export interface BodyBombServer {
  url: URL;
  close(): Promise<void>;
}

const mb = 1024 * 1024;
let bomb: Buffer | undefined;

/**
 * Starts a server whose every answer is `kind`: a 300 MB body with its Content-Length, an endless
 * chunked body, or a gzip body of about 300 KB inflating to 300 MB. Writes honour back-pressure, so
 * the server only produces what the client reads.
 */
export async function startBodyBomb(kind: BodyBomb): Promise<BodyBombServer> {
  if (kind === 'gzip-bomb') bomb ??= gzipSync(Buffer.alloc(300 * mb, 32), { level: 9 });
  const chunk = Buffer.alloc(64 * 1024, 32);
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    request.resume();
    const json = { 'content-type': 'application/json' };
    if (kind === 'big') {
      response.writeHead(200, { ...json, 'content-length': String(300 * mb) });
      pump(response, chunk, 300 * mb);
    } else if (kind === 'endless') {
      response.writeHead(200, json);
      pump(response, chunk, Infinity);
    } else {
      response.writeHead(200, { ...json, 'content-encoding': 'gzip' }).end(bomb);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function pump(response: ServerResponse, chunk: Buffer, total: number): void {
  let sent = 0;
  let closed = false;
  response.on('close', () => {
    closed = true;
  });
  const write = () => {
    while (!closed && sent < total) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', write);
        return;
      }
    }
    if (!closed) response.end();
  };
  write();
}
