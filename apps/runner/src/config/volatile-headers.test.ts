import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from '@assay/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { runCli } from '../cli/run-cli.js';
import { stripVolatile } from './_internals/strip-volatile.js';
import { folderWith } from './_test/run-in-folder.js';

// A status document whose ETag is made fresh on every answer, as a server hashing a timestamp does.
const spec = {
  openapi: '3.0.3',
  info: { title: 'status', version: '1' },
  paths: {
    '/status': {
      get: {
        operationId: 'getStatus',
        responses: {
          '200': {
            description: 'the status',
            headers: { ETag: { required: true, schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
              },
            },
          },
        },
      },
    },
  },
};

const servers: Server[] = [];
async function serve(side: string): Promise<string> {
  let n = 0;
  const server = createServer((_req, res) => {
    n += 1;
    res.writeHead(200, { 'content-type': 'application/json', etag: `"${side}-${n}"` });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let a: string;
let b: string;
beforeAll(async () => {
  a = await serve('a');
  b = await serve('b');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function diff(config: string) {
  const dir = await folderWith({ 'openapi.json': spec, 'assay.config.yaml': config });
  const out = captureIo({}, { cwd: dir });
  const code = await runCli(
    ['diff', 'openapi.json', '--base-url', a, '--against', b, '--seed', '1', '--max-examples', '5'],
    out.io,
  );
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe('volatileHeaders', () => {
  it('leaves the named headers out where assay diff compares answers', async () => {
    const plain = await diff('shrink: false\n');
    expect(plain.stdout, plain.stderr).toMatch(/header etag: .*a-\d+.* on A, .*b-\d+.* on B/);
    expect(plain.code).toBe(1);
    const volatile = await diff('shrink: false\noperations:\n  getStatus:\n    volatileHeaders: [ETag]\n');
    expect(volatile.stdout, volatile.stderr).toMatch(/✓ no difference/);
    expect(volatile.code).toBe(0);
  });

  it('is shown by assay inspect, lower case, and merged across entries', async () => {
    const dir = await folderWith({
      'openapi.json': spec,
      'assay.config.yaml':
        'spec: openapi.json\noperations:\n  /status: {volatileHeaders: [ETag]}\n  getStatus: {volatileHeaders: [Date, etag]}\n',
    });
    const out = captureIo({}, { cwd: dir });
    expect(await runCli(['inspect', '--json'], out.io)).toBe(0);
    const inspection = JSON.parse(out.stdout) as {
      operations: Array<{ config?: { volatileHeaders?: string[] } }>;
    };
    expect(inspection.operations[0]?.config?.volatileHeaders).toEqual(['etag', 'date']);
  });

  it('takes the headers out of the answers sequence checks compare', () => {
    const exchange = {
      request: {},
      operation: {},
      response: { status: 200, headers: { etag: '"1"', 'x-total-count': '3' }, body: '{"id":1,"n":2}' },
    } as unknown as Exchange;
    const stripped = stripVolatile(exchange, [['id']], ['etag']);
    expect(stripped.response.headers).toEqual({ 'x-total-count': '3' });
    expect(JSON.parse(stripped.response.body)).toEqual({ n: 2 });
    expect(exchange.response.headers.etag).toBe('"1"');
    expect(stripVolatile(exchange, [], ['date'])).toBe(exchange);
  });
});
