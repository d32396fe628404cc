import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { folderWith, runInFolder } from '../config/_test/run-in-folder.js';
import { thingsSpec } from '../config/_test/things-spec.js';

// The things API with a list the loader reads by itself: an array body that takes no paging parameter.
const spec = {
  ...thingsSpec,
  paths: {
    ...thingsSpec.paths,
    '/tags/': {
      get: {
        operationId: 'listTags',
        parameters: [{ name: 'ordering', in: 'query', schema: { type: 'string', enum: ['name', '-name'] } }],
        responses: {
          '200': {
            description: 'tags',
            content: {
              'application/json': {
                schema: {
                  type: 'array',
                  items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
  },
};

describe('the JSON report records the list semantics each operation was tested with', () => {
  it('names the convention or the list description, items, identifier and ordering, or why it is no list', async () => {
    const dir = await folderWith({
      'openapi.json': spec,
      'assay.config.yaml':
        'spec: openapi.json\nmock: true\nseed: 1\nmaxExamples: 5\noperations:\n  listThings:\n    list: {style: limit-offset, limitParam: take, offsetParam: skip, countPath: total}\n',
    });
    const run = await runInFolder(dir, ['--report', 'json=r.json']);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as {
      operations: Array<{ operationId: string; list?: Record<string, unknown> }>;
    };
    const listOf = (id: string) => json.operations.find((o) => o.operationId === id)?.list;
    expect(listOf('listThings')).toMatchObject({
      items: '/results',
      identifier: 'id',
      pagination: {
        convention: 'list description',
        style: 'limit-offset',
        parameters: { limit: 'take', offset: 'skip' },
        body: { count: '/total' },
      },
      filters: expect.any(Array),
    });
    expect(listOf('listTags')).toMatchObject({
      items: '',
      notPaginated: 'it takes no paging parameter, so it is read as one page',
      ordering: { param: 'ordering', fields: ['name'] },
    });
    expect(listOf('getThing')).toEqual({
      notAList: expect.stringMatching(/neither an array nor an object holding one/),
    });
    const validator = createSchemaValidator({});
    expect(validator.validate(reportSchema as unknown as JsonSchema, json)).toEqual([]);
    const unknownKey = {
      ...json,
      operations: [{ ...json.operations[0], list: { notAList: 'x', extra: 1 } }],
    };
    expect(validator.validate(reportSchema as unknown as JsonSchema, unknownKey)).not.toEqual([]);
  });
});
