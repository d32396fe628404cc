import {
  type ApiModel,
  AssayError,
  type HttpRequest,
  type JsonSchema,
  PAGINATION_STYLES,
  type PaginationStyle,
} from '@assay/model';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { conformanceProblems, get, send } from '../_test/exchange.js';
import { identificationApi } from '../_test/identification-api.js';
import { walk } from '../_test/walk.js';
import { WIDGET_TOKEN, widgetApi } from '../_test/widget-api.js';
import { faultCatalogue } from '../faults/fault-catalogue.js';
import { createMock, DEFAULT_MOCK_TOKEN } from './create-mock.js';

let identification: ApiModel;
beforeAll(async () => {
  identification = await identificationApi();
});

const LIST = '/api/v3/stages/identification/';
const bearer = { authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` };

describe('createMock: bad input', () => {
  it('refuses a spec with no operations (spec-empty)', () => {
    const empty = { ...widgetApi('page-number'), operations: [] };
    expect(() => createMock(empty)).toThrow(expect.objectContaining({ code: 'spec-empty' }));
  });

  it('refuses an unknown fault, listing the known ones (unknown-fault)', () => {
    try {
      createMock(identification, { faults: ['schema-break', 'made-up'] });
      expect.unreachable();
    } catch (error) {
      expect(AssayError.is(error) && error.code).toBe('unknown-fault');
      expect((error as Error).message).toContain('"made-up"');
      for (const fault of faultCatalogue) expect((error as Error).message).toContain(fault.name);
    }
  });
});

describe('createMock: determinism', () => {
  const everything = (seed: number) => {
    const operation = identification.operations[0]!;
    const mock = createMock(identification, { seed });
    return walk(mock, operation, get(LIST, 'page_size=50', bearer)).map((p) => p.response.body);
  };

  it('serves the same data for the same seed, and different data for another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), (seed) => {
        expect(everything(seed)).toEqual(everything(seed));
        expect(everything(seed)).not.toEqual(everything(seed + 1));
      }),
      { numRuns: 5 },
    );
  });

  it('makes identifiers unique, and draws foreign-key uuids from pools of at most 3', () => {
    const operation = identification.operations[0]!;
    const mock = createMock(identification, { seed: 11, items: 60 });
    const items = walk(mock, operation, get(LIST, 'page_size=100', bearer)).flatMap((p) => p.items);
    expect(items).toHaveLength(60);
    expect(new Set(items.map((i) => i.pk)).size).toBe(60);
    for (const key of [
      'password_stage',
      'captcha_stage',
      'enrollment_flow',
      'recovery_flow',
      'passwordless_flow',
    ]) {
      const values = new Set(items.map((i) => i[key]).filter((v) => typeof v === 'string'));
      expect(values.size).toBeLessThanOrEqual(3);
    }
  });
});

const uuid = fc.oneof(fc.uuid(), fc.constant('not-a-uuid'));
const bool = fc.constantFrom('true', 'false', 'yes');
const integer = fc.oneof(fc.integer({ min: -3, max: 60 }).map(String), fc.constantFrom('abc', '1.5', ''));
const text = fc.string({ maxLength: 6 });

/** Identification list requests: every parameter may be present, valid or not, with or without auth. */
const identificationRequest: fc.Arbitrary<HttpRequest> = fc
  .record(
    {
      page: integer,
      page_size: integer,
      ordering: fc.oneof(fc.constantFrom('name', '-name', 'pk,-name', 'show_matched_user', 'nope'), text),
      search: text,
      name: text,
      captcha_stage: uuid,
      enrollment_flow: uuid,
      case_insensitive_matching: bool,
      show_matched_user: bool,
    },
    { requiredKeys: [] },
  )
  .chain((params) =>
    fc.record({
      query: fc.constant(new URLSearchParams(params as Record<string, string>).toString()),
      path: fc.constantFrom(LIST, '/stages/identification/'),
      headers: fc.constantFrom<Record<string, string>>(
        bearer,
        {},
        { authorization: 'Bearer wrong' },
        { authorization: 'Basic x' },
      ),
    }),
  )
  .map(({ query, path, headers }) => get(path, query, headers));

describe('createMock: every response matches the spec', () => {
  it('identification list, over many seeds and requests', () => {
    const operation = identification.operations[0]!;
    const mocks = new Map<number, ReturnType<typeof createMock>>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), identificationRequest, (seed, request) => {
        let mock = mocks.get(seed);
        if (mock === undefined) {
          mock = createMock(identification, { seed, items: 30 });
          mocks.set(seed, mock);
        }
        const { response } = send(mock, request);
        expect(conformanceProblems(identification, operation, response)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each<PaginationStyle>(PAGINATION_STYLES)(
    'widget API (%s): lists, creates and fetches, valid and invalid',
    (style) => {
      const api = widgetApi(style);
      const key = { 'x-api-key': WIDGET_TOKEN };
      const widgetRequest: fc.Arbitrary<HttpRequest> = fc.oneof(
        fc
          .record(
            {
              page: integer,
              page_size: integer,
              per_page: integer,
              limit: integer,
              offset: integer,
              cursor: text,
              color: fc.constantFrom('red', 'green', 'blue', 'pink'),
              owner: uuid,
              active: bool,
              ordering: fc.constantFrom('id', '-weight', 'name,-id', 'nope'),
              q: text,
            },
            { requiredKeys: [] },
          )
          .chain((params) =>
            fc.record({
              query: fc.constant(new URLSearchParams(params as Record<string, string>).toString()),
              headers: fc.constantFrom<Record<string, string>>(
                key,
                {},
                { 'x-api-key': 'nope' },
                { ...key, range: '5-9' },
              ),
            }),
          )
          .map(({ query, headers }) => get('/widgets', query, headers)),
        fc
          .oneof(
            fc.record({ name: fc.string({ minLength: 1 }), color: fc.constantFrom('red', 'blue') }),
            fc.record({ color: fc.constant('red') }),
            fc.constant('{not json'),
          )
          .map((body) => ({
            method: 'POST' as const,
            path: '/widgets',
            query: '',
            headers: { ...key, 'content-type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
            operationId: '',
            mode: 'positive' as const,
          })),
        fc
          .oneof(fc.integer({ min: -1, max: 99 }).map(String), fc.constant('x'))
          .map((id) => get(`/v1/widgets/${id}`)),
      );
      const mock = createMock(api, { token: WIDGET_TOKEN, seed: 3 });
      fc.assert(
        fc.property(widgetRequest, (request) => {
          const { response } = send(mock, request);
          const operation = api.operations.find(
            (o) =>
              o.method === request.method && request.path.endsWith('/widgets') === (o.path === '/widgets'),
          )!;
          expect(conformanceProblems(api, operation, response)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('createMock: auth and validation', () => {
  it('answers the documented 403 (identification) without the token, and serves with it', () => {
    const mock = createMock(identification, { token: 'secret' });
    expect(send(mock, get(LIST)).response.status).toBe(403);
    expect(send(mock, get(LIST, '', { authorization: 'Bearer nope' })).response.status).toBe(403);
    expect(send(mock, get(LIST, '', { authorization: 'Bearer secret' })).response.status).toBe(200);
    expect(send(mock, get(LIST)).body).toEqual({ detail: expect.any(String) });
  });

  it('answers an invalid parameter with the documented 400 and a body naming it', () => {
    const mock = createMock(identification);
    const { response, body } = send(mock, get(LIST, 'page=abc', bearer));
    expect(response.status).toBe(400);
    expect(Object.keys(body as object)).toEqual(['page']);
    expect(send(mock, get(LIST, 'enrollment_flow=nope', bearer)).response.status).toBe(400);
    expect(send(mock, get(LIST, 'show_matched_user=maybe', bearer)).response.status).toBe(400);
  });

  it('validates request bodies, fetches listed items by identifier, and answers other operations with their example', () => {
    const api = widgetApi('page-number');
    const mock = createMock(api, { token: WIDGET_TOKEN });
    const post = (body: string) =>
      send(mock, {
        method: 'POST',
        path: '/widgets',
        query: '',
        headers: { 'x-api-key': WIDGET_TOKEN, 'content-type': 'application/json' },
        body,
        operationId: '',
        mode: 'positive',
      });
    expect(post('{"name":"a"}').response.status).toBe(201);
    expect(post('{"color":"red"}').response.status).toBe(400);
    expect(post('{').response.status).toBe(400);
    const listed = (
      send(mock, get('/widgets', 'page_size=100', { 'x-api-key': WIDGET_TOKEN })).body as {
        results: { id: number }[];
      }
    ).results;
    expect(send(mock, get('/widgets/7')).body).toEqual(listed.find((item) => item.id === 7));
    // No such item and no documented 404: the spec's example.
    const example = { id: 7, name: 'sprocket', color: 'red', owner: null, active: true, weight: 2.5 };
    expect(send(mock, get('/widgets/99')).body).toEqual(example);
    const documented = widgetApi('page-number');
    const retrieve = documented.operations[2]!;
    retrieve.responses['404'] = { ...retrieve.responses['400']!, status: '404' };
    const strict = createMock(documented, { token: WIDGET_TOKEN });
    expect(send(strict, get('/widgets/99')).response.status).toBe(404);
    expect(conformanceProblems(documented, retrieve, send(strict, get('/widgets/99')).response)).toEqual([]);
    expect(send(mock, get('/widgets/0')).response.status).toBe(400);
    expect(send(mock, get('/nowhere')).response.status).toBe(404);
    expect(send(mock, { ...get('/widgets/7'), method: 'DELETE' }).response.status).toBe(405);
  });

  it('sends the response headers the spec documents, with values valid for their schemas', () => {
    const mock = createMock(widgetApi('page-number'), { token: WIDGET_TOKEN });
    const { headers } = send(mock, get('/widgets', '', { 'x-api-key': WIDGET_TOKEN })).response;
    expect(headers['x-rate-limit-remaining']).toMatch(/^\d+$/);
    if (headers['x-request-id'] !== undefined) expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/i);
    expect(send(mock, get('/widgets', '', { 'x-api-key': WIDGET_TOKEN })).response.headers).toEqual(headers);
  });

  it('answers an operation that documents only an error status with that status, not an undocumented 200', () => {
    // Kubernetes documents nothing but 401 for GET /logs/.
    const api = widgetApi('page-number');
    const retrieve = api.operations[2]!;
    retrieve.responses = { '401': { ...retrieve.responses['400']!, status: '401' } };
    const mock = createMock(api, { token: WIDGET_TOKEN });
    const { response } = send(mock, get('/widgets/7'));
    expect(response.status).toBe(401);
    expect(conformanceProblems(api, retrieve, response)).toEqual([]);
    // A redirect is still preferred to an error when both are documented.
    const redirecting = widgetApi('page-number');
    redirecting.operations[2]!.responses = {
      '302': { status: '302', content: {}, headers: {} },
      '401': { ...retrieve.responses['401']! },
    };
    const redirect = createMock(redirecting, { token: WIDGET_TOKEN });
    expect(send(redirect, get('/widgets/7')).response.status).toBe(302);
  });

  it('rejects invalid input with a 4xx the operation documents, else under default, else a plain 400', () => {
    const problem = (api: ApiModel) => api.operations[2]!.responses['400']!;
    // `default` documented: a 400 whose body matches the default response.
    const withDefault = widgetApi('page-number');
    const retrieve = withDefault.operations[2]!;
    retrieve.responses = {
      '200': retrieve.responses['200']!,
      default: { ...problem(withDefault), status: 'default' },
    };
    const answer = send(createMock(withDefault, { token: WIDGET_TOKEN }), get('/widgets/abc')).response;
    expect(answer.status).toBe(400);
    expect(conformanceProblems(withDefault, retrieve, answer)).toEqual([]);
    // No client error documented at all: still a 400, the only answer negative-data-rejection accepts.
    const bare = widgetApi('page-number');
    bare.operations[2]!.responses = { '200': bare.operations[2]!.responses['200']! };
    const mock = createMock(bare, { token: WIDGET_TOKEN });
    expect(send(mock, get('/widgets/abc')).response.status).toBe(400);
    expect(send(mock, get('/widgets/abc')).body).toEqual({ detail: expect.stringContaining('id') });
    expect(send(mock, get('/widgets/7')).response.status).toBe(200);
  });

  it('never generates a Link header: absent unless computed, and a self link where one is required', () => {
    const api = widgetApi('page-number');
    const retrieve = api.operations[2]!;
    const ok = retrieve.responses['200']!;
    ok.headers.link = { name: 'link', required: false, schema: { type: 'string' } };
    const optional = createMock(api, { token: WIDGET_TOKEN });
    expect(send(optional, get('/widgets/7')).response.headers.link).toBeUndefined();
    const strict = widgetApi('page-number');
    strict.operations[2]!.responses['200']!.headers.link = {
      name: 'link',
      required: true,
      schema: { type: 'string' },
    };
    const mock = createMock(strict, { token: WIDGET_TOKEN });
    const request = get('/widgets/7', 'expand=x', { host: 'api.test' });
    expect(send(mock, request).response.headers.link).toBe(
      '<http://api.test/widgets/7?expand=x>; rel="self"',
    );
  });

  it('never generates the headers that frame the body: Content-Encoding, Transfer-Encoding, Content-Length', () => {
    const api = widgetApi('page-number');
    const ok = api.operations[2]!.responses['200']!;
    const gzip: JsonSchema = { type: 'string', enum: ['gzip'] };
    ok.headers['content-encoding'] = { name: 'content-encoding', required: false, schema: gzip };
    ok.headers['transfer-encoding'] = { name: 'transfer-encoding', required: false, schema: gzip };
    ok.headers['content-length'] = {
      name: 'content-length',
      required: false,
      schema: { type: 'integer', minimum: 1e9 },
    };
    const { response } = send(createMock(api, { token: WIDGET_TOKEN }), get('/widgets/7'));
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(
      Number(response.headers['content-length'] ?? Buffer.byteLength(String(response.body))),
    ).toBeLessThan(1e9);
  });

  it('answers HEAD as GET without the body', () => {
    const mock = createMock(identification);
    const full = mock.handle(get(LIST, 'page=2', bearer));
    const head = mock.handle({ ...get(LIST, 'page=2', bearer), method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers).toEqual(full.headers);
  });
});
