import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadApi } from '../load/load-api.js';

const BOOKSTORE = new URL('../../../../spec/bookstore.yaml', import.meta.url);

type Obj = Record<string, unknown>;

/** The object at a path of plain JSON (`{}` where there is none). */
function node(root: unknown, ...path: string[]): Obj {
  let at = root;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Obj)[key] : undefined;
  return at !== null && typeof at === 'object' ? (at as Obj) : {};
}

async function bookstore(): Promise<Obj> {
  return yaml.load(await readFile(BOOKSTORE, 'utf8')) as Obj;
}

function withoutLinks(doc: Obj): Obj {
  const copy = structuredClone(doc);
  for (const item of Object.values(node(copy, 'paths')))
    for (const op of Object.values(node(item)))
      for (const response of Object.values(node(op, 'responses'))) delete node(response).links;
  return copy;
}

const BOOK = {
  collection: '/books/',
  item: '/books/{bookId}',
  idParam: 'bookId',
  idSource: '$response.body#/id',
  idProperty: 'id',
  create: 'createBook',
  list: 'listBooks',
  read: 'getBook',
  replace: 'replaceBook',
  patch: 'updateBook',
  delete: 'deleteBook',
};

describe('resources of a loaded API', () => {
  it('follows the create response links, an operationRef included', async () => {
    const api = await loadApi(BOOKSTORE);
    expect(api.resources).toEqual([{ ...BOOK, source: 'links' }]);
    const links = api.operations.find((o) => o.id === 'createBook')?.responses['201']?.links ?? [];
    expect(links.map((l) => l.operationId)).toEqual(['getBook', 'replaceBook', 'updateBook', 'deleteBook']);
  });

  it('infers the same resource once the links are removed', async () => {
    const api = await loadApi(withoutLinks(await bookstore()));
    expect(api.resources).toEqual([{ ...BOOK, source: 'inferred' }]);
  });

  it('lets a link override the inference: the id from the Location header', async () => {
    const doc = await bookstore();
    for (const link of Object.values(node(doc, 'paths', '/books/', 'post', 'responses', '201', 'links')))
      node(link).parameters = { bookId: '$response.header.Location' };
    const api = await loadApi(doc);
    expect(api.resources?.[0]?.idSource).toBe('$response.header.location');
  });

  it('warns about a link to an operation the document lacks, and ignores it', async () => {
    const doc = await bookstore();
    node(doc, 'paths', '/books/', 'post', 'responses', '201', 'links', 'DeleteBook').operationRef =
      '#/paths/~1nowhere/delete';
    const api = await loadApi(doc);
    expect(api.problems.filter((p) => p.code === 'link-target')).toHaveLength(1);
    expect(api.resources?.[0]?.delete).toBe('deleteBook');
  });

  it('infers a Swagger 2.0 resource, its id parameter matched to a property by name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('petId', 'pet_id', 'id', 'petUuid', 'pet_uuid', 'uuid'),
        async (param) => {
          const idProperty = /uuid/i.test(param) ? 'uuid' : 'id';
          const api = await loadApi({
            swagger: '2.0',
            info: { title: 'pets', version: '1' },
            paths: {
              '/pets': {
                post: {
                  parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Pet' } }],
                  responses: { 201: { description: 'made', schema: { $ref: '#/definitions/Pet' } } },
                },
              },
              [`/pets/{${param}}`]: {
                parameters: [{ name: param, in: 'path', required: true, type: 'string' }],
                get: { responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Pet' } } } },
                delete: { responses: { 204: { description: 'gone' } } },
              },
            },
            definitions: {
              Pet: {
                type: 'object',
                properties: { [idProperty]: { type: 'string' }, name: { type: 'string' } },
              },
            },
          });
          expect(api.resources).toHaveLength(1);
          expect(api.resources?.[0]).toMatchObject({
            idParam: param,
            idSource: `$response.body#/${idProperty}`,
            source: 'inferred',
          });
        },
      ),
      { numRuns: 6 },
    );
  });

  it('takes the id from a documented Location header when the created body has none', async () => {
    const api = await loadApi({
      openapi: '3.0.3',
      info: { title: 'jobs', version: '1' },
      paths: {
        '/jobs': {
          post: {
            responses: {
              202: { description: 'queued', headers: { Location: { schema: { type: 'string' } } } },
            },
          },
        },
        '/jobs/{jobId}': {
          parameters: [{ name: 'jobId', in: 'path', required: true, schema: { type: 'string' } }],
          get: { responses: { 200: { description: 'ok' } } },
        },
      },
    });
    expect(api.resources?.[0]).toMatchObject({
      idSource: '$response.header.location',
      read: 'get_jobs_jobId',
    });
  });

  it('leaves out a collection whose created id cannot be told', async () => {
    const api = await loadApi({
      openapi: '3.0.3',
      info: { title: 'x', version: '1' },
      paths: {
        '/things': { post: { responses: { 204: { description: 'done' } } } },
        '/things/{thingId}': {
          parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }],
          get: { responses: { 200: { description: 'ok' } } },
        },
      },
    });
    expect(api.resources).toEqual([]);
  });
});
