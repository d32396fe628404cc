import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { HttpRequest } from '@assay/model';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, type TransportOptions } from './create-transport.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
const seen: string[] = [];
let server: Server;
let base: URL;
const agent = new Agent({ keepAliveTimeout: 1000 });

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    const path = (req.url ?? '').split('?')[0]!;
    const handler = routes.get(path.replace(/^\/api/, ''));
    if (handler === undefined) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

const request = (path: string, query = ''): HttpRequest => ({
  method: 'GET',
  path,
  query,
  headers: { authorization: 'Bearer t' },
  operationId: 'op',
  mode: 'positive',
});
const transport = (extra: Partial<TransportOptions> = {}) =>
  createTransport({
    baseUrl: base,
    dispatcher: agent,
    concurrency: 2,
    timeoutMs: 300,
    maxBodyBytes: 1024,
    ...extra,
  });

describe('createTransport', () => {
  it('joins the base path and the operation path, and reads the response', async () => {
    routes.set('/v3/things/', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
    );
    const outcome = await transport().send(request('/v3/things/', 'page=2'));
    expect(outcome.sent.url).toBe(`${base.origin}/api/v3/things/?page=2`);
    expect(outcome).toMatchObject({
      kind: 'response',
      response: {
        status: 200,
        body: '{"a":1}',
        truncated: false,
        headers: { 'content-type': 'application/json' },
      },
    });
  });

  it('reports a server that never answers as response-timeout, within the timeout', async () => {
    routes.set('/hang', () => {});
    const started = performance.now();
    const outcome = await transport().send(request('/hang'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(outcome).toMatchObject({ kind: 'fault', fault: { check: 'response-timeout' } });
  });

  it('reports a body that stalls after the headers as response-timeout', async () => {
    routes.set('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const outcome = await transport().send(request('/stall'));
    expect(outcome).toMatchObject({ kind: 'fault', fault: { check: 'response-timeout' } });
  });

  it('reports a connection closed mid-body as transport-error', async () => {
    routes.set('/reset', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const outcome = await transport().send(request('/reset'));
    expect(outcome).toMatchObject({ kind: 'fault', fault: { check: 'transport-error' } });
  });

  it('caps body reads and marks them truncated, for plain and gzip bodies', async () => {
    routes.set('/big', (_req, res) => res.writeHead(200).end('x'.repeat(100_000)));
    // Compressed before the request: gzipping 20 MB inside the handler took longer than the
    // 300 ms timeout on a loaded machine, which made this a timeout test by accident.
    const compressed = gzipSync(Buffer.alloc(20_000_000));
    routes.set('/bomb', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(compressed));
    const big = await transport({ timeoutMs: 10_000 }).send(request('/big'));
    const bomb = await transport({ timeoutMs: 10_000 }).send(request('/bomb'));
    for (const outcome of [big, bomb]) {
      expect(outcome.kind).toBe('response');
      if (outcome.kind === 'response') {
        expect(outcome.response.truncated).toBe(true);
        expect(outcome.response.body.length).toBe(1024);
      }
    }
  });

  it('retries a 429 with Retry-After a bounded number of times, then reports it as not tested', async () => {
    let calls = 0;
    routes.set('/busy', (_req, res) => {
      calls += 1;
      if (calls < 2) res.writeHead(429, { 'retry-after': '0' }).end();
      else res.writeHead(200).end('ok');
    });
    expect(await transport().send(request('/busy'))).toMatchObject({
      attempts: 2,
      response: { status: 200 },
    });
    routes.set('/storm', (_req, res) => res.writeHead(503, { 'retry-after': '0' }).end());
    expect(await transport({ maxRetries: 2 }).send(request('/storm'))).toMatchObject({
      kind: 'fault',
      attempts: 3,
      fault: { check: 'transport-error', code: 'UNAVAILABLE' },
    });
    routes.set('/later', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    expect(await transport().send(request('/later'))).toMatchObject({
      kind: 'fault',
      attempts: 1,
      fault: { code: 'RATE_LIMITED', message: expect.stringContaining('Retry-After 3600 s is longer') },
    });
  });

  it('backs off on a 429 without Retry-After, doubling the wait', async () => {
    routes.set('/limited', (_req, res) => res.writeHead(429).end());
    const started = performance.now();
    const outcome = await transport({ retryBackoffMs: 50 }).send(request('/limited'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(outcome).toMatchObject({ kind: 'fault', attempts: 3, fault: { code: 'RATE_LIMITED' } });
  });

  it('returns a 503 without Retry-After as it is: it is the server failing, for the checks to judge', async () => {
    routes.set('/down', (_req, res) => res.writeHead(503).end());
    expect(await transport().send(request('/down'))).toMatchObject({
      attempts: 1,
      response: { status: 503 },
    });
  });

  it('does not follow redirects, so credentials never leave for another origin', async () => {
    routes.set('/moved', (_req, res) => res.writeHead(302, { location: 'http://example.invalid/' }).end());
    expect(await transport().send(request('/moved'))).toMatchObject({ response: { status: 302 } });
  });

  it('marks a refused connection as unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await transport({ baseUrl: new URL(`http://127.0.0.1:${port}`) }).send(request('/x'));
    expect(outcome).toMatchObject({ kind: 'fault', fault: { check: 'transport-error', unreachable: true } });
  });

  it('dispatches requests in call order whatever the concurrency', async () => {
    routes.set('/n', (_req, res) => setTimeout(() => res.writeHead(200).end(), Math.random() * 5));
    const order: string[] = [];
    const observed = agent.compose((dispatch) => (opts, handler) => {
      order.push(String(opts.path));
      return dispatch(opts, handler);
    });
    const t = transport({ concurrency: 4, dispatcher: observed });
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.send(request('/n', `i=${i}`))));
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => `/api/n?i=${i}`));
    expect(t.sent).toBe(20);
  });

  it('stops queued requests when the run is aborted', async () => {
    routes.set('/slow', (_req, res) => setTimeout(() => res.writeHead(200).end(), 100));
    const controller = new AbortController();
    const t = transport({ concurrency: 1, signal: controller.signal, timeoutMs: 5000 });
    const outcomes = Array.from({ length: 5 }, () => t.send(request('/slow')));
    setTimeout(() => controller.abort(), 20);
    const kinds = (await Promise.all(outcomes)).map((o) => o.kind);
    expect(kinds.every((k) => k === 'aborted')).toBe(true);
  });

  it("stops an operation's requests in flight when its own signal aborts, and no other", async () => {
    routes.set('/hang', () => {});
    routes.set('/quick', (_req, res) => setTimeout(() => res.writeHead(200).end('{}'), 80));
    const t = transport({ concurrency: 4, timeoutMs: 5000 });
    const operation = new AbortController();
    const started = performance.now();
    const hanging = [t.send(request('/hang'), operation.signal), t.send(request('/hang'), operation.signal)];
    const other = t.send(request('/quick'), new AbortController().signal);
    setTimeout(() => operation.abort(), 30);
    expect((await Promise.all(hanging)).map((o) => o.kind)).toEqual(['aborted', 'aborted']);
    expect(performance.now() - started).toBeLessThan(1000);
    const quick = await other;
    expect(quick.kind === 'response' && quick.response.status).toBe(200);
  });
});
