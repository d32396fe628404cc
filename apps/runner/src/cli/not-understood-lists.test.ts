import { loadApi } from '@assay/spec';
import { describe, expect, it } from 'vitest';
import { notUnderstoodLists } from './not-understood-lists.js';

const list = (parameters: string[]) => ({
  get: {
    parameters: parameters.map((name) => ({ name, in: 'query', schema: { type: 'integer' } })),
    responses: {
      '200': {
        description: 'ok',
        content: {
          'application/json': {
            schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
          },
        },
      },
    },
  },
});

describe('notUnderstoodLists', () => {
  it('names each list that takes paging parameters but matches no convention, once, with how to describe it', async () => {
    const api = await loadApi({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/logs': { get: { ...list(['skip', 'take']).get, operationId: 'logs' } },
        '/events': { get: { ...list(['limit', 'offset']).get, operationId: 'events' } },
        '/tags': { get: { ...list([]).get, operationId: 'tags' } },
      },
    });
    const lines = notUnderstoodLists(api);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^assay: GET \/logs \(logs\): it takes skip but matches no known convention; describe it with x-pagination/,
    );
  });
});
