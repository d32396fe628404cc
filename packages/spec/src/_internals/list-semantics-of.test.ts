import { AssayError, type ListSemantics, type Pagination } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { type LoadOptions, loadApi } from '../load/load-api.js';

const Item = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    active: { type: 'boolean' },
    kind: { type: 'string', enum: ['a', 'b'] },
    owner: { type: 'string', format: 'uuid' },
    score: { type: 'number' },
    tags: { type: 'array', items: { type: 'string' } },
    created: { type: 'string', format: 'date-time', readOnly: true },
  },
};

interface ListCase {
  params?: { name: string; in?: string; schema?: unknown }[];
  body: unknown;
  headers?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  method?: 'get' | 'post';
}

/** Loads a one-operation 3.0 document and returns what was detected for it. */
async function detect(c: ListCase, options: LoadOptions = {}): Promise<ListSemantics | undefined> {
  const api = await loadApi(
    {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          [c.method ?? 'get']: {
            operationId: 'things',
            ...c.extensions,
            parameters: (c.params ?? []).map((p) => ({ in: 'query', schema: { type: 'string' }, ...p })),
            responses: {
              '200': {
                description: 'ok',
                headers: c.headers,
                content: { 'application/json': { schema: c.body } },
              },
              '400': { description: 'bad', content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        },
      },
      components: { schemas: { Item } },
    },
    options,
  );
  return api.operations[0]!.list;
}

const items = { type: 'array', items: { $ref: '#/components/schemas/Item' } };
const int = { type: 'integer' };

describe('list detection', () => {
  it('finds a bare array and the identifier', async () => {
    const list = await detect({ body: items });
    expect(list).toMatchObject({ itemsPath: [], itemSchema: { $ref: '#/$defs/Item' }, identifier: 'id' });
    expect(list!.pagination).toBeUndefined();
  });

  it('leaves out operations that are not lists: non-GET, plain objects, unusual arrays without paging', async () => {
    expect(await detect({ body: items, method: 'post' })).toBeUndefined();
    expect(await detect({ body: { $ref: '#/components/schemas/Item' } })).toBeUndefined();
    expect(
      await detect({ body: { type: 'object', properties: { tags: { type: 'array', items: int } } } }),
    ).toBeUndefined();
  });

  it('prefers a required identifier, takes an optional one (generated specs rarely mark id required), and says when there is none', async () => {
    const optional = await detect({
      body: { type: 'array', items: { type: 'object', properties: { id: int, name: { type: 'string' } } } },
    });
    expect(optional!.identifier).toBe('id');
    const both = await detect({
      body: {
        type: 'array',
        items: { type: 'object', required: ['uuid'], properties: { id: int, uuid: { type: 'string' } } },
      },
    });
    expect(both!.identifier).toBe('uuid');
    const none = await detect({
      body: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, colour: { type: 'object' } } },
      },
    });
    expect(none!.identifier).toBeUndefined();
    expect(none!.unresolved?.some((line) => line.startsWith('identifier:'))).toBe(true);
  });

  it('detects DRF page-number pagination with its page-size limits', async () => {
    const list = await detect({
      params: [
        { name: 'page', schema: int },
        { name: 'page_size', schema: { type: 'integer', maximum: 100, default: 20 } },
      ],
      body: {
        type: 'object',
        properties: {
          count: int,
          next: { type: 'string', format: 'uri', nullable: true },
          previous: { type: 'string', nullable: true },
          results: items,
        },
      },
    });
    expect(list!.itemsPath).toEqual(['results']);
    expect(list!.pagination).toEqual<Pagination>({
      style: 'page-number',
      source: 'detected',
      convention: 'Django REST Framework PageNumberPagination',
      firstPage: 1,
      pageParam: 'page',
      pageSizeParam: 'page_size',
      maxPageSize: 100,
      defaultPageSize: 20,
      countPath: ['count'],
      nextPath: ['next'],
      previousPath: ['previous'],
    });
  });

  it('detects limit-offset pagination and a total count', async () => {
    const list = await detect({
      params: [
        { name: 'limit', schema: int },
        { name: 'offset', schema: int },
      ],
      body: { type: 'object', properties: { total: int, items } },
    });
    expect(list!.pagination).toEqual({
      style: 'limit-offset',
      source: 'detected',
      convention: 'limit/offset',
      firstPage: 1,
      limitParam: 'limit',
      offsetParam: 'offset',
      countPath: ['total'],
    });
  });

  it('detects Stripe-style cursor pagination with has_more', async () => {
    const list = await detect({
      params: [{ name: 'starting_after' }, { name: 'ending_before' }, { name: 'limit', schema: int }],
      body: {
        type: 'object',
        required: ['data', 'has_more'],
        properties: { object: { type: 'string' }, data: items, has_more: { type: 'boolean' } },
      },
    });
    expect(list!.itemsPath).toEqual(['data']);
    expect(list!.pagination).toEqual({
      style: 'cursor',
      source: 'detected',
      convention: 'Stripe list',
      firstPage: 1,
      cursorParam: 'starting_after',
      limitParam: 'limit',
      hasMorePath: ['has_more'],
    });
  });

  it('finds a next cursor one level down, and accepts an unusual array name when the list pages', async () => {
    const list = await detect({
      params: [{ name: 'cursor' }],
      body: {
        type: 'object',
        properties: {
          widgets: items,
          meta: { type: 'object', properties: { next_cursor: { type: 'string' } } },
        },
      },
    });
    expect(list!.itemsPath).toEqual(['widgets']);
    expect(list!.pagination).toMatchObject({
      style: 'cursor',
      cursorParam: 'cursor',
      nextPath: ['meta', 'next_cursor'],
    });
  });

  it('detects GitHub-style Link header pagination', async () => {
    const list = await detect({
      params: [
        { name: 'per_page', schema: { type: 'integer', default: 30, maximum: 100 } },
        { name: 'page', schema: int },
      ],
      headers: { Link: { schema: { type: 'string' } } },
      body: items,
    });
    expect(list!.pagination).toEqual({
      style: 'link-header',
      source: 'detected',
      convention: 'RFC 8288 Link header',
      firstPage: 1,
      pageParam: 'page',
      pageSizeParam: 'per_page',
      maxPageSize: 100,
      defaultPageSize: 30,
    });
  });

  it('detects Content-Range pagination from the response header or a Range request header', async () => {
    expect(
      (await detect({ headers: { 'Content-Range': { schema: { type: 'string' } } }, body: items }))!
        .pagination?.style,
    ).toBe('content-range');
    expect(
      (await detect({ params: [{ name: 'Range', in: 'header' }], body: items }))!.pagination?.style,
    ).toBe('content-range');
  });

  it('reads filters, ordering and search from parameter names', async () => {
    const list = await detect({
      params: [
        { name: 'name' },
        { name: 'active', schema: { type: 'boolean' } },
        { name: 'kind', schema: { type: 'string', enum: ['a', 'b'] } },
        { name: 'owner', schema: { type: 'string', format: 'uuid' } },
        { name: 'id', schema: int },
        { name: 'score', schema: { type: 'number' } },
        { name: 'tags' },
        { name: 'created' },
        { name: 'unrelated' },
        { name: 'sort', schema: { type: 'string', enum: ['name', '-name', 'id', '-id'] } },
        { name: 'q' },
      ],
      body: items,
    });
    expect(list!.filters).toEqual([
      { param: 'name', property: 'name', kind: 'text' },
      { param: 'active', property: 'active', kind: 'equality' },
      { param: 'kind', property: 'kind', kind: 'equality' },
      { param: 'owner', property: 'owner', kind: 'equality' },
      { param: 'id', property: 'id', kind: 'equality' },
    ]);
    expect(list!.ordering).toEqual({ param: 'sort', fields: ['name', 'id'], syntax: 'minus' });
    expect(list!.search).toEqual({ param: 'q' });
  });

  it('leaves out parameters that are not equality filters: catch-alls, foreign enum values, paging names', async () => {
    const withBefore = { ...Item, properties: { ...Item.properties, before: { type: 'string' } } };
    const list = await detect({
      params: [
        { name: 'kind', schema: { type: 'string', enum: ['a', 'c'] } },
        { name: 'name', schema: { type: 'string', default: 'all' } },
        { name: 'id', schema: { type: 'integer', enum: [1, 2, 'any'] } },
        { name: 'before' },
        { name: 'active', schema: { type: 'boolean' } },
      ],
      body: { type: 'array', items: withBefore },
    });
    expect(list!.filters).toEqual([{ param: 'active', property: 'active', kind: 'equality' }]);
  });

  it('orders by plain item properties when the ordering parameter lists none', async () => {
    const list = await detect({ params: [{ name: 'ordering' }], body: items });
    // Not booleans, not read-only (computed), not arrays.
    expect(list!.ordering).toEqual({ param: 'ordering', fields: ['id', 'name', 'kind', 'owner', 'score'] });
  });

  it('takes x-pagination over detection, and the pagination option over both', async () => {
    const c: ListCase = {
      params: [{ name: 'after' }, { name: 'first', schema: int }],
      extensions: {
        'x-pagination': {
          style: 'cursor',
          cursorParam: 'after',
          limitParam: 'first',
          nextPath: 'page_info.end_cursor',
        },
      },
      body: { type: 'object', properties: { items } },
    };
    expect((await detect(c))!.pagination).toEqual({
      style: 'cursor',
      source: 'x-pagination',
      firstPage: 1,
      cursorParam: 'after',
      limitParam: 'first',
      nextPath: ['page_info', 'end_cursor'],
    });
    const configured = await detect(c, { pagination: { things: { maxPageSize: 50 } } });
    expect(configured!.pagination).toMatchObject({
      style: 'cursor',
      source: 'config',
      cursorParam: 'after',
      maxPageSize: 50,
    });
  });

  it('refuses a list description key by key, naming the key, and takes list keys beside pagination ones', async () => {
    const c: ListCase = {
      params: [{ name: 'p', schema: int }],
      body: { type: 'object', properties: { rows: items, n: int } },
    };
    const refused = async (description: Record<string, unknown>) =>
      detect(c, { pagination: { things: description as never } }).then(
        () => undefined,
        (error: unknown) => error as AssayError,
      );
    const unknown = await refused({ style: 'page-number', countPth: 'n' });
    expect(unknown?.details.flag).toBe('pagination.things.countPth');
    expect(unknown?.message).toMatch(/key countPth: is not a list description key; use style, /);
    expect((await refused({ firstPage: -1 }))?.details.flag).toBe('pagination.things.firstPage');
    expect((await refused({ ordering: { param: 'o', syntax: 'sideways' } }))?.details.flag).toBe(
      'pagination.things.ordering.syntax',
    );
    const described = await detect(c, {
      pagination: {
        things: {
          style: 'page-number',
          pageParam: 'p',
          countPath: 'n',
          itemsPath: 'rows',
          identifier: 'name',
        },
      },
    });
    expect(described).toMatchObject({
      itemsPath: ['rows'],
      identifier: 'name',
      pagination: { style: 'page-number', source: 'config', pageParam: 'p', countPath: ['n'] },
    });
  });

  it('reads a oneOf [array, page] body as the page, and an ordering enum behind allOf/$ref', async () => {
    const list = await detect({
      params: [
        { name: '_page', schema: int },
        { name: '_per_page', schema: int },
        {
          name: '_sort',
          schema: { allOf: [{ type: 'string', enum: ['name', '-name', 'id', '-id'] }], default: 'id' },
        },
      ],
      body: {
        oneOf: [
          items,
          {
            type: 'object',
            properties: { first: int, prev: int, next: int, last: int, pages: int, items: int, data: items },
          },
        ],
      },
    });
    expect(list).toMatchObject({
      itemsPath: ['data'],
      pagination: {
        convention: 'json-server v1',
        pageParam: '_page',
        walkQuery: '_page=1',
        countPath: ['items'],
      },
      ordering: { param: '_sort', fields: ['name', 'id'], syntax: 'minus' },
    });
  });

  it('warns about a malformed x-pagination and refuses a pagination option without a style when nothing was detected', async () => {
    const list = await detect({ extensions: { 'x-pagination': { style: 'bogus' } }, body: items });
    expect(list!.pagination).toBeUndefined();
    const error = await detect({ body: items }, { pagination: { things: { pageParam: 'p' } } }).catch(
      (e: unknown) => e,
    );
    expect(AssayError.is(error) && error.code).toBe('config');
  });
});
