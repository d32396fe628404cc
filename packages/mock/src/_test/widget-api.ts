import type {
  ApiModel,
  JsonSchema,
  ListSemantics,
  Operation,
  Pagination,
  PaginationStyle,
  Parameter,
  ResponseSpec,
} from '@assay/model';

/** The token the widget API is tested with. */
export const WIDGET_TOKEN = 'widget-key';

const schemas: Record<string, JsonSchema> = {
  Widget: {
    type: 'object',
    properties: {
      id: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 1, maxLength: 12 },
      color: { type: 'string', enum: ['red', 'green', 'blue'] },
      owner: { type: ['string', 'null'], format: 'uuid' },
      active: { type: 'boolean' },
      weight: { type: 'number', minimum: 0, maximum: 100 },
    },
    required: ['id', 'name', 'color', 'owner', 'active', 'weight'],
  },
  Problem: {
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
    additionalProperties: false,
  },
};

function param(name: string, schema: JsonSchema, extra: Partial<Parameter> = {}): Parameter {
  return {
    name,
    in: 'query',
    required: false,
    style: 'form',
    explode: true,
    allowReserved: false,
    schema,
    deprecated: false,
    examples: [],
    ...extra,
  };
}

function json(status: string, schema: JsonSchema): ResponseSpec {
  return {
    status,
    content: { 'application/json': { mediaType: 'application/json', schema, examples: [] } },
    headers: {},
  };
}

const widget: JsonSchema = { $ref: '#/$defs/Widget' };
const link: JsonSchema = { type: ['string', 'null'], format: 'uri' };

interface StyleShape {
  body: JsonSchema;
  itemsPath: string[];
  params: Parameter[];
  pagination: Pagination;
  /** Documented success status. */
  status?: string;
}

function shape(style: PaginationStyle): StyleShape {
  const base = { style, source: 'config' as const, firstPage: 1 };
  const drf = (extra: Record<string, JsonSchema> = {}): JsonSchema => ({
    type: 'object',
    properties: {
      count: { type: 'integer' },
      next: link,
      previous: link,
      results: { type: 'array', items: widget },
      ...extra,
    },
    required: ['count', 'next', 'previous', 'results'],
  });
  switch (style) {
    case 'page-object':
      return {
        body: {
          type: 'object',
          properties: {
            pagination: {
              type: 'object',
              properties: Object.fromEntries(
                ['next', 'previous', 'count', 'current', 'total_pages', 'start_index', 'end_index'].map(
                  (k) => [k, { type: 'number' }],
                ),
              ),
              required: ['next', 'previous', 'count', 'current', 'total_pages', 'start_index', 'end_index'],
            },
            results: { type: 'array', items: widget },
          },
          required: ['pagination', 'results'],
        },
        itemsPath: ['results'],
        params: [param('page', { type: 'integer' }), param('page_size', { type: 'integer' })],
        pagination: {
          ...base,
          pageParam: 'page',
          pageSizeParam: 'page_size',
          countPath: ['pagination', 'count'],
          nextPath: ['pagination', 'next'],
          previousPath: ['pagination', 'previous'],
          currentPath: ['pagination', 'current'],
          totalPagesPath: ['pagination', 'total_pages'],
          startIndexPath: ['pagination', 'start_index'],
          endIndexPath: ['pagination', 'end_index'],
        },
      };
    case 'page-number':
      return {
        body: drf(),
        itemsPath: ['results'],
        params: [param('page', { type: 'integer' }), param('page_size', { type: 'integer' })],
        pagination: {
          ...base,
          pageParam: 'page',
          pageSizeParam: 'page_size',
          countPath: ['count'],
          nextPath: ['next'],
          previousPath: ['previous'],
        },
      };
    case 'limit-offset':
      return {
        body: drf(),
        itemsPath: ['results'],
        params: [param('limit', { type: 'integer' }), param('offset', { type: 'integer' })],
        pagination: {
          ...base,
          limitParam: 'limit',
          offsetParam: 'offset',
          countPath: ['count'],
          nextPath: ['next'],
          previousPath: ['previous'],
        },
      };
    case 'cursor':
      return {
        body: {
          type: 'object',
          properties: {
            data: { type: 'array', items: widget },
            has_more: { type: 'boolean' },
            next_cursor: { type: ['string', 'null'] },
          },
          required: ['data', 'has_more', 'next_cursor'],
        },
        itemsPath: ['data'],
        params: [
          param('cursor', { type: 'string' }),
          param('limit', { type: 'integer', minimum: 1, maximum: 50 }),
        ],
        pagination: {
          ...base,
          cursorParam: 'cursor',
          limitParam: 'limit',
          hasMorePath: ['has_more'],
          nextPath: ['next_cursor'],
          maxPageSize: 50,
        },
      };
    case 'link-header':
      return {
        body: { type: 'array', items: widget },
        itemsPath: [],
        params: [
          param('page', { type: 'integer', minimum: 1 }),
          param('per_page', { type: 'integer', minimum: 1, maximum: 100 }),
        ],
        pagination: {
          ...base,
          pageParam: 'page',
          pageSizeParam: 'per_page',
          defaultPageSize: 30,
          maxPageSize: 100,
        },
      };
    case 'content-range':
      return {
        body: { type: 'array', items: widget },
        itemsPath: [],
        params: [
          param('limit', { type: 'integer', minimum: 0 }),
          param('offset', { type: 'integer', minimum: 0 }),
          param('Range', { type: 'string' }, { in: 'header', style: 'simple', explode: false }),
        ],
        pagination: { ...base, limitParam: 'limit', offsetParam: 'offset' },
        status: '200',
      };
  }
}

