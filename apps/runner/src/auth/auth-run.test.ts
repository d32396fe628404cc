import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { runCli } from '../cli/run-cli.js';
import { API_KEY, type AuthServer, CLIENT, startAuthServer, USER } from './_test/auth-server.js';
import { basicToken } from './basic-token.js';

let server: AuthServer;
let dir: string;
let spec: string;

beforeAll(async () => {
  server = await startAuthServer();
  dir = await mkdtemp(join(tmpdir(), 'assay-auth-run-'));
  const json = { 'application/json': { schema: { type: 'object' } } };
  const op = (path: string, security: Record<string, string[]>[]) => ({
    [path]: {
      get: {
        operationId: path.slice(1),
        security,
        responses: {
          '200': { description: 'ok', content: json },
          '401': { description: 'who?', content: json },
        },
      },
    },
  });
  spec = join(dir, 'api.json');
  await writeFile(
    spec,
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'auth', version: '1' },
      components: {
        securitySchemes: {
          key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          session: { type: 'apiKey', in: 'cookie', name: 'session' },
          basic: { type: 'http', scheme: 'basic' },
          oauth: {
            type: 'oauth2',
            flows: { clientCredentials: { tokenUrl: `${server.url}/oauth/token`, scopes: { read: '' } } },
          },
          oidc: { type: 'openIdConnect', openIdConnectUrl: `${server.url}/.well-known/openid-configuration` },
        },
      },
      paths: {
        ...op('/header', [{ key: [] }]),
        ...op('/cookie', [{ session: [] }]),
        ...op('/basic', [{ basic: [] }]),
        ...op('/oauth', [{ oauth: ['read'] }]),
        ...op('/oidc', [{ oidc: [] }]),
        ...op('/combo', [{ key: [], basic: [] }]),
      },
    }),
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(report: string) {
  const out = captureIo({
    ASSAY_OAUTH2_CLIENT_SECRET: CLIENT.clientSecret,
    ASSAY_AUTH_BASIC: `${USER.username}:${USER.password}`,
  });
  const argv = [
    ...['run', spec, '--base-url', server.url, '--seed', '3', '--max-examples', '5'],
    ...['--auth-api-key', `key=${API_KEY}`, '--auth-api-key', `session=${API_KEY}`],
    ...['--oauth2-client-id', CLIENT.clientId, '--report', `json=${report}`],
  ];
  const code = await runCli(argv, out.io);
  return { code, out, json: await readFile(report, 'utf8') };
}

describe('assay run with credentials for every scheme, against a server that requires them', () => {
  it('gets in everywhere, finds nothing on a correct server, and never prints or writes a credential', async () => {
    server.comboIgnoresBasic = false;
    const { code, out, json } = await run(join(dir, 'ok.json'));
    expect(out.stderr).toBe('');
    expect(code, out.stdout).toBe(0);
    const report = JSON.parse(json) as { summary: { failures: number }; operations: { requests: number }[] };
    expect(report.summary.failures).toBe(0);
    expect(report.operations).toHaveLength(6);
    // Every operation got in with its credentials (a 401 to a valid request is not a finding).
    expect(new Set(server.admitted)).toEqual(
      new Set(['/header', '/cookie', '/basic', '/oauth', '/oidc', '/combo']),
    );
    expect(server.tokenRequests.length).toBeGreaterThanOrEqual(1);
    const tokens = [...new Set(server.tokenRequests.map((_, i) => `tok-${i + 1}`))];
    const secrets = [
      API_KEY,
      USER.password,
      CLIENT.clientSecret,
      basicToken(USER.username, USER.password),
      ...tokens,
    ];
    for (const text of [out.stdout, out.stderr, json])
      for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('finds a server that checks one scheme of a combination and ignores the other', async () => {
    server.comboIgnoresBasic = true;
    const { code, json } = await run(join(dir, 'bug.json'));
    expect(code).toBe(1);
    const report = JSON.parse(json) as {
      failures: { operationId: string; check: string; message: string }[];
    };
    const found = report.failures.filter((f) => f.check === 'ignored-auth');
    expect(found.map((f) => [f.operationId, f.message]).sort()).toEqual([
      ['combo', 'request with a wrong credential for scheme basic answered 200'],
      ['combo', 'request with no credential for scheme basic answered 200'],
    ]);
    server.comboIgnoresBasic = false;
  });
});
