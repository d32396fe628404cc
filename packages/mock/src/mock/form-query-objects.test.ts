import { requestArbitrary } from '@assay/generators';
import { loadApi } from '@assay/spec';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { get, send } from '../_test/exchange.js';
import { createMock } from './create-mock.js';

// An object query parameter in the default style, form (OpenAPI 3.1 §4.8.12.4): exploded it is one
// pair per property (`R=100&G=200`), else one pair `color=R,100,G,200`. AWS query APIs use the former.
const document = (explode: boolean) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {
    '/colors': {
      get: {
        operationId: 'pick',
        parameters: [
          {
            name: 'color',
            in: 'query',
            required: true,
            explode,
            schema: {
              type: 'object',
              required: ['R'],
              properties: {
                R: { type: 'integer', minimum: 0, maximum: 255 },
                On: { allOf: [{ $ref: '#/components/schemas/Flag' }, { description: 'lit' }] },
              },
            },
          },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
        responses: { '200': { description: 'ok' }, '400': { description: 'bad' } },
      },
    },
  },
  components: { schemas: { Flag: { type: 'boolean' } } },
});

describe('the mock reads form-style object query parameters', () => {
  it('exploded: one pair per property, typed by the property schema; a required object with none is missing', async () => {
    const mock = createMock(await loadApi(document(true)), { seed: 1 });
    expect(send(mock, get('/colors', 'R=100&On=true&limit=3')).response.status).toBe(200);
    expect(send(mock, get('/colors', 'R=300')).response.status).toBe(400);
    expect(send(mock, get('/colors', 'On=yes-please')).response.status).toBe(400);
    expect(send(mock, get('/colors', 'limit=3')).response.status).toBe(400);
  });

  it('not exploded: one pair holding key,value,…', async () => {
    const mock = createMock(await loadApi(document(false)), { seed: 1 });
    expect(send(mock, get('/colors', 'color=R,100,On,false')).response.status).toBe(200);
    expect(send(mock, get('/colors', 'color=R,300')).response.status).toBe(400);
  });

  it('accepts every valid request the generators write, in both styles', async () => {
    for (const explode of [true, false]) {
      const api = await loadApi(document(explode));
      const mock = createMock(api, { seed: 1 });
      fc.assert(
        fc.property(requestArbitrary(api.operations[0]!, 'positive', { defs: api.schemas }), (request) => {
          expect(mock.handle(request).status, request.query).toBe(200);
        }),
        { numRuns: 50 },
      );
    }
  });
});
