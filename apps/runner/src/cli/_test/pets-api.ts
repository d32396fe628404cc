import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small API for console and report tests: a secured list, an item, and a POST that is not sent
 * without --unsafe. `genre` is an enum of strings, so a server answering `genre: 7` breaks one rule
 * of one value.
 */
export const petsDocument = {
  openapi: '3.0.3',
  info: { title: 'pets', version: '1' },
  servers: [{ url: '/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Pet: {
        type: 'object',
        required: ['id', 'genre'],
        properties: { id: { type: 'integer' }, genre: { type: 'string', enum: ['cat', 'dog'] } },
      },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    '/pets': {
      get: {
        operationId: 'list_pets',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } },
            },
          },
          '401': { description: 'no credentials' },
        },
      },
      post: {
        operationId: 'create_pet',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
        },
        responses: { '201': { description: 'created' }, '400': { description: 'bad' } },
      },
    },
    '/pets/{id}': {
      get: {
        operationId: 'get_pet',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
          },
          '401': { description: 'no credentials' },
          '404': { description: 'no such pet' },
        },
      },
    },
  },
};

/** The pets spec written to a temporary folder, in YAML-free pretty JSON (so lines are known). */
export async function writePetsSpec(): Promise<{ dir: string; spec: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-pets-'));
  const spec = join(dir, 'pets.json');
  await writeFile(spec, `${JSON.stringify(petsDocument, null, 2)}\n`);
  return { dir, spec };
}

/** A pets server on 127.0.0.1: see {@link startPetsServer}. */
export interface PetsServer {
  /** The base URL, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  /** Every `authorization` header it received. */
  authorizations: string[];
  /** Switches the planted bug on or off. */
  broken: boolean;
  close(): Promise<void>;
}

/**
 * A pets server that wants `Bearer <token>` (401 otherwise) and, while `broken`, answers the list
 * with `genre: 7`. `notFound` makes it answer 404 to everything, as a server behind a wrong base URL.
 */
export async function startPetsServer(options: { token: string; notFound?: boolean }): Promise<PetsServer> {
  const state: PetsServer = { url: '', authorizations: [], broken: true, close: async () => undefined };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    state.authorizations.push(req.headers.authorization ?? '');
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://x');
    const item = /^\/v1\/pets\/(-?\d+)$/.exec(url.pathname);
    if (options.notFound === true) json(404, { detail: 'not found' });
    else if (req.headers.authorization !== `Bearer ${options.token}`) json(401, { detail: 'no' });
    else if (url.pathname === '/v1/pets') json(200, [{ id: 1, genre: state.broken ? 7 : 'cat' }]);
    else if (item !== null) json(200, { id: Number(item[1]), genre: 'dog' });
    else json(404, { detail: 'not found' });
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
