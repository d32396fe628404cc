import type { ApiModel, HttpRequest, Operation } from '@assay/model';
import { loadApi } from '@assay/spec';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, type AuthServer, CLIENT, startAuthServer, USER } from './_test/auth-server.js';
import { authProbes } from './auth-probes.js';
import type { AuthSettings } from './auth-settings.js';
import { createAuthenticator } from './create-authenticator.js';
import { sendAuthenticated } from './send-authenticated.js';

let server: AuthServer;
let api: ApiModel;

beforeAll(async () => {
  server = await startAuthServer();
  const op = (path: string, security: Record<string, string[]>[]) => ({
    [path]: {
      get: {
        operationId: path.slice(1),
        security,
        responses: { '200': { description: 'ok' }, '401': { description: 'no' } },
      },
    },
  });
  api = await loadApi({
    openapi: '3.1.0',
    info: { title: 'auth', version: '1' },
    servers: [{ url: server.url }],
    components: {
      securitySchemes: {
        header: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        query: { type: 'apiKey', in: 'query', name: 'api_key' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
        basic: { type: 'http', scheme: 'basic' },
        bearer: { type: 'http', scheme: 'bearer' },
        oauth: {
          type: 'oauth2',
          flows: {
            clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'read' } },
            password: { tokenUrl: `${server.url}/oauth/token`, scopes: {} },
          },
        },
        oidc: { type: 'openIdConnect', openIdConnectUrl: '/.well-known/openid-configuration' },
      },
    },
    paths: {
      ...op('/header', [{ header: [] }]),
      ...op('/query', [{ query: [] }]),
      ...op('/cookie', [{ cookie: [] }]),
      ...op('/basic', [{ basic: [] }]),
      ...op('/bearer', [{ bearer: [] }]),
      ...op('/oauth', [{ oauth: ['read'] }]),
      ...op('/oidc', [{ oidc: [] }]),
      ...op('/combo', [{ header: [], basic: [] }]),
      ...op('/either', [{ bearer: [] }, { header: [] }]),
    },
  });
});
afterAll(() => server.close());

const everything: AuthSettings = {
  bearer: 'fixed-token',
  basic: USER,
  apiKey: API_KEY,
  schemes: { oauth: CLIENT, oidc: CLIENT },
};

function operation(id: string): Operation {
  return api.operations.find((o) => o.id === id)!;
}

function bare(id: string): HttpRequest {
  return { method: 'GET', path: `/${id}`, query: '', headers: {}, operationId: id, mode: 'positive' };
}

async function send(sent: HttpRequest): Promise<number> {
  const answer = await request(`${server.url}${sent.path}${sent.query === '' ? '' : `?${sent.query}`}`, {
    method: sent.method,
    headers: sent.headers,
  });
  await answer.body.dump();
  return answer.statusCode;
}

