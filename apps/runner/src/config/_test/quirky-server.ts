import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A live server for the things spec with three quirks a team would tell Assay about: list items
 * get fresh ids on every call (a volatile field), a thing's name changes on every fetch (what a
 * whole-run check can see), and the admin stats answer slowly (a per-operation timeout). Otherwise
 * correct: limit/offset pages that add up, 401 without the bearer token `t`, 400 for a bad id.
 */
export async function startQuirkyServer(options: {
  statsDelayMs: number;
}): Promise<{ url: string; close(): Promise<void> }> {
  let calls = 0;
  const total = 12;
  const server: Server = createServer((request, response) => {
    calls += 1;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== 'Bearer t') return send(401, { detail: 'who are you' });
    if (url.pathname === '/api/things/') {
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const take = Number(url.searchParams.get('take') ?? 5);
      if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(take) || take < 1 || take > 50) {
        return send(400, { detail: 'bad page' });
      }
      const results = [];
      for (let i = skip; i < Math.min(total, skip + take); i++)
        results.push({ id: calls * 1000 + i + 1, name: `thing ${i}` });
      return send(200, { total, results });
    }
    const thing = /^\/api\/things\/([^/]+)\/$/.exec(url.pathname);
    if (thing !== null) {
      const id = Number(thing[1]);
      if (!Number.isInteger(id) || id < 1) return send(400, { detail: 'not an id' });
      return send(200, { id, name: `name ${calls}` });
    }
    if (url.pathname === '/api/admin/stats/') {
      const timer = setTimeout(() => send(200, { n: calls }), options.statsDelayMs);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    send(404, { detail: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
