import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { type ExecuteRunOptions, executeRun } from '../../engine/execute-run.js';
import type { Failure, OperationResult, RunResult } from '../../engine/run-result.js';

/** What the hostile route does with one request. */
export type HostileHandler = (req: IncomingMessage, res: ServerResponse, target: HostileTarget) => void;

/** A node:http server on 127.0.0.1 with one hostile route (`/victim`) and one well-behaved one (`/fine`). */
export interface HostileTarget {
  url: URL;
  /** Requests that reached `/victim`, with or without credentials. */
  victimHits: number;
  /** Body bytes the hostile route managed to hand to the socket (a stream stops when the client does). */
  bytesSent: number;
  /** Every `authorization` header the server saw, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

const ok = (schema: object) => ({
  description: 'ok',
  content: { 'application/json': { schema } },
});

/** Two safe operations: `victim` meets the hostile route, `fine` must still be tested normally. */
export const hostileDocument = {
  openapi: '3.0.3',
  info: { title: 'hostile', version: '1' },
  paths: {
    '/victim': {
      get: {
        operationId: 'victim',
        security: [{ bearer: [] }],
        responses: {
          '200': ok({
            type: 'object',
            required: ['id'],
            // A pattern catastrophic for backtracking engines, for servers that answer a near miss.
            properties: { id: { type: 'integer' }, name: { type: 'string', pattern: '^(a+)+$' } },
          }),
          '401': { description: 'no credentials' },
        },
      },
    },
    '/fine': {
      get: {
        operationId: 'fine',
        security: [{ bearer: [] }],
        parameters: [{ name: 'q', in: 'query', schema: { type: 'integer' } }],
        responses: {
          '200': ok({ type: 'object', required: ['id'], properties: { id: { type: 'integer' } } }),
          '400': { description: 'bad query' },
          '401': { description: 'no credentials' },
        },
      },
    },
  },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
};

/** Starts a server whose `/victim` route runs `handler`; `/fine` answers correctly. */
export async function startHostileTarget(handler: HostileHandler): Promise<HostileTarget> {
  const sockets = new Set<Socket>();
  const target: HostileTarget = {
    url: new URL('http://127.0.0.1'),
    victimHits: 0,
    bytesSent: 0,
    authorizations: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req, res) => {
    target.authorizations.push(req.headers.authorization ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/victim') target.victimHits += 1;
    if (req.headers.authorization !== 'Bearer hostile-secret-token') {
      res.writeHead(401).end();
      return;
    }
    if (url.pathname === '/victim') {
      handler(req, res, target);
      return;
    }
    if (url.pathname === '/fine') {
      const q = url.searchParams.get('q');
      if (q !== null && !/^-?\d+$/.test(q)) {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}');
      return;
    }
    res.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return target;
}

/** Writes `chunk` until `total` bytes are out or the client goes away, honouring back-pressure. */
export function stream(res: ServerResponse, target: HostileTarget, chunk: Buffer, total = Infinity): void {
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const pump = () => {
    while (!closed && target.bytesSent < total) {
      target.bytesSent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

/** What a run against a hostile target gave. */
export interface HostileOutcome {
  result: RunResult;
  elapsedMs: number;
  victim: OperationResult;
  fine: OperationResult;
  failuresOf(operationId: string): Failure[];
}

let api: ApiModel | undefined;

/** Runs Assay (a live run through an undici Pool, as the CLI does) against the target. */
export async function runAgainst(
  target: HostileTarget,
  overrides: Partial<ExecuteRunOptions> = {},
): Promise<HostileOutcome> {
  api ??= await loadApi(hostileDocument);
  const pool = new Pool(target.url.origin, { connections: 2 });
  const started = performance.now();
  try {
    const result = await executeRun(api, {
      spec: 'hostile',
      mock: false,
      baseUrl: target.url,
      dispatcher: pool,
      operations: [],
      tags: [],
      bearer: 'hostile-secret-token',
      headers: [],
      maxExamples: 5,
      seed: 7,
      excludeChecks: [],
      concurrency: 2,
      timeoutMs: 1000,
      timeBudgetS: 30,
      unsafe: false,
      shrink: false,
      maxBodyBytes: 64 * 1024,
      faults: [],
      ...overrides,
    });
    const elapsedMs = performance.now() - started;
    const byId = new Map(result.operations.map((op) => [op.operationId, op]));
    return {
      result,
      elapsedMs,
      victim: byId.get('victim')!,
      fine: byId.get('fine')!,
      failuresOf: (id) => result.failures.filter((f) => f.operationId === id),
    };
  } finally {
    await pool.destroy().catch(() => undefined);
  }
}
