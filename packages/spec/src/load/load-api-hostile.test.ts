import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchemaValidator } from '@assay/json-schema';
import { AssayError } from '@assay/model';
import { afterAll, describe, expect, it } from 'vitest';
import { rejection, specFolder } from '../_test/spec-files.js';
import { loadApi } from './load-api.js';

// Documents written to hurt the loader. Each must load, or fail with an AssayError that says why,
// in bounded time and memory; none may hang, overflow the stack, or read what it was not allowed to.

const { file } = specFolder('assay-hostile-spec-');

const withSchema = (schema: unknown, components: Record<string, unknown> = {}) => ({
  openapi: '3.0.3',
  info: { title: 'hostile', version: '1' },
  paths: {
    '/x': {
      get: {
        operationId: 'x',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
      },
    },
  },
  components: { schemas: components },
});

describe('hostile specs', () => {
  it('deeply nested schemas (2,000 levels of properties) load, or fail as spec-parse, never as a RangeError', async () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 2000; i++) schema = { type: 'object', properties: { a: schema } };
    try {
      const api = await loadApi(withSchema(schema));
      expect(api.operations).toHaveLength(1);
    } catch (error) {
      expect(AssayError.is(error) && error.code).toBe('spec-parse');
    }
  });

  it('circular schemas stay $refs into the model, and self-applying cycles are a spec error', async () => {
    const api = await loadApi(
      withSchema(
        { $ref: '#/components/schemas/Node' },
        {
          Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Other' } } },
          Other: { type: 'object', properties: { back: { $ref: '#/components/schemas/Node' } } },
        },
      ),
    );
    expect(JSON.stringify(api.schemas)).toContain('#/$defs/Node');
    const looping = withSchema(
      { $ref: '#/components/schemas/A' },
      {
        A: { allOf: [{ $ref: '#/components/schemas/B' }] },
        B: { allOf: [{ $ref: '#/components/schemas/A' }] },
      },
    );
    const error = await rejection(loadApi(looping));
    expect(['spec-schema', 'spec-ref']).toContain(error.code);
  });

  it('a spec of 50,000 operations loads, each with its operation', async () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 50_000; i++) {
      paths[`/r${i}/{id}`] = {
        get: {
          operationId: `get${i}`,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          },
        },
      };
    }
    const doc = {
      openapi: '3.0.3',
      info: { title: 'wide', version: '1' },
      paths,
      components: { schemas: { Item: { type: 'object', properties: { id: { type: 'integer' } } } } },
    };
    const api = await loadApi(await file('wide.json', JSON.stringify(doc)));
    expect(api.operations).toHaveLength(50_000);
    expect(api.operations[49_999]!.id).toBe('get49999');
  }, 120_000);

  it('a $ref to a remote URL is refused by default, naming where it was written', async () => {
    const error = await rejection(loadApi(withSchema({ $ref: 'https://attacker.example/evil.json#/Pet' })));
    expect(error.code).toBe('spec-ref-refused');
    expect(error.details.pointer).toBe('/paths/~1x/get/responses/200/content/application~1json/schema/$ref');
    expect(error.message).toContain('remote');
  });

  it('a $ref to /etc/passwd is refused by default and never read, however it is spelled', async () => {
    for (const ref of ['/etc/passwd', 'file:///etc/passwd', '../../../../../../../../etc/passwd#/root']) {
      const path = await file('steal.yaml', JSON.stringify(withSchema({ $ref: ref })));
      const error = await rejection(loadApi(path));
      expect(error.code, ref).toBe('spec-ref-refused');
      expect(error.details.pointer, ref).toBe(
        '/paths/~1x/get/responses/200/content/application~1json/schema/$ref',
      );
      expect(error.message, ref).toContain("leaves the spec's folder");
      expect(error.message, ref).not.toContain('root:x:0:0');
    }
  });

  it('a pattern catastrophic for backtracking loads, and its validator rejects a long near-miss at once', async () => {
    const api = await loadApi(
      withSchema({ type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } }),
    );
    const schema = api.operations[0]!.responses['200']!.content['application/json']!.schema!;
    const validator = createSchemaValidator(api.schemas);
    expect(validator.isValid(schema, { name: `${'a'.repeat(50_000)}!` })).toBe(false);
    expect(validator.isValid(schema, { name: 'aaaa' })).toBe(true);
  });

  it('an enum of 200,000 values loads and is kept whole', async () => {
    const values = Array.from({ length: 200_000 }, (_, i) => `v${i}`);
    const api = await loadApi(withSchema({ type: 'string', enum: values }));
    const schema = api.operations[0]!.responses['200']!.content['application/json']!.schema as {
      enum?: unknown[];
    };
    expect(schema.enum).toHaveLength(200_000);
  });

  it('a YAML alias bomb is refused, in the root and in a referenced file', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = `${lines.join('\n')}\n`;
    const root = await rejection(loadApi(await file('bomb-root.yaml', `openapi: 3.0.3\n${bomb}`)));
    expect(root.code).toBe('spec-parse');
    expect(root.message).toContain('alias');
    await file('bombs/defs.yaml', bomb);
    const path = await file('bombs/api.json', JSON.stringify(withSchema({ $ref: 'defs.yaml#/a9' })));
    const referenced = await rejection(loadApi(path));
    expect(referenced.code).toBe('spec-ref');
    expect(referenced.message).toContain('alias');
    expect(referenced.details.pointer).toBe(
      '/paths/~1x/get/responses/200/content/application~1json/schema/$ref',
    );
  });
});

