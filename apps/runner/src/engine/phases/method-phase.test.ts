import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { describe, expect, it } from 'vitest';
import { type ExecuteRunOptions, executeRun } from '../execute-run.js';

const doc = {
  openapi: '3.1.0',
  info: { title: 'methods', version: '1' },
  paths: {
    '/orders': {
      post: {
        operationId: 'createOrder',
        responses: {
          '201': { description: 'made', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { name: 'X-Tenant', in: 'header', required: true, schema: { type: 'string', enum: ['acme'] } },
        ],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array' } } } },
          '400': { description: 'bad' },
        },
      },
    },
  },
};

/** Answers the one documented operation; `bug` routes every method and reads the header if present. */
function handler(bug: boolean): RequestListener {
  return (request, response) => {
    const allowed = request.url?.startsWith('/orders') ? ['POST'] : ['GET', 'HEAD'];
    if (!bug && !allowed.includes(request.method ?? '')) {
      return response.writeHead(405, { allow: allowed.join(', ') }).end();
    }
    if (request.url?.startsWith('/orders')) {
      return response.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    }
    if (!bug && request.headers['x-tenant'] !== 'acme') return response.writeHead(400).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  };
}

async function runAgainst(bug: boolean) {
  const server: Server = createServer(handler(bug));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const pool = new Pool(url.origin);
  const options: ExecuteRunOptions = {
    spec: 'spec',
    mock: false,
    baseUrl: url,
    dispatcher: pool,
    operations: [],
    tags: [],
    headers: [],
    maxExamples: 5,
    seed: 2,
    excludeChecks: [],
    concurrency: 2,
    timeoutMs: 5000,
    // The undocumented GET is probed on the POST-only path, which is sent only with --unsafe.
    unsafe: true,
    shrink: false,
    maxBodyBytes: 100_000,
    faults: [],
  };
  try {
    return await executeRun(await loadApi(doc), options);
  } finally {
    await pool.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the method phase against a live server', () => {
  it('finds nothing on a server that answers 405 with Allow and rejects a missing required header', async () => {
    const result = await runAgainst(false);
    expect(result.failures.map((f) => f.violation.check)).toEqual([]);
    expect(result.operations[0]!.checks).toEqual(
      expect.arrayContaining(['unsupported-method', 'missing-required-header']),
    );
  });

  it('finds a server that runs an undocumented method and one that ignores a missing required header', async () => {
    const result = await runAgainst(true);
    const found = result.failures.map((f) => [f.violation.check, f.violation.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['unsupported-method', 'GET /orders, which the spec does not document, was accepted with 201'],
        ['missing-required-header', 'request without the required header X-Tenant answered 200'],
      ]),
    );
  });
});