describe('createAuthenticator against a server that requires each scheme', () => {
  const ids = ['header', 'query', 'cookie', 'basic', 'bearer', 'oauth', 'oidc', 'combo', 'either'];

  it.each(ids)('%s: the credentials it asks for get in, and every probe is refused', async (id) => {
    const auth = createAuthenticator(api, everything, { timeoutMs: 5000, baseUrl: new URL(server.url) });
    const sent = await auth.authenticate(bare(id), operation(id));
    expect(sent.choice.kind).toBe('satisfied');
    expect(await send(sent.request)).toBe(200);
    const probes = authProbes(api, operation(id), sent);
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const probe of probes) {
      expect(probe.mode).toBe('auth');
      expect(await send(probe), JSON.stringify(probe.authProbe)).toBe(401);
    }
  });

  it('without credentials, a secured operation is unsatisfied and its probes are still refused', async () => {
    const auth = createAuthenticator(api, {}, { timeoutMs: 5000 });
    const sent = await auth.authenticate(bare('combo'), operation('combo'));
    expect(sent.choice).toEqual({ kind: 'unsatisfied', missing: [['header', 'basic']] });
    for (const probe of authProbes(api, operation('combo'), sent)) expect(await send(probe)).toBe(401);
  });

  it('chooses the alternative it has credentials for: an API key when there is no bearer token', async () => {
    const auth = createAuthenticator(api, { apiKey: API_KEY }, { timeoutMs: 5000 });
    const sent = await auth.authenticate(bare('either'), operation('either'));
    expect(sent.request.headers).toEqual({ 'x-api-key': API_KEY });
    expect(await send(sent.request)).toBe(200);
  });

  it('fetches a client-credentials token once, with Basic client auth and the requirement scopes', async () => {
    server.tokenRequests.length = 0;
    const auth = createAuthenticator(api, everything, { timeoutMs: 5000, baseUrl: new URL(server.url) });
    const [a, b] = await Promise.all([
      auth.authenticate(bare('oauth'), operation('oauth')),
      auth.authenticate(bare('oauth'), operation('oauth')),
    ]);
    await auth.authenticate(bare('oauth'), operation('oauth'));
    expect(server.tokenRequests).toEqual([
      {
        grant: 'client_credentials',
        scope: 'read',
        clientAuth: `Basic ${Buffer.from('assay-client:s3cr3t%2F%2B%3D').toString('base64')}`,
      },
    ]);
    expect(a.request.headers.authorization).toBe(b.request.headers.authorization);
    expect(auth.secrets()).toContain(a.request.headers.authorization!.slice('Bearer '.length));
    expect(auth.secrets()).toContain(CLIENT.clientSecret);
  });

  it('uses the password grant when the client has a username and password', async () => {
    server.tokenRequests.length = 0;
    const settings: AuthSettings = { schemes: { oauth: { ...CLIENT, ...USER } } };
    const auth = createAuthenticator(api, settings, { timeoutMs: 5000, baseUrl: new URL(server.url) });
    const sent = await auth.authenticate(bare('oauth'), operation('oauth'));
    expect(server.tokenRequests.map((r) => r.grant)).toEqual(['password']);
    expect(await send(sent.request)).toBe(200);
    expect(auth.secrets()).toContain(USER.password);
  });

  it('renews a token when it expires', async () => {
    server.tokenRequests.length = 0;
    server.expiresIn = 60;
    let now = 1_000_000;
    const auth = createAuthenticator(api, everything, {
      timeoutMs: 5000,
      baseUrl: new URL(server.url),
      now: () => now,
    });
    const first = await auth.authenticate(bare('oauth'), operation('oauth'));
    now += 20_000;
    expect((await auth.authenticate(bare('oauth'), operation('oauth'))).request).toEqual(first.request);
    now += 20_000; // 40 s into 60: within the 30 s renewal margin.
    const renewed = await auth.authenticate(bare('oauth'), operation('oauth'));
    expect(renewed.request.headers.authorization).not.toBe(first.request.headers.authorization);
    expect(server.tokenRequests).toHaveLength(2);
    server.expiresIn = 3600;
  });

  it('on a 401 with a fetched token, renews it and sends once more; a second 401 is returned as it is', async () => {
    server.tokenRequests.length = 0;
    const auth = createAuthenticator(api, everything, { timeoutMs: 5000, baseUrl: new URL(server.url) });
    const first = await auth.authenticate(bare('oauth'), operation('oauth'));
    server.revoked.add(first.request.headers.authorization!.slice('Bearer '.length));
    const sends: string[] = [];
    const counted = async (r: HttpRequest) => {
      sends.push(r.headers.authorization ?? '');
      return send(r);
    };
    const { outcome } = await sendAuthenticated(auth, operation('oauth'), bare('oauth'), counted, (s) => s);
    expect(outcome).toBe(200);
    expect(sends).toHaveLength(2);
    expect(server.tokenRequests).toHaveLength(2);

    // A fixed credential is never re-sent: the 401 is the answer.
    sends.length = 0;
    const wrong = createAuthenticator(api, { bearer: 'stale' }, { timeoutMs: 5000 });
    const again = await sendAuthenticated(wrong, operation('bearer'), bare('bearer'), counted, (s) => s);
    expect(again.outcome).toBe(401);
    expect(sends).toEqual(['Bearer stale']);
  });

  it('says which endpoint refused the client, without its secret', async () => {
    const auth = createAuthenticator(
      api,
      { schemes: { oauth: { clientId: CLIENT.clientId, clientSecret: 'wrong-secret' } } },
      { timeoutMs: 5000, baseUrl: new URL(server.url) },
    );
    const error = await auth.authenticate(bare('oauth'), operation('oauth')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth' });
    expect((error as Error).message).toMatch(
      /token endpoint .*\/oauth\/token refused the client with 401 \(invalid_client\)/,
    );
    expect((error as Error).message).not.toContain('wrong-secret');
  });

  it('fails with auth when OpenID discovery cannot be fetched', async () => {
    const broken = {
      ...api,
      securitySchemes: {
        ...api.securitySchemes,
        oidc: { type: 'openIdConnect' as const, name: 'oidc', url: `${server.url}/missing` },
      },
    };
    const auth = createAuthenticator(broken, everything, { timeoutMs: 5000 });
    await expect(auth.authenticate(bare('oidc'), operation('oidc'))).rejects.toMatchObject({
      code: 'auth',
      message: expect.stringContaining('answered 404'),
    });
  });
});