describe('hostile spec servers', () => {
  const servers: Server[] = [];
  const serve = async (handler: (path: string, res: ServerResponse) => void): Promise<string> => {
    const server = createServer((req, res) => handler(req.url ?? '/', res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  const api = `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'defs.yaml#/Thing'}\n`;

  it('a referenced document that redirects to another origin is refused, not fetched there', async () => {
    let stolen = 0;
    const elsewhere = await serve((_path, res) => {
      stolen += 1;
      res.end('Thing: {type: string}\n');
    });
    const origin = await serve((path, res) => {
      if (path === '/api.yaml') res.end(api);
      else res.writeHead(302, { location: `${elsewhere}/defs.yaml` }).end();
    });
    const error = await rejection(loadApi(`${origin}/api.yaml`));
    expect(error.code).toBe('spec-ref-refused');
    expect(error.message).toContain('redirects to');
    expect(error.details.pointer).toBe('/paths/~1p/get/responses/200/content/application~1json/schema/$ref');
    expect(stolen).toBe(0);
  });

  it('a spec server that never stops sending is cut at 128 MB', async () => {
    let sent = 0;
    const origin = await serve((_path, res) => {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const error = await rejection(loadApi(`${origin}/api.yaml`));
    expect(error.code).toBe('spec-not-found');
    expect(error.message).toContain('larger than 128 MB');
    expect(sent).toBeLessThan(200 * 1024 * 1024);
  });

  it('a spec server that closes the connection mid-body: spec-not-found, not a crash', async () => {
    const origin = await serve((_path, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('openapi: 3.0.3\n');
      setTimeout(() => res.destroy(), 10);
    });
    const error = await rejection(loadApi(`${origin}/api.yaml`));
    expect(error.code).toBe('spec-not-found');
    expect(error.message).toContain('could not be read to its end');
  });

  it('a redirect loop is given up after a bounded number of hops', async () => {
    let hops = 0;
    const origin = await serve((_path, res) => {
      hops += 1;
      res.writeHead(302, { location: '/api.yaml' }).end();
    });
    const error = await rejection(loadApi(`${origin}/api.yaml`));
    expect(error.code).toBe('spec-not-found');
    expect(error.message).toContain('redirects');
    expect(hops).toBeLessThanOrEqual(6);
  });
});
