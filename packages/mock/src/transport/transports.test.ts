import type { ApiModel } from '@assay/model';
import { fetch, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identificationApi } from '../_test/identification-api.js';
import { WIDGET_TOKEN, widgetApi } from '../_test/widget-api.js';
import { createMock, DEFAULT_MOCK_TOKEN, type Mock } from '../mock/create-mock.js';
import type { MockServer } from './listen-mock.js';

let api: ApiModel;
let mock: Mock;
let server: MockServer;
beforeAll(async () => {
  api = await identificationApi();
  mock = createMock(api, { seed: 5, faults: [] });
  server = await mock.listen({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

/** Headers node:http adds on its own; everything else must be identical. */
const TRANSPORT_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

async function answer(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  viaMock: boolean,
) {
  const response = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(viaMock ? { dispatcher: mock.dispatcher } : {}),
  });
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)),
  );
  return { status: response.statusCode, headers, body: await response.body.text() };
}

describe('transports', () => {
  const auth = { authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` };
  const cases: [string, { method?: string; headers?: Record<string, string>; body?: string }][] = [
    ['/api/v3/stages/identification/', { headers: auth }],
    ['/api/v3/stages/identification/?page=2&page_size=7&ordering=-name', { headers: auth }],
    ['/api/v3/stages/identification/?search=a&show_matched_user=true', { headers: auth }],
    ['/api/v3/stages/identification/?page=abc', { headers: auth }],
    ['/api/v3/stages/identification/?page=99', { headers: auth }],
    ['/api/v3/stages/identification/', {}],
    [
      '/api/v3/stages/identification/',
      { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' },
    ],
    ['/api/v3/nowhere/', { headers: auth }],
    ['/api/v3/stages/identification/?page=2', { method: 'HEAD', headers: auth }],
  ];

  it.each(cases)('the dispatcher and the HTTP server answer %s identically', async (path, init) => {
    const viaServer = await answer(`${server.url}${path}`, init, false);
    const viaDispatcher = await answer(`${server.url}${path}`, init, true);
    expect(viaDispatcher).toEqual(viaServer);
    expect(viaServer.status).not.toBe(0);
  });

  it('the dispatcher gives what handle gives', async () => {
    const path = '/api/v3/stages/identification/';
    const direct = mock.handle({
      method: 'GET',
      path,
      query: 'page=2&page_size=5',
      headers: { ...auth, host: 'mock.test' },
      operationId: 'stages_identification_list',
      mode: 'positive',
    });
    const viaDispatcher = await answer(`http://mock.test${path}?page=2&page_size=5`, { headers: auth }, true);
    expect(viaDispatcher.status).toBe(direct.status);
    expect(viaDispatcher.body).toBe(direct.body);
    expect(viaDispatcher.headers).toEqual(direct.headers);
  });

  it('serves undici fetch through the dispatcher too, with request bodies', async () => {
    const widgets = createMock(widgetApi('page-number'), { token: WIDGET_TOKEN });
    const created = await fetch('http://widgets.test/v1/widgets', {
      method: 'POST',
      headers: { 'x-api-key': WIDGET_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gear' }),
      dispatcher: widgets.dispatcher,
    });
    expect(created.status).toBe(201);
    const rejected = await fetch('http://widgets.test/v1/widgets', {
      method: 'POST',
      headers: { 'x-api-key': WIDGET_TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ color: 'red' }),
      dispatcher: widgets.dispatcher,
    });
    expect(rejected.status).toBe(400);
    expect(await rejected.json()).toEqual({ message: expect.any(String) });
  });

  it('binds 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
