// Offset, token and header conventions as their APIs document them.
import {
  type ConventionCase,
  cursorOf,
  int,
  intOf,
  itemsSchema,
  nullableInt,
  nullableStr,
  orderingEnum,
  orderParam,
  readCursor,
  readOffset,
  readPage,
  sizeParam,
  str,
} from './convention-server.js';

const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  required,
  properties,
});
const cursorAt = (param: string) => (offset: number) => ({
  [param]: offset === 0 ? undefined : cursorOf(offset),
});

export const TOKEN_CASES: ConventionCase[] = [
  {
    convention: 'fastapi-pagination LimitOffsetPage',
    params: [
      { name: 'offset', schema: { type: 'integer', minimum: 0 } },
      sizeParam('limit'),
      orderParam('order_by', orderingEnum('minus')),
    ],
    body: obj({ items: itemsSchema, total: nullableInt, limit: int, offset: int }),
    hasTotal: true,
    countsOnly: true,
    ordering: { param: 'order_by', syntax: 'minus' },
    read: (q) => readOffset(q, 'offset', 'limit'),
    at: (offset) => ({ offset: String(offset) }),
    render: (w) => ({ body: { items: w.items, total: w.total, limit: w.size, offset: w.offset } }),
  },
  {
    convention: 'fastapi-pagination CursorPage',
    params: [
      { name: 'cursor', schema: str },
      sizeParam('size'),
      orderParam('order_by', orderingEnum('minus')),
    ],
    body: obj({
      items: itemsSchema,
      total: nullableInt,
      current_page: nullableStr,
      current_page_backwards: nullableStr,
      previous_page: nullableStr,
      next_page: nullableStr,
    }),
    hasTotal: false,
    ordering: { param: 'order_by', syntax: 'minus' },
    read: (q) => readCursor(q, 'cursor', 'size'),
    at: cursorAt('cursor'),
    render: (w) => ({
      body: {
        items: w.items,
        total: null,
        current_page: cursorOf(w.offset),
        current_page_backwards: null,
        previous_page: w.offset === 0 ? null : cursorOf(Math.max(0, w.offset - w.size)),
        next_page: w.last ? null : cursorOf(w.offset + w.size),
      },
    }),
  },
  {
    convention: 'Laravel cursorPaginate',
    params: [
      { name: 'cursor', schema: str },
      sizeParam('per_page'),
      orderParam('sort', orderingEnum('minus')),
    ],
    body: obj({
      data: itemsSchema,
      path: str,
      per_page: int,
      next_cursor: nullableStr,
      next_page_url: nullableStr,
      prev_cursor: nullableStr,
      prev_page_url: nullableStr,
    }),
    hasTotal: false,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readCursor(q, 'cursor', 'per_page'),
    at: cursorAt('cursor'),
    render: (w, link) => ({
      body: {
        data: w.items,
        path: 'http://testserver/things',
        per_page: w.size,
        next_cursor: w.last ? null : cursorOf(w.offset + w.size),
        next_page_url: w.last ? null : link(w.offset + w.size),
        prev_cursor: w.offset === 0 ? null : cursorOf(Math.max(0, w.offset - w.size)),
        prev_page_url: w.offset === 0 ? null : link(Math.max(0, w.offset - w.size)),
      },
    }),
  },
  {
    convention: 'Directus',
    params: [
      sizeParam('limit'),
      { name: 'offset', schema: { type: 'integer', minimum: 0 } },
      { name: 'meta', schema: str },
      orderParam('sort', orderingEnum('minus')),
    ],
    body: obj({ data: itemsSchema, meta: obj({ filter_count: int }) }, ['data']),
    hasTotal: true,
    countsOnly: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readOffset(q, 'offset', 'limit'),
    at: (offset) => ({ offset: String(offset) }),
    // The count only on request; without it, nothing about the end.
    render: (w, _link, q) => ({
      body: {
        data: w.items,
        ...(q.get('meta') === 'filter_count' ? { meta: { filter_count: w.total } } : {}),
      },
    }),
  },
  {
    convention: 'OData',
    params: [
      sizeParam('$top'),
      { name: '$skip', schema: { type: 'integer', minimum: 0 } },
      { name: '$count', schema: { type: 'boolean' } },
      orderParam('$orderby', orderingEnum('space')),
    ],
    body: obj({ value: itemsSchema, '@odata.count': int, '@odata.nextLink': str }, ['value']),
    hasTotal: true,
    ordering: { param: '$orderby', syntax: 'space' },
    read: (q) => readOffset(q, '$skip', '$top'),
    at: (offset) => ({ $skip: String(offset) }),
    render: (w, link, q) => ({
      body: {
        value: w.items,
        ...(q.get('$count') === 'true' ? { '@odata.count': w.total } : {}),
        ...(w.last ? {} : { '@odata.nextLink': link(w.offset + w.size) }),
      },
    }),
  },
  {
    convention: 'Google AIP-158',
    params: [
      sizeParam('pageSize'),
      { name: 'pageToken', schema: str },
      orderParam('orderBy', orderingEnum('space')),
    ],
    body: obj({ things: itemsSchema, nextPageToken: str, totalSize: int }, ['things', 'nextPageToken']),
    hasTotal: true,
    ordering: { param: 'orderBy', syntax: 'space' },
    read: (q) => readCursor(q, 'pageToken', 'pageSize'),
    at: cursorAt('pageToken'),
    render: (w) => ({
      body: { things: w.items, nextPageToken: w.last ? '' : cursorOf(w.offset + w.size), totalSize: w.total },
    }),
  },
  {
    convention: 'AWS NextToken',
    params: [
      sizeParam('MaxResults'),
      { name: 'NextToken', schema: str },
      orderParam('sortBy', orderingEnum('minus')),
    ],
    body: obj({ Things: itemsSchema, NextToken: str }, ['Things']),
    hasTotal: false,
    ordering: { param: 'sortBy', syntax: 'minus' },
    read: (q) => readCursor(q, 'NextToken', 'MaxResults'),
    at: cursorAt('NextToken'),
    render: (w) => ({
      body: { Things: w.items, ...(w.last ? {} : { NextToken: cursorOf(w.offset + w.size) }) },
    }),
  },
  {
    convention: 'Kubernetes continue',
    params: [
      sizeParam('limit'),
      { name: 'continue', schema: str },
      orderParam('sort', orderingEnum('minus')),
    ],
    body: obj(
      {
        kind: str,
        metadata: obj({ continue: str, remainingItemCount: int, resourceVersion: str }, ['resourceVersion']),
        items: itemsSchema,
      },
      ['metadata', 'items'],
    ),
    // remainingItemCount is the total this convention offers: the items after the page.
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readCursor(q, 'continue', 'limit'),
    at: cursorAt('continue'),
    render: (w) => ({
      body: {
        kind: 'ThingList',
        metadata: {
          resourceVersion: '1',
          ...(w.last
            ? {}
            : {
                continue: cursorOf(w.offset + w.size),
                remainingItemCount: w.total - w.offset - w.items.length,
              }),
        },
        items: w.items,
      },
    }),
  },
  {
    convention: 'Stripe list',
    params: [
      sizeParam('limit'),
      { name: 'starting_after', schema: str },
      orderParam('sort', orderingEnum('minus')),
    ],
    body: obj({
      object: { type: 'string', enum: ['list'] },
      data: itemsSchema,
      has_more: { type: 'boolean' },
      url: str,
    }),
    hasTotal: false,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q, all) => {
      const size = intOf(q, 'limit');
      if (size === 'bad' || size === 0) return 'bad';
      const after = q.get('starting_after');
      const at = after === null ? -1 : all.findIndex((item) => String(item.id) === after);
      if (after !== null && at === -1) return 'bad';
      return { offset: at + 1, ...(size === undefined ? {} : { size }) };
    },
    at: (offset, _size, all) => ({ starting_after: offset === 0 ? undefined : String(all[offset - 1]!.id) }),
    render: (w) => ({ body: { object: 'list', data: w.items, has_more: !w.last, url: '/v1/things' } }),
  },
  {
    convention: 'Slack cursor',
    params: [sizeParam('limit'), { name: 'cursor', schema: str }, orderParam('sort', orderingEnum('minus'))],
    body: obj({ ok: { type: 'boolean' }, things: itemsSchema, response_metadata: obj({ next_cursor: str }) }),
    hasTotal: false,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readCursor(q, 'cursor', 'limit'),
    at: cursorAt('cursor'),
    render: (w) => ({
      body: {
        ok: true,
        things: w.items,
        response_metadata: { next_cursor: w.last ? '' : cursorOf(w.offset + w.size) },
      },
    }),
  },
  {
    convention: 'Atlassian startAt',
    params: [
      { name: 'startAt', schema: { type: 'integer', minimum: 0 } },
      sizeParam('maxResults'),
      orderParam('orderBy', orderingEnum('minus')),
    ],
    body: obj({
      values: itemsSchema,
      startAt: int,
      maxResults: int,
      total: int,
      isLast: { type: 'boolean' },
    }),
    hasTotal: true,
    ordering: { param: 'orderBy', syntax: 'minus' },
    read: (q) => readOffset(q, 'startAt', 'maxResults'),
    at: (offset) => ({ startAt: String(offset) }),
    render: (w) => ({
      body: { values: w.items, startAt: w.offset, maxResults: w.size, total: w.total, isLast: w.last },
    }),
  },
  {
    convention: 'RFC 8288 Link header',
    params: [
      { name: 'page', schema: { type: 'integer', minimum: 1 } },
      sizeParam('per_page'),
      orderParam('sort', orderingEnum('minus')),
    ],
    body: itemsSchema,
    headers: { Link: { schema: str }, 'X-Total-Count': { schema: int } },
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'per_page', 1),
    at: (offset, size) => ({ page: String(Math.floor(offset / size) + 1) }),
    render: (w, link) => {
      const links = [`<${link(0)}>; rel="first"`];
      if (!w.last) links.push(`<${link(w.offset + w.size)}>; rel="next"`);
      if (w.index > 0) links.push(`<${link(w.offset - w.size)}>; rel="prev"`);
      links.push(`<${link((Math.max(1, Math.ceil(w.total / w.size)) - 1) * w.size)}>; rel="last"`);
      return { body: w.items, headers: { link: links.join(', '), 'x-total-count': String(w.total) } };
    },
  },
  {
    convention: 'X-Total-Count headers',
    params: [
      { name: 'page', schema: { type: 'integer', minimum: 1 } },
      sizeParam('per_page'),
      orderParam('sort', orderingEnum('minus')),
    ],
    body: itemsSchema,
    headers: {
      'X-Total': { schema: int },
      'X-Total-Pages': { schema: int },
      'X-Page': { schema: int },
      'X-Per-Page': { schema: int },
    },
    hasTotal: true,
    countsOnly: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'per_page', 1),
    at: (offset, size) => ({ page: String(Math.floor(offset / size) + 1) }),
    render: (w) => ({
      body: w.items,
      headers: {
        'x-total': String(w.total),
        'x-total-pages': String(Math.ceil(w.total / w.size)),
        'x-page': String(w.index + 1),
        'x-per-page': String(w.size),
      },
    }),
  },
  {
    // GitLab's set: the same totals, and the next and previous page numbers, empty where there is none.
    convention: 'X-Total-Count headers',
    params: [
      { name: 'page', schema: { type: 'integer', minimum: 1 } },
      sizeParam('per_page'),
      orderParam('sort', orderingEnum('minus')),
    ],
    body: itemsSchema,
    headers: {
      'X-Total': { schema: int },
      'X-Total-Pages': { schema: int },
      'X-Page': { schema: int },
      'X-Per-Page': { schema: int },
      'X-Next-Page': { schema: str },
      'X-Prev-Page': { schema: str },
    },
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'per_page', 1),
    at: (offset, size) => ({ page: String(Math.floor(offset / size) + 1) }),
    render: (w) => ({
      body: w.items,
      headers: {
        'x-total': String(w.total),
        'x-total-pages': String(Math.ceil(w.total / w.size)),
        'x-page': String(w.index + 1),
        'x-per-page': String(w.size),
        'x-next-page': w.last ? '' : String(w.index + 2),
        'x-prev-page': w.index === 0 ? '' : String(w.index),
      },
    }),
  },
];
