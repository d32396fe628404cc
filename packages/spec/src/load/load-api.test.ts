import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createSchemaValidator } from '@assay/json-schema';
import type { JsonSchema, Operation } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { rejection, specFolder } from '../_test/spec-files.js';
import { loadApi } from './load-api.js';

const IDENTIFICATION = new URL('../../../../spec/identification.yaml', import.meta.url);

const { file, path } = specFolder('assay-spec-');

/** A validator over the model's schemas: the one @assay/checks validates with. */
function validator(schemas: Record<string, JsonSchema>) {
  const schemaValidator = createSchemaValidator(schemas);
  return (schema: JsonSchema, value: unknown) => schemaValidator.isValid(schema, value);
}

function op(api: { operations: Operation[] }, id: string): Operation {
  const found = api.operations.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no operation ${id}`);
  return found;
}

const minimal30 = (paths: unknown, components: unknown = {}) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths,
  components,
});

describe('loadApi on spec/identification.yaml', () => {
  it('reads the operation, its parameters, servers and bearer auth', async () => {
    const api = await loadApi(IDENTIFICATION.pathname);
    expect(api.format).toBe('openapi-3.0');
    expect(api.servers).toEqual(['/api/v3']);
    expect(api.problems).toEqual([]);
    expect(api.securitySchemes.authentik).toEqual({ type: 'http', name: 'authentik', scheme: 'bearer' });
    const list = op(api, 'stages_identification_list');
    expect(list.method).toBe('GET');
    expect(list.path).toBe('/stages/identification/');
    expect(list.security).toEqual([{ authentik: [] }]);
    expect(list.parameters.map((p) => p.name)).toEqual([
      'captcha_stage',
      'case_insensitive_matching',
      'enrollment_flow',
      'name',
      'ordering',
      'page',
      'page_size',
      'password_stage',
      'passwordless_flow',
      'recovery_flow',
      'search',
      'show_matched_user',
      'show_source_labels',
    ]);
    const page = list.parameters.find((p) => p.name === 'page')!;
    expect(page).toMatchObject({
      in: 'query',
      style: 'form',
      explode: true,
      required: false,
      schema: { type: 'integer' },
    });
    expect(list.parameters.find((p) => p.name === 'recovery_flow')!.schema).toEqual({
      type: 'string',
      format: 'uuid',
    });
    expect(Object.keys(list.responses)).toEqual(['200', '400', '403']);
    expect(list.responses['403']!.content['application/json']!.schema).toEqual({
      $ref: '#/$defs/GenericError',
    });
  });

  it('normalises nullable fields so that null validates, and readOnly fields stay required in responses', async () => {
    const api = await loadApi(IDENTIFICATION);
    const valid = validator(api.schemas);
    const page = api.operations[0]!.responses['200']!.content['application/json']!.schema;
    const stage = {
      pk: '8d3c7f0e-0a4b-4c1e-9a55-2b1f7a4e9c01',
      name: 'default-identification',
      component: 'ak-stage-identification-form',
      verbose_name: 'Identification Stage',
      verbose_name_plural: 'Identification Stages',
      meta_model_name: 'authentik_stages_identification.identificationstage',
      password_stage: null,
      flow_set: [],
    };
    const body = {
      pagination: {
        next: 0,
        previous: 0,
        count: 1,
        current: 1,
        total_pages: 1,
        start_index: 1,
        end_index: 1,
      },
      results: [stage],
    };
    expect(valid(page, body)).toBe(true);
    const { pk: _pk, ...withoutPk } = stage;
    expect(valid(page, { ...body, results: [withoutPk] })).toBe(false);
    expect(valid(page, { ...body, results: [{ ...stage, password_stage: 'not-a-uuid' }] })).toBe(false);
    expect(valid(page, { ...body, results: [{ ...stage, flow_set: [{ designation: 'nope' }] }] })).toBe(
      false,
    );
  });

  it('detects authentik page-object pagination, identifier, filters, ordering and search', async () => {
    const api = await loadApi(IDENTIFICATION);
    const list = op(api, 'stages_identification_list').list!;
    expect(list.itemsPath).toEqual(['results']);
    expect(list.itemSchema).toEqual({ $ref: '#/$defs/IdentificationStage' });
    expect(list.identifier).toBe('pk');
    expect(list.pagination).toEqual({
      style: 'page-object',
      source: 'detected',
      convention: 'authentik page object',
      firstPage: 1,
      pageParam: 'page',
      pageSizeParam: 'page_size',
      countPath: ['pagination', 'count'],
      nextPath: ['pagination', 'next'],
      previousPath: ['pagination', 'previous'],
      currentPath: ['pagination', 'current'],
      totalPagesPath: ['pagination', 'total_pages'],
      startIndexPath: ['pagination', 'start_index'],
      endIndexPath: ['pagination', 'end_index'],
    });
    expect(list.search).toEqual({ param: 'search' });
    expect(list.ordering).toEqual({ param: 'ordering', fields: ['pk', 'name'], syntax: 'minus' });
    expect(list.filters).toContainEqual({ param: 'name', property: 'name', kind: 'text' });
    expect(list.filters).toContainEqual({
      param: 'show_matched_user',
      property: 'show_matched_user',
      kind: 'equality',
    });
    expect(list.filters).toContainEqual({
      param: 'captcha_stage',
      property: 'captcha_stage',
      kind: 'equality',
    });
    expect(list.filters.map((f) => f.param)).not.toContain('page');
  });

  it('gives a model that survives JSON serialisation unchanged', async () => {
    const api = await loadApi(IDENTIFICATION);
    expect(JSON.parse(JSON.stringify(api))).toEqual(api);
  });
});

describe('loadApi sources', () => {
  it('reads a JSON file, a file URL and an in-memory object the same way', async () => {
    const doc = minimal30({
      '/a': { get: { operationId: 'a', responses: { '204': { description: 'none' } } } },
    });
    const path = await file('same.json', JSON.stringify(doc));
    const fromPath = await loadApi(path);
    const fromUrl = await loadApi(pathToFileURL(path));
    const fromObject = await loadApi(doc);
    expect(fromObject.source).toBe('<memory>');
    for (const api of [fromPath, fromUrl]) expect(api.operations).toEqual(fromObject.operations);
  });

  it('follows refs between files whose folders and names hold spaces and non-ASCII letters', async () => {
    await file(
      'my specs/sub dir/thé pet.yaml',
      'Pet: {type: object, properties: {tag: {$ref: "#/Tag"}}}\nTag: {type: string}\n',
    );
    const root = await file(
      'my specs/root file.yaml',
      `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'sub%20dir/th%C3%A9%20pet.yaml#/Pet'}\n`,
    );
    for (const source of [root, pathToFileURL(root)]) {
      const api = await loadApi(source);
      expect(Object.keys(api.schemas).sort()).toEqual(['Pet', 'Tag']);
    }
  });

  it('reads a spec over http and follows its same-origin relative refs', async () => {
    const docs: Record<string, string> = {
      '/api.yaml': `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'defs.yaml#/Thing'}\n`,
      '/defs.yaml': 'Thing: {type: object, properties: {id: {type: integer}}}\n',
    };
    const server: Server = createServer((req, res) => {
      const body = docs[req.url ?? ''];
      res.writeHead(body === undefined ? 404 : 200).end(body);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const api = await loadApi(`http://127.0.0.1:${port}/api.yaml`);
      expect(api.operations[0]!.responses['200']!.content['application/json']!.schema).toEqual({
        $ref: '#/$defs/Thing',
      });
      expect(api.schemas.Thing).toEqual({ type: 'object', properties: { id: { type: 'integer' } } });
      expect((await rejection(loadApi(`http://127.0.0.1:${port}/missing.yaml`))).code).toBe('spec-not-found');

      // A second origin: refused by default, followed when remote references are allowed.
      const other: Server = createServer((_req, res) =>
        res.writeHead(200).end('Remote: {type: string, format: uuid}\n'),
      );
      await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
      try {
        const remote = `http://127.0.0.1:${(other.address() as AddressInfo).port}/defs.yaml#/Remote`;
        const doc = minimal30({}, { schemas: { Id: { $ref: remote } } });
        expect((await rejection(loadApi(doc))).code).toBe('spec-ref-refused');
        const api = await loadApi(doc, { allowRemoteRefs: true });
        expect(api.schemas.Remote).toEqual({ type: 'string', format: 'uuid' });
        expect(api.schemas.Id).toEqual({ $ref: '#/$defs/Remote' });
      } finally {
        await new Promise((ok) => other.close(ok));
      }
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe('loadApi errors', () => {
  it('reports a missing file as spec-not-found', async () => {
    const error = await rejection(loadApi(path('nope.yaml')));
    expect(error.code).toBe('spec-not-found');
    expect(error.message).toContain('nope.yaml');
  });

  it('reports invalid YAML with its line and column', async () => {
    const path = await file('bad.yaml', 'openapi: 3.0.3\ninfo:\n  title: [unclosed\n  version: 1\n');
    const error = await rejection(loadApi(path));
    expect(error.code).toBe('spec-parse');
    expect(error.details.line).toBeGreaterThanOrEqual(3);
    expect(error.details.column).toBeGreaterThan(0);
    expect(error.message).toMatch(/bad\.yaml:\d+:\d+/);
  });

  it('refuses a YAML alias bomb instead of expanding it', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const path = await file('bomb.yaml', `${lines.join('\n')}\n`);
    const error = await rejection(loadApi(path));
    expect(error.code).toBe('spec-parse');
    expect(error.message).toContain('alias');
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const path = await file('bad.json', '{\n  "openapi": "3.0.3",\n  "info": {,}\n}\n');
    const error = await rejection(loadApi(path));
    expect(error.code).toBe('spec-parse');
    expect(error.details).toMatchObject({ line: 3 });
  });

  it('reads a version without its patch number, reporting it as a problem', async () => {
    const api = await loadApi({ openapi: '3.0', info: { title: 't', version: '1' }, paths: {} });
    expect(api.format).toBe('openapi-3.0');
    expect(api.problems.map((p) => p.pointer)).toContain('/openapi');
  });

  it('rejects a pathologically deep document with an AssayError, not a stack overflow', async () => {
    const depth = 20_000;
    const schema = '{"type":"array","items":'.repeat(depth) + '{"type":"string"}' + '}'.repeat(depth);
    const text = `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Deep":${schema}}}}`;
    const path = await file('deep.json', text);
    const error = await rejection(loadApi(path));
    expect(error.code).toBe('spec-parse');
  });

  it('rejects OpenAPI 4 and documents that are not OpenAPI as spec-unsupported', async () => {
    expect((await rejection(loadApi({ openapi: '4.0.0', info: { title: 't', version: '1' } }))).code).toBe(
      'spec-unsupported',
    );
    expect((await rejection(loadApi({ swagger: '1.2' }))).code).toBe('spec-unsupported');
    expect((await rejection(loadApi({ name: 'package.json' }))).code).toBe('spec-unsupported');
    expect((await rejection(loadApi(await file('list.yaml', '- a\n- b\n')))).code).toBe('spec-unsupported');
  });

  it('reports a broken $ref with the pointer that holds it', async () => {
    const doc = minimal30({
      '/a': {
        get: {
          responses: {
            '200': {
              description: 'x',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } },
            },
          },
        },
      },
    });
    const error = await rejection(loadApi(doc));
    expect(error.code).toBe('spec-ref');
    expect(error.details.pointer).toBe('/paths/~1a/get/responses/200/content/application~1json/schema/$ref');
    expect(error.message).toContain('#/components/schemas/Missing');
  });

  it('reports references that only go round in a circle, but keeps real recursion', async () => {
    const error = await rejection(
      loadApi(
        minimal30(
          {},
          {
            schemas: {
              A: { $ref: '#/components/schemas/B' },
              B: { $ref: '#/components/schemas/A', description: 'b' },
            },
          },
        ),
      ),
    );
    expect(error.code).toBe('spec-ref');
    expect(error.message).toContain('A -> B -> A');
    const looping = await rejection(
      loadApi(
        minimal30(
          {},
          {
            schemas: { A: { anyOf: [{ type: 'string' }, { allOf: [{ $ref: '#/components/schemas/A' }] }] } },
          },
        ),
      ),
    );
    expect(looping.code).toBe('spec-schema');
    expect(looping.details.pointer).toBe('/components/schemas/A');
    const fine = await loadApi(
      minimal30(
        {},
        {
          schemas: {
            A: { $ref: '#/components/schemas/B' },
            B: { type: 'array', items: { $ref: '#/components/schemas/A' } },
          },
        },
      ),
    );
    expect(fine.schemas.B).toEqual({ type: 'array', items: { $ref: '#/$defs/A' } });
  });

  it('gives the line of a broken $ref in a YAML file', async () => {
    const path = await file(
      'broken-ref.yaml',
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/B'}\n",
    );
    const error = await rejection(loadApi(path));
    expect(error.code).toBe('spec-ref');
    expect(error.details).toMatchObject({ pointer: '/components/schemas/A/properties/b/$ref', line: 9 });
  });

  it('refuses remote refs and refs leaving the spec folder unless allowed', async () => {
    const remote = minimal30({}, { schemas: { A: { $ref: 'https://example.com/a.json#/A' } } });
    const error = await rejection(loadApi(remote));
    expect(error.code).toBe('spec-ref-refused');
    expect(error.details.pointer).toBe('/components/schemas/A/$ref');

    await file('outside.yaml', 'B: {type: string}\n');
    const inner = await file(
      'inner/api.yaml',
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '../outside.yaml#/B'}\n",
    );
    expect((await rejection(loadApi(inner))).code).toBe('spec-ref-refused');
    const api = await loadApi(inner, { allowExternalFiles: true });
    expect(api.schemas.A).toEqual({ $ref: '#/$defs/B' });
    expect(api.schemas.B).toEqual({ type: 'string' });
  });

  it('resolves refs to files beside the spec, keeping their schemas in $defs', async () => {
    await file(
      'split/schemas/pet.yaml',
      "type: object\nrequired: [id]\nproperties:\n  id: {type: integer}\n  parent: {$ref: './pet.yaml'}\n",
    );
    const main = await file(
      'split/api.yaml',
      "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: array, items: {$ref: 'schemas/pet.yaml'}}\n",
    );
    const api = await loadApi(main);
    const [key] = Object.keys(api.schemas);
    expect(api.schemas[key!]).toMatchObject({ properties: { parent: { $ref: `#/$defs/${key}` } } });
    expect(api.operations[0]!.list?.itemSchema).toEqual({ $ref: `#/$defs/${key}` });
  });

  it('in strict mode rejects a document that breaks the meta-schema, listing each problem with its pointer', async () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 't' },
      paths: { '/a': { get: { responses: { '200': { descriptio: 'typo' } } } } },
    };
    const error = await rejection(loadApi(doc, { strict: true }));
    expect(error.code).toBe('spec-invalid');
    const pointers = error.details.problems!.map((p) => p.pointer);
    expect(pointers).toContain('/info');
    expect(pointers.some((p) => p.startsWith('/paths/~1a/get/responses/200'))).toBe(true);
    const lenient = await loadApi(doc);
    expect(lenient.problems.filter((p) => p.severity === 'error').length).toBe(
      error.details.problems!.length,
    );
  });

  it('places the problems of a YAML file at their lines', async () => {
    const path = await file(
      'located.yaml',
      [
        'openapi: 3.0.3',
        'info:',
        '  title: t',
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        "        '200':",
        '          descriptio: typo',
      ].join('\n'),
    );
    const error = await rejection(loadApi(path, { strict: true }));
    const info = error.details.problems!.find((p) => p.pointer === '/info');
    expect(info).toMatchObject({ line: 2 });
    const response = error.details.problems!.find((p) => p.pointer === '/paths/~1a/get/responses/200');
    expect(response).toMatchObject({ line: 8 });
    const lenient = await loadApi(path);
    expect(lenient.problems.every((p) => typeof p.line === 'number' && typeof p.column === 'number')).toBe(
      true,
    );
  });

  it('names the operation and pointer when a response schema does not compile', async () => {
    const doc = minimal30({
      '/a': {
        get: {
          operationId: 'broken',
          responses: {
            '200': {
              description: 'x',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { n: { type: 'integer', minimum: 'ten' } } },
                },
              },
            },
          },
        },
      },
    });
    const error = await rejection(loadApi(doc));
    expect(error.code).toBe('spec-schema');
    expect(error.message).toContain('broken');
    expect(error.details.pointer).toBe('/paths/~1a/get/responses/200/content/application~1json/schema');
  });

  it('rejects a pagination option for an operation the spec does not have', async () => {
    const error = await rejection(loadApi(IDENTIFICATION, { pagination: { nope: { style: 'cursor' } } }));
    expect(error.code).toBe('config');
    const notAList = minimal30({
      '/a': {
        get: {
          operationId: 'one',
          responses: {
            '200': { description: 'x', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    });
    expect((await rejection(loadApi(notAList, { pagination: { one: { style: 'cursor' } } }))).code).toBe(
      'config',
    );
  });
});

describe('loadApi document rules', () => {
  it('makes duplicate operationIds unique with a warning', async () => {
    const ok = { responses: { '204': { description: 'none' } } };
    const api = await loadApi(
      minimal30({
        '/a': { get: { operationId: 'x', ...ok } },
        '/b': { get: { operationId: 'x', ...ok }, post: ok },
      }),
    );
    expect(api.operations.map((o) => o.id)).toEqual(['x', 'x_2', 'post_b']);
    expect(api.problems).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-operation-id',
        severity: 'warning',
        pointer: '/paths/~1b/get/operationId',
      }),
    );
  });

  it('accepts an OpenAPI 3.1 document without paths', async () => {
    const api = await loadApi(
      {
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        components: { schemas: { A: { type: 'string' } } },
      },
      { strict: true },
    );
    expect(api.operations).toEqual([]);
    expect(api.schemas.A).toEqual({ type: 'string' });
  });

  it('keeps circular schemas as $refs, never object cycles', async () => {
    const api = await loadApi(
      minimal30(
        {},
        {
          schemas: {
            Node: {
              type: 'object',
              properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
            },
          },
        },
      ),
    );
    expect(api.schemas.Node).toEqual({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
    });
    expect(() => JSON.stringify(api)).not.toThrow();
  });

  it('reads a path key holding a query as its path, with the fixed pairs as required query parameters', async () => {
    const ok = { responses: { '200': { description: 'ok' } } };
    const query = (name: string) => ({ name, in: 'query', required: true, schema: { type: 'string' } });
    const api = await loadApi(
      minimal30({
        '/search/articles?query={query}': {
          get: { ...ok, operationId: 'search', parameters: [query('query')] },
        },
        '/worker?cmd=check&v=1': { post: { ...ok, operationId: 'check' } },
        '/worker?cmd=run': { post: { ...ok, operationId: 'run' } },
      }),
    );
    expect(api.operations.map((o) => `${o.id} ${o.method} ${o.path}`)).toEqual([
      'search GET /search/articles',
      'check POST /worker',
    ]);
    expect(api.operations[0]!.parameters.map((p) => p.name)).toEqual(['query']);
    expect(api.operations[1]!.parameters.map((p) => [p.name, p.required, p.schema])).toEqual([
      ['cmd', true, { const: 'check' }],
      ['v', true, { const: '1' }],
    ]);
    // Each reading is said, and so is the operation left out (two POST /worker only the query tells apart).
    expect(api.problems.filter((p) => p.code === 'path-holds-query').map((p) => p.pointer)).toEqual([
      '/paths/~1search~1articles?query={query}/get',
      '/paths/~1worker?cmd=check&v=1/post',
      '/paths/~1worker?cmd=run/post',
    ]);
  });

  it('ignores header parameters named Accept, Content-Type or Authorization, as OpenAPI says', async () => {
    const header = (name: string) => ({ name, in: 'header', required: true, schema: { type: 'string' } });
    const doc = minimal30({
      '/a': {
        parameters: [header('Authorization')],
        get: {
          parameters: [
            header('Accept'),
            header('content-type'),
            header('X-Trace'),
            { ...header('accept'), in: 'query' },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    });
    const get = (await loadApi(doc)).operations[0]!;
    expect(get.parameters.map((p) => `${p.in} ${p.name}`)).toEqual(['header X-Trace', 'query accept']);
  });

  it('inlines referenced parameters, responses, request bodies and headers', async () => {
    const doc = minimal30(
      {
        '/a/{id}': {
          parameters: [{ $ref: '#/components/parameters/Id' }],
          post: {
            requestBody: { $ref: '#/components/requestBodies/Body' },
            responses: { '200': { $ref: '#/components/responses/Ok' } },
          },
        },
      },
      {
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
        requestBodies: {
          Body: {
            required: true,
            content: { 'application/json; charset=utf-8': { schema: { type: 'object' } } },
          },
        },
        responses: {
          Ok: { description: 'ok', headers: { 'X-Rate': { $ref: '#/components/headers/Rate' } } },
        },
        headers: { Rate: { required: true, schema: { type: 'integer' } } },
      },
    );
    const post = (await loadApi(doc)).operations[0]!;
    expect(post.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
      required: true,
      style: 'simple',
      explode: false,
    });
    expect(post.requestBody).toEqual({
      required: true,
      content: {
        'application/json': { mediaType: 'application/json', schema: { type: 'object' }, examples: [] },
      },
    });
    expect(post.responses['200']!.headers).toEqual({
      'x-rate': { name: 'x-rate', required: true, schema: { type: 'integer' } },
    });
  });
});

describe('loadApi Swagger 2.0', () => {
  const swagger = {
    swagger: '2.0',
    info: { title: 'pets', version: '1' },
    host: 'api.example.com',
    basePath: '/v1',
    schemes: ['https'],
    consumes: ['application/json'],
    produces: ['application/json', 'application/xml'],
    securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
    paths: {
      '/pets': {
        get: {
          operationId: 'listPets',
          parameters: [
            {
              name: 'tags',
              in: 'query',
              type: 'array',
              items: { type: 'string' },
              collectionFormat: 'pipes',
            },
          ],
          responses: {
            '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Pet' } } },
          },
        },
        post: {
          operationId: 'addPet',
          parameters: [{ name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } }],
          responses: { '201': { description: 'made', schema: { $ref: '#/definitions/Pet' } } },
        },
      },
      '/pets/{id}/photo': {
        post: {
          operationId: 'upload',
          consumes: ['multipart/form-data'],
          parameters: [
            { name: 'id', in: 'path', required: true, type: 'integer' },
            { name: 'file', in: 'formData', required: true, type: 'file' },
            { name: 'note', in: 'formData', type: 'string', maxLength: 10 },
          ],
          responses: { '204': { description: 'ok' } },
        },
      },
    },
    definitions: {
      Pet: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'integer', readOnly: true },
          name: { type: 'string', 'x-nullable': true },
          age: { type: 'integer', minimum: 0, exclusiveMinimum: true },
        },
      },
    },
  };

  it('turns body and formData parameters into request bodies by consumes, and responses by produces', async () => {
    const api = await loadApi(swagger);
    expect(api.format).toBe('swagger-2.0');
    expect(api.servers).toEqual(['https://api.example.com/v1']);
    expect(api.securitySchemes.key).toEqual({
      type: 'apiKey',
      name: 'key',
      in: 'header',
      parameterName: 'X-Key',
    });
    const add = op(api, 'addPet');
    expect(Object.keys(add.requestBody!.content)).toEqual(['application/json']);
    expect(add.requestBody!.required).toBe(true);
    expect(Object.keys(add.responses['201']!.content)).toEqual(['application/json', 'application/xml']);
    const upload = op(api, 'upload');
    expect(upload.requestBody!.content['multipart/form-data']!.schema).toEqual({
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string', maxLength: 10 } },
      required: ['file'],
    });
    expect(upload.parameters).toHaveLength(1);
    expect(op(api, 'listPets').parameters[0]).toMatchObject({
      style: 'pipeDelimited',
      explode: false,
      schema: { type: 'array', items: { type: 'string' } },
    });
  });

  it('converts x-nullable, boolean exclusive bounds and the readOnly request view', async () => {
    const api = await loadApi(swagger);
    const valid = validator(api.schemas);
    const request = op(api, 'addPet').requestBody!.content['application/json']!.schema;
    const response = op(api, 'addPet').responses['201']!.content['application/json']!.schema;
    expect(valid(request, { name: null })).toBe(true);
    expect(valid(response, { name: 'rex' })).toBe(false);
    expect(valid(response, { id: 1, name: 'rex', age: 0 })).toBe(false);
    expect(valid(response, { id: 1, name: 'rex', age: 1 })).toBe(true);
  });
});

