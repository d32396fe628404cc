import { describe, expect, it } from 'vitest';
import { loadApi } from '../load/load-api.js';

/** A Slack-style list: `?count=&page=` (typed as strings), `paging {count, total, page, pages}`. */
function slackLike(sizeParam: string) {
  const str = { type: 'string' };
  const int = { type: 'integer' };
  return {
    openapi: '3.0.3',
    info: { title: 'files', version: '1' },
    paths: {
      '/files.list': {
        get: {
          operationId: 'files_list',
          parameters: [
            { name: sizeParam, in: 'query', schema: str },
            { name: 'page', in: 'query', schema: str },
          ],
          responses: {
            '200': {
              description: 'a page',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['files', 'paging'],
                    properties: {
                      files: {
                        type: 'array',
                        items: { type: 'object', required: ['id'], properties: { id: str } },
                      },
                      paging: {
                        type: 'object',
                        properties: { count: int, total: int, page: int, pages: int },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}

describe('the page-number convention', () => {
  it('does not read a body field named after the page-size parameter as the total (Slack paging.count)', async () => {
    const api = await loadApi(slackLike('count'));
    const pagination = api.operations[0]!.list?.pagination;
    expect(pagination).toMatchObject({
      style: 'page-number',
      pageSizeParam: 'count',
      countPath: ['paging', 'total'],
    });
  });

  it('reads `count` as the total when the page size has another name', async () => {
    const api = await loadApi(slackLike('per_page'));
    expect(api.operations[0]!.list?.pagination?.countPath).toEqual(['paging', 'count']);
  });
});
