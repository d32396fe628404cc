// Page-number conventions as their frameworks document them (bodies, parameters, numbering).
import {
  type ConventionCase,
  int,
  itemsSchema,
  nullableInt,
  nullableStr,
  orderingEnum,
  orderParam,
  pageParam,
  readPage,
  sizeParam,
  str,
} from './convention-server.js';

const page1 = (offset: number, size: number) => String(Math.floor(offset / size) + 1);
const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  required,
  properties,
});

export const PAGE_CASES: ConventionCase[] = [
  {
    convention: 'fastapi-pagination Page',
    params: [pageParam('page'), sizeParam('size'), orderParam('order_by', orderingEnum('minus'))],
    body: obj({ items: itemsSchema, total: nullableInt, page: int, size: int, pages: nullableInt }),
    hasTotal: true,
    countsOnly: true,
    ordering: { param: 'order_by', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'size', 1),
    at: (offset, size) => ({ page: page1(offset, size) }),
    render: (w) => ({
      body: {
        items: w.items,
        total: w.total,
        page: w.index + 1,
        size: w.size,
        pages: Math.ceil(w.total / w.size),
      },
    }),
  },
  {
    convention: 'Spring Data Page',
    params: [pageParam('page', 0), sizeParam('size'), orderParam('sort', orderingEnum('comma'))],
    body: obj({
      content: itemsSchema,
      totalElements: int,
      totalPages: int,
      number: int,
      size: int,
      numberOfElements: int,
      first: { type: 'boolean' },
      last: { type: 'boolean' },
      empty: { type: 'boolean' },
    }),
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'comma' },
    read: (q) => readPage(q, 'page', 'size', 0),
    at: (offset, size) => ({ page: String(Math.floor(offset / size)) }),
    render: (w) => ({
      body: {
        content: w.items,
        totalElements: w.total,
        totalPages: Math.ceil(w.total / w.size),
        number: w.index,
        size: w.size,
        numberOfElements: w.items.length,
        first: w.index === 0,
        last: w.last,
        empty: w.items.length === 0,
      },
    }),
  },
  {
    convention: 'Spring HATEOAS PagedModel',
    params: [pageParam('page', 0), sizeParam('size'), orderParam('sort', orderingEnum('comma'))],
    body: obj(
      {
        _embedded: obj({ things: itemsSchema }),
        _links: obj({ self: obj({ href: str }), next: obj({ href: str }), prev: obj({ href: str }) }, [
          'self',
        ]),
        page: obj({ size: int, totalElements: int, totalPages: int, number: int }),
      },
      ['_links', 'page'],
    ),
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'comma' },
    read: (q) => readPage(q, 'page', 'size', 0),
    at: (offset, size) => ({ page: String(Math.floor(offset / size)) }),
    render: (w, link) => ({
      body: {
        ...(w.items.length === 0 ? {} : { _embedded: { things: w.items } }),
        _links: {
          self: { href: link(w.offset) },
          ...(w.last ? {} : { next: { href: link(w.offset + w.size) } }),
          ...(w.index === 0 ? {} : { prev: { href: link(w.offset - w.size) } }),
        },
        page: {
          size: w.size,
          totalElements: w.total,
          totalPages: Math.ceil(w.total / w.size),
          number: w.index,
        },
      },
    }),
  },
  {
    convention: 'Laravel LengthAwarePaginator',
    params: [pageParam('page'), sizeParam('per_page'), orderParam('sort', orderingEnum('minus'))],
    body: obj({
      current_page: int,
      data: itemsSchema,
      first_page_url: str,
      from: nullableInt,
      last_page: int,
      last_page_url: str,
      next_page_url: nullableStr,
      path: str,
      per_page: int,
      prev_page_url: nullableStr,
      to: nullableInt,
      total: int,
    }),
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'per_page', 1),
    at: (offset, size) => ({ page: page1(offset, size) }),
    render: (w, link) => ({
      body: {
        current_page: w.index + 1,
        data: w.items,
        first_page_url: link(0),
        from: w.items.length === 0 ? null : w.offset + 1,
        last_page: Math.max(1, Math.ceil(w.total / w.size)),
        last_page_url: link((Math.max(1, Math.ceil(w.total / w.size)) - 1) * w.size),
        next_page_url: w.last ? null : link(w.offset + w.size),
        path: 'http://testserver/things',
        per_page: w.size,
        prev_page_url: w.index === 0 ? null : link(w.offset - w.size),
        to: w.items.length === 0 ? null : w.offset + w.items.length,
        total: w.total,
      },
    }),
  },
  {
    convention: 'Laravel simplePaginate',
    params: [pageParam('page'), sizeParam('per_page'), orderParam('sort', orderingEnum('minus'))],
    body: obj({
      current_page: int,
      data: itemsSchema,
      first_page_url: str,
      from: nullableInt,
      next_page_url: nullableStr,
      path: str,
      per_page: int,
      prev_page_url: nullableStr,
      to: nullableInt,
    }),
    hasTotal: false,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'per_page', 1),
    at: (offset, size) => ({ page: page1(offset, size) }),
    render: (w, link) => ({
      body: {
        current_page: w.index + 1,
        data: w.items,
        first_page_url: link(0),
        from: w.items.length === 0 ? null : w.offset + 1,
        next_page_url: w.last ? null : link(w.offset + w.size),
        path: 'http://testserver/things',
        per_page: w.size,
        prev_page_url: w.index === 0 ? null : link(w.offset - w.size),
        to: w.items.length === 0 ? null : w.offset + w.items.length,
      },
    }),
  },
  {
    convention: 'nestjs-paginate',
    params: [pageParam('page'), sizeParam('limit'), orderParam('sortBy', orderingEnum('colon'))],
    body: obj({
      data: itemsSchema,
      meta: obj({ itemsPerPage: int, totalItems: int, currentPage: int, totalPages: int }),
      links: obj({ first: str, previous: str, current: str, next: str, last: str }, ['current']),
    }),
    hasTotal: true,
    ordering: { param: 'sortBy', syntax: 'colon' },
    read: (q) => readPage(q, 'page', 'limit', 1),
    at: (offset, size) => ({ page: page1(offset, size) }),
    render: (w, link) => {
      const pages = Math.ceil(w.total / w.size);
      return {
        body: {
          data: w.items,
          meta: { itemsPerPage: w.size, totalItems: w.total, currentPage: w.index + 1, totalPages: pages },
          links: {
            ...(w.index === 0 ? {} : { first: link(0), previous: link(w.offset - w.size) }),
            current: link(w.offset),
            ...(w.last ? {} : { next: link(w.offset + w.size), last: link((pages - 1) * w.size) }),
          },
        },
      };
    },
  },
  {
    convention: 'mongoose-paginate-v2',
    params: [pageParam('page'), sizeParam('limit'), orderParam('sort', orderingEnum('minus'))],
    body: obj({
      docs: itemsSchema,
      totalDocs: int,
      limit: int,
      totalPages: int,
      page: int,
      pagingCounter: int,
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: nullableInt,
      nextPage: nullableInt,
    }),
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page', 'limit', 1),
    at: (offset, size) => ({ page: page1(offset, size) }),
    render: (w) => ({
      body: {
        docs: w.items,
        totalDocs: w.total,
        limit: w.size,
        totalPages: Math.ceil(w.total / w.size),
        page: w.index + 1,
        pagingCounter: w.offset + 1,
        hasPrevPage: w.index > 0,
        hasNextPage: !w.last,
        prevPage: w.index > 0 ? w.index : null,
        nextPage: w.last ? null : w.index + 2,
      },
    }),
  },
  {
    convention: 'Strapi',
    params: [
      pageParam('pagination[page]'),
      sizeParam('pagination[pageSize]'),
      orderParam('sort', orderingEnum('colon')),
    ],
    body: obj({
      data: itemsSchema,
      meta: obj({ pagination: obj({ page: int, pageSize: int, pageCount: int, total: int }) }),
    }),
    hasTotal: true,
    countsOnly: true,
    ordering: { param: 'sort', syntax: 'colon' },
    read: (q) => readPage(q, 'pagination[page]', 'pagination[pageSize]', 1),
    at: (offset, size) => ({ 'pagination[page]': page1(offset, size) }),
    render: (w) => ({
      body: {
        data: w.items,
        meta: {
          pagination: {
            page: w.index + 1,
            pageSize: w.size,
            pageCount: Math.ceil(w.total / w.size),
            total: w.total,
          },
        },
      },
    }),
  },
  {
    convention: 'json-server v1',
    params: [pageParam('_page'), sizeParam('_per_page'), orderParam('_sort', orderingEnum('minus'))],
    body: {
      oneOf: [
        itemsSchema,
        obj({
          first: int,
          prev: nullableInt,
          next: nullableInt,
          last: int,
          pages: int,
          items: int,
          data: itemsSchema,
        }),
      ],
    },
    hasTotal: true,
    ordering: { param: '_sort', syntax: 'minus' },
    read: (q) => readPage(q, '_page', '_per_page', 1),
    at: (offset, size) => ({ _page: page1(offset, size) }),
    render: (w, _link, q) => {
      if (!q.has('_page')) return { body: w.all };
      const pages = Math.ceil(w.total / w.size);
      return {
        body: {
          first: 1,
          prev: w.index > 0 ? w.index : null,
          next: w.last ? null : w.index + 2,
          last: pages,
          pages,
          items: w.total,
          data: w.items,
        },
      };
    },
  },
  {
    convention: 'JSON:API',
    params: [pageParam('page[number]'), sizeParam('page[size]'), orderParam('sort', orderingEnum('minus'))],
    body: obj(
      {
        data: itemsSchema,
        links: obj({ self: str, first: str, last: str, prev: nullableStr, next: nullableStr }, ['self']),
        meta: obj({ total: int }),
      },
      ['data'],
    ),
    hasTotal: true,
    ordering: { param: 'sort', syntax: 'minus' },
    read: (q) => readPage(q, 'page[number]', 'page[size]', 1),
    at: (offset, size) => ({ 'page[number]': page1(offset, size) }),
    render: (w, link) => ({
      body: {
        data: w.items,
        links: {
          self: link(w.offset),
          first: link(0),
          last: link((Math.max(1, Math.ceil(w.total / w.size)) - 1) * w.size),
          prev: w.index === 0 ? null : link(w.offset - w.size),
          next: w.last ? null : link(w.offset + w.size),
        },
        meta: { total: w.total },
      },
    }),
  },
];