describe('OpenAPI 3.2', () => {
  const pet = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } };
  const doc = {
    openapi: '3.2.0',
    info: { title: 't', version: '1' },
    components: {
      schemas: { Pet: pet },
      mediaTypes: { PetLines: { itemSchema: { $ref: '#/components/schemas/Pet' } } },
    },
    paths: {
      '/pets': {
        query: {
          operationId: 'searchPets',
          requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/jsonl': { $ref: '#/components/mediaTypes/PetLines' } },
            },
          },
        },
        additionalOperations: {
          COPY: { operationId: 'copyPets', responses: { '204': { description: 'copied' } } },
        },
        get: {
          operationId: 'listPets',
          parameters: [
            {
              in: 'querystring',
              name: 'filter',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          ],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  };

  it('reads the QUERY method, additionalOperations, querystring parameters and itemSchema', async () => {
    const api = await loadApi(doc, { strict: true });
    expect(api.format).toBe('openapi-3.2');
    expect(op(api, 'searchPets').method).toBe('QUERY');
    expect(op(api, 'searchPets').requestBody?.content['application/json']).toBeDefined();
    expect(op(api, 'copyPets')).toMatchObject({
      method: 'COPY',
      path: '/pets',
      pointer: '/paths/~1pets/additionalOperations/COPY',
    });
    expect(op(api, 'listPets').parameters[0]).toMatchObject({
      in: 'querystring',
      name: 'filter',
      contentType: 'application/json',
    });
    const media = op(api, 'searchPets').responses['200']!.content['application/jsonl']!;
    const item = media.itemSchema!;
    const valid = validator(api.schemas);
    expect(valid(item, { id: 1 })).toBe(true);
    expect(valid(item, { id: 'one' })).toBe(false);
  });

  it('does not send an additionalOperations entry that names a fixed method, and says so', async () => {
    const api = await loadApi({
      ...doc,
      paths: { '/a': { additionalOperations: { GET: { responses: { '200': { description: 'ok' } } } } } },
    });
    expect(api.operations).toHaveLength(0);
    expect(api.problems.map((p) => p.code)).toContain('additional-operation');
  });

  it('rejects a 3.2 document breaking its meta-schema in strict mode, pointing at the mistake', async () => {
    const broken = {
      ...doc,
      paths: { '/a': { get: { parameters: [{ in: 'querystring', name: 'q', schema: {} }], responses: {} } } },
    };
    const error = await rejection(loadApi(broken, { strict: true }));
    expect(error.code).toBe('spec-invalid');
    expect(error.details.pointer).toMatch(/^\/paths\/~1a\/get\/parameters\/0/);
  });

  it('reads the token URLs of OAuth2 flows, in 3.x and in Swagger 2.0', async () => {
    const api = await loadApi({
      ...doc,
      paths: {},
      components: {
        securitySchemes: {
          oauth: {
            type: 'oauth2',
            flows: {
              clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { read: 'r' } },
              password: { tokenUrl: 'https://auth.example/password', scopes: {} },
            },
          },
        },
      },
    });
    expect(api.securitySchemes.oauth).toEqual({
      type: 'oauth2',
      name: 'oauth',
      scopes: ['read'],
      flows: {
        clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: ['read'] },
        password: { tokenUrl: 'https://auth.example/password', scopes: [] },
      },
    });
    const swagger = await loadApi({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: {},
      securityDefinitions: {
        app: { type: 'oauth2', flow: 'application', tokenUrl: 'https://a/t', scopes: {} },
      },
    });
    expect(swagger.securitySchemes.app).toMatchObject({
      flows: { clientCredentials: { tokenUrl: 'https://a/t' } },
    });
  });
});
