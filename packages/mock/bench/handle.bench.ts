import type { HttpRequest } from '@assay/model';
import { request } from 'undici';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { identificationApi } from '../src/_test/identification-api.js';
import { createMock, DEFAULT_MOCK_TOKEN, type Mock, type MockServer } from '../src/index.js';

// Requests per second the mock answers for the identification list, in-process (handle and the
// undici dispatcher) and over a local socket (the node:http server), measured in one run so the
// ratios between them hold on any machine.
const api = await identificationApi();
const mock: Mock = createMock(api, { seed: 1 });
let server: MockServer;
beforeAll(async () => {
  server = await mock.listen({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const LIST = '/api/v3/stages/identification/';
const headers = { authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` };
const req = (query: string): HttpRequest => ({
  method: 'GET',
  path: LIST,
  query,
  headers,
  operationId: '',
  mode: 'positive',
});
const firstPage = req('');
const queried = req('page=2&page_size=10&ordering=-name&search=a&show_matched_user=true');
const invalid = req('page=abc');

describe('identification list', () => {
  bench('handle: first page', () => {
    mock.handle(firstPage);
  });
  bench('handle: filtered, searched, ordered page 2', () => {
    mock.handle(queried);
  });
  bench('handle: invalid parameter (400)', () => {
    mock.handle(invalid);
  });
  bench('undici request via the in-process dispatcher', async () => {
    const response = await request(`http://mock.test${LIST}`, { headers, dispatcher: mock.dispatcher });
    await response.body.text();
  });
  bench('undici request via the node:http server', async () => {
    const response = await request(`${server.url}${LIST}`, { headers });
    await response.body.text();
  });
});
