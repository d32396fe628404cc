/**
 * A small API for the config file's tests: a paginated list of things, a thing by id (404 when it
 * does not exist), and an admin operation under its own tag.
 */
export const thingsSpec = {
  openapi: '3.0.3',
  info: { title: 'things', version: '1' },
  servers: [{ url: '/api' }],
  security: [{ bearerAuth: [] }],
  paths: {
    '/things/': {
      get: {
        operationId: 'listThings',
        tags: ['things'],
        parameters: [
          { name: 'skip', in: 'query', schema: { type: 'integer', minimum: 0 } },
          { name: 'take', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50 } },
        ],
        responses: {
          '200': {
            description: 'a page',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['total', 'results'],
                  properties: {
                    total: { type: 'integer' },
                    results: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/things/{id}/': {
      get: {
        operationId: 'getThing',
        tags: ['things'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          '200': {
            description: 'the thing',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          '400': { description: 'not an id' },
          '404': { description: 'no such thing' },
        },
      },
    },
    '/admin/stats/': {
      get: {
        operationId: 'adminStats',
        tags: ['admin'],
        responses: {
          '200': {
            description: 'stats',
            content: {
              'application/json': { schema: { type: 'object', properties: { n: { type: 'integer' } } } },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string' },
          updated_at: { type: 'string', format: 'date-time' },
        },
      },
    },
  },
};
