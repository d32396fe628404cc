import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that was free a moment ago, for servers that cannot be told to pick their own
 * (Prism). Ports are handed out by the OS in rotation, so another process taking it before the
 * server binds is unlikely; the caller's readiness probe would then fail loudly, not silently.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}
