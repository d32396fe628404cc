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
    if (!bug && request.method !== 'GET' && request.method !== 'HEAD') {
      return response.writeHead(405, { allow: 'GET, HEAD' }).end();
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
    unsafe: false,
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
        ['unsupported-method', 'TRACE /items, which the spec does not document, was accepted with 200'],
        ['missing-required-header', 'request without the required header X-Tenant answered 200'],
      ]),
    );
  });
});
