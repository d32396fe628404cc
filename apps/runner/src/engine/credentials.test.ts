import type { ApiModel, HttpRequest, Operation, SecurityScheme } from '@assay/model';
import { loadApi } from '@assay/spec';
import { describe, expect, it } from 'vitest';
import { authProbes, withCredentials, wrongToken } from './credentials.js';
import { executeRun } from './execute-run.js';

const schemes: Record<string, SecurityScheme> = {
  bearer: { type: 'http', name: 'bearer', scheme: 'bearer' },
  basic: { type: 'http', name: 'basic', scheme: 'basic' },
  header: { type: 'apiKey', name: 'header', in: 'header', parameterName: 'X-Api-Key' },
  query: { type: 'apiKey', name: 'query', in: 'query', parameterName: 'api_key' },
  cookie: { type: 'apiKey', name: 'cookie', in: 'cookie', parameterName: 'session' },
};
const api = { securitySchemes: schemes } as unknown as ApiModel;
const op = (...names: string[]) =>
  ({ security: [Object.fromEntries(names.map((n) => [n, []]))] }) as unknown as Operation;
const request: HttpRequest = {
  method: 'GET',
  path: '/x',
  query: 'a=1',
  headers: { accept: 'application/json' },
  operationId: 'x',
  mode: 'positive',
};

describe('withCredentials', () => {
  it('sends exactly the configured bearer and headers to a live server', () => {
    const sent = withCredentials(
      request,
      { bearer: 't', headers: [['x-tenant', 'acme']] },
      api,
      op('header'),
    );
    expect(sent.headers).toEqual({
      accept: 'application/json',
      authorization: 'Bearer t',
      'x-tenant': 'acme',
    });
    expect(sent.query).toBe('a=1');
  });

  it('puts a scheme token where each scheme reads it', () => {
    const sent = (...names: string[]) =>
      withCredentials(request, { schemeToken: 'tok', headers: [] }, api, op(...names));
    expect(sent('bearer').headers.authorization).toBe('Bearer tok');
    expect(sent('basic').headers.authorization).toBe(`Basic ${Buffer.from('tok').toString('base64')}`);
    expect(sent('header').headers['x-api-key']).toBe('tok');
    expect(sent('query').query).toBe('a=1&api_key=tok');
    expect(sent('cookie').headers.cookie).toBe('session=tok');
  });
});

describe('authProbes', () => {
  it('removes the credentials, then replaces them with wrong ones, wherever they travel', () => {
    const operation = op('header', 'query', 'cookie');
    const sent = withCredentials(request, { schemeToken: 'tok', headers: [] }, api, operation);
    const [missing, wrong] = authProbes(api, operation, {
      ...sent,
      headers: { ...sent.headers, cookie: 'session=tok; theme=dark' },
    });
    expect(missing).toMatchObject({
      mode: 'auth',
      query: 'a=1',
      headers: { accept: 'application/json', cookie: 'theme=dark' },
    });
    expect(missing!.headers['x-api-key']).toBeUndefined();
    expect(wrong!.headers['x-api-key']).toBe(wrongToken);
    expect(wrong!.query).toBe(`a=1&api_key=${wrongToken}`);
    expect(wrong!.headers.cookie).toBe(`theme=dark; session=${wrongToken}`);
    for (const probe of [missing!, wrong!]) expect(JSON.stringify(probe)).not.toContain('tok"');
  });

  it('lets the mock run an API-key secured spec cleanly, and catches ignored auth', async () => {
    const keyed = await loadApi({
      openapi: '3.0.3',
      info: { title: 'keyed', version: '1' },
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } } },
      security: [{ key: [] }],
      paths: {
        '/things': {
          get: {
            operationId: 'things',
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
              '401': { description: 'no key' },
            },
          },
        },
      },
    });
    const options = {
      spec: 'keyed',
      mock: true,
      operations: [],
      tags: [],
      headers: [],
      maxExamples: 10,
      seed: 1,
      excludeChecks: [],
      concurrency: 2,
      timeoutMs: 5000,
      unsafe: false,
      shrink: false,
      maxBodyBytes: 65536,
      faults: [],
    };
    expect((await executeRun(keyed, options)).failures).toEqual([]);
    const faulty = await executeRun(keyed, { ...options, faults: ['ignored-auth'] });
    expect(faulty.failures.map((f) => f.violation.check)).toEqual(['ignored-auth']);
  });
});
