import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from './execute-run.js';

const ok = { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } };
const document = {
  openapi: '3.0.3',
  info: { title: 'hostile', version: '1' },
  paths: {
    '/hang': { get: { operationId: 'hang', responses: { '200': ok } } },
    '/reset': { get: { operationId: 'reset', responses: { '200': ok } } },
    '/huge': { get: { operationId: 'huge', responses: { '200': ok } } },
    '/fine': {
      get: {
        operationId: 'fine',
        parameters: [{ name: 'q', in: 'query', schema: { type: 'integer' } }],
        responses: { '200': ok, '400': { description: 'bad' } },
      },
    },
  },
};

let server: Server;
let api: ApiModel;
let baseUrl: URL;

beforeAll(async () => {
  api = await loadApi(document);
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/hang') return;
    if (path === '/reset') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '50' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 5);
      return;
    }
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"a":"${'x'.repeat(300_000)}"}`);
      return;
    }
    const q = new URL(req.url ?? '', 'http://x').searchParams.get('q');
    if (q !== null && !/^-?\d+$/.test(q)) {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('executeRun against a hostile server', () => {
  it('treats a TLS handshake that can never succeed as an unreachable target', async () => {
    const tlsUrl = new URL(baseUrl.href.replace('http:', 'https:'));
    const pool = new Pool(tlsUrl.origin, { connections: 1 });
    const run = executeRun(api, {
      spec: 'hostile',
      mock: false,
      baseUrl: tlsUrl,
      dispatcher: pool,
      operations: ['fine'],
      tags: [],
      headers: [],
      maxExamples: 5,
      seed: 1,
      excludeChecks: [],
      concurrency: 1,
      timeoutMs: 2000,
      unsafe: false,
      shrink: false,
      maxBodyBytes: 1024,
      faults: [],
    });
    await expect(run).rejects.toMatchObject({ code: 'target-unreachable' });
    await pool.close();
  });

  it('reports hangs, resets and huge bodies as findings, gives up on them, and tests the rest', async () => {
    const pool = new Pool(baseUrl.origin, { connections: 2 });
    const started = performance.now();
    const result = await executeRun(api, {
      spec: 'hostile',
      mock: false,
      baseUrl,
      dispatcher: pool,
      operations: [],
      tags: [],
      headers: [],
      maxExamples: 20,
      seed: 1,
      excludeChecks: [],
      concurrency: 2,
      timeoutMs: 1000,
      unsafe: false,
      shrink: true,
      maxBodyBytes: 64 * 1024,
      faults: [],
    });
    await pool.close();
    expect(performance.now() - started).toBeLessThan(10_000);
    const byOp = Object.fromEntries(result.operations.map((op) => [op.operationId, op]));
    const checksOf = (id: string) =>
      result.failures.filter((f) => f.operationId === id).map((f) => f.violation.check);
    expect(checksOf('hang')).toEqual(['response-timeout']);
    expect(byOp.hang!.skipped).toContain('given up');
    expect(checksOf('reset')).toEqual(['transport-error']);
    expect(byOp.reset!.skipped).toContain('given up');
    // A body past the cap is cut and not read further: a warning says it was not fully checked.
    const huge = result.failures.filter((f) => f.operationId === 'huge');
    expect(huge.map((f) => [f.violation.check, f.violation.severity])).toEqual([
      ['transport-error', 'warning'],
    ]);
    expect(huge[0]!.violation.message).toContain('65536 bytes');
    expect(huge[0]!.response?.truncated).toBe(true);
    expect(checksOf('fine')).toEqual([]);
    expect(byOp.fine!.requests).toBeGreaterThan(20);
    expect(result.incomplete).toBe(false);
  });
});
