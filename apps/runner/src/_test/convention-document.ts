import { type ConventionCase, PATH } from './convention-server.js';

/** A two-operation document for a convention: its list, and the item operation beside it. */
export function documentOf(c: ConventionCase): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: c.convention, version: '1' },
    servers: [{ url: 'http://testserver' }],
    paths: {
      [PATH]: {
        get: {
          operationId: 'things_list',
          parameters: c.params.map((p) => ({ in: 'query', ...p })),
          responses: {
            '200': {
              description: 'a page',
              ...(c.headers === undefined ? {} : { headers: c.headers }),
              content: { 'application/json': { schema: c.body } },
            },
            '400': {
              description: 'bad request',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      [`${PATH}/{thingId}`]: {
        get: {
          operationId: 'things_read',
          parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'one',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        // No `required`: the identifier comes from the item operation's path parameter.
        Thing: {
          type: 'object',
          properties: { id: { type: 'integer' }, name: { type: 'string' }, rank: { type: 'integer' } },
        },
      },
    },
  };
}