/**
 * A small API with one list operation paginated in the given style, plus a create and a fetch
 * operation: the six styles on one item schema, built as the loader would build them.
 */
export function widgetApi(style: PaginationStyle, options: { notFound?: boolean } = {}): ApiModel {
  const s = shape(style);
  const list: ListSemantics = {
    itemsPath: s.itemsPath,
    itemSchema: widget,
    identifier: 'id',
    pagination: s.pagination,
    filters: [
      { param: 'color', property: 'color', kind: 'equality' },
      { param: 'owner', property: 'owner', kind: 'equality' },
      { param: 'active', property: 'active', kind: 'equality' },
    ],
    ordering: { param: 'ordering', fields: ['id', 'name', 'color', 'weight', 'active'] },
    search: { param: 'q' },
  };
  const security = [{ key: [] }];
  const listResponses: Record<string, ResponseSpec> = {
    [s.status ?? '200']: {
      ...json(s.status ?? '200', s.body),
      headers: {
        'x-rate-limit-remaining': {
          name: 'x-rate-limit-remaining',
          required: true,
          schema: { type: 'integer', minimum: 0 },
        },
        'x-request-id': { name: 'x-request-id', required: false, schema: { type: 'string', format: 'uuid' } },
      },
    },
    '400': json('400', { $ref: '#/$defs/Problem' }),
    '401': json('401', { $ref: '#/$defs/Problem' }),
  };
  if (options.notFound === true) listResponses['404'] = json('404', { $ref: '#/$defs/Problem' });
  const operations: Operation[] = [
    {
      id: 'widgets_list',
      method: 'GET',
      path: '/widgets',
      pointer: '/paths/~1widgets/get',
      tags: [],
      deprecated: false,
      parameters: [
        ...s.params,
        param('color', { type: 'string', enum: ['red', 'green', 'blue'] }),
        param('owner', { type: 'string', format: 'uuid' }),
        param('active', { type: 'boolean' }),
        param('ordering', { type: 'string' }),
        param('q', { type: 'string' }),
      ],
      responses: listResponses,
      security,
      list,
      extensions: {},
    },
    {
      id: 'widgets_create',
      method: 'POST',
      path: '/widgets',
      pointer: '/paths/~1widgets/post',
      tags: [],
      deprecated: false,
      parameters: [],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            mediaType: 'application/json',
            schema: {
              type: 'object',
              properties: {
                name: { type: 'string', minLength: 1 },
                color: { type: 'string', enum: ['red', 'green', 'blue'] },
              },
              required: ['name'],
            },
            examples: [],
          },
        },
      },
      responses: { '201': json('201', widget), '400': json('400', { $ref: '#/$defs/Problem' }) },
      security,
      extensions: {},
    },
    {
      id: 'widgets_retrieve',
      method: 'GET',
      path: '/widgets/{id}',
      pointer: '/paths/~1widgets~1{id}/get',
      tags: [],
      deprecated: false,
      parameters: [
        param(
          'id',
          { type: 'integer', minimum: 1 },
          { in: 'path', required: true, style: 'simple', explode: false },
        ),
      ],
      responses: {
        '200': {
          ...json('200', widget),
          content: {
            'application/json': {
              mediaType: 'application/json',
              schema: widget,
              examples: [{ id: 7, name: 'sprocket', color: 'red', owner: null, active: true, weight: 2.5 }],
            },
          },
        },
        '400': json('400', { $ref: '#/$defs/Problem' }),
      },
      security: [],
      extensions: {},
    },
  ];
  return {
    title: `widgets (${style})`,
    version: '1',
    format: 'openapi-3.1',
    specVersion: '3.1.0',
    source: '<memory>',
    servers: ['https://example.com/v1'],
    operations,
    securitySchemes: { key: { type: 'apiKey', name: 'key', in: 'header', parameterName: 'X-Api-Key' } },
    schemas,
    problems: [],
  };
}
