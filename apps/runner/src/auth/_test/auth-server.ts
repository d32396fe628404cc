import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the test server accepts, and what it has seen. */
export interface AuthServer {
  url: string;
  /** Token requests per grant type. */
  tokenRequests: { grant: string; scope: string | null; clientAuth: string }[];
  /** Tokens the server has revoked: a request carrying one gets 401 `invalid_token`. */
  revoked: Set<string>;
  /** Seconds the next tokens live (`expires_in`), or undefined to leave it out. */
  expiresIn: number | undefined;
  /** Paths that answered 200 (a request got in), in order. */
  admitted: string[];
  /** The planted bug: `/combo` checks the API key and ignores the basic credentials. */
  comboIgnoresBasic: boolean;
  close(): Promise<void>;
}

export const CLIENT = { clientId: 'assay-client', clientSecret: 's3cr3t/+=' };
export const USER = { username: 'ada', password: 'p@ss word' };
export const API_KEY = 'k-123';

/**
 * A server on 127.0.0.1 that requires a different scheme on each path, with its own OAuth2 token
 * endpoint (client credentials with HTTP Basic client auth, and password grant) and an OpenID
 * Connect discovery document. `/combo` needs an API key header AND basic at once.
 */
export async function startAuthServer(): Promise<AuthServer> {
  let issued = 0;
  const tokens = new Set<string>();
  const state: Omit<AuthServer, 'url' | 'close'> = {
    tokenRequests: [],
    revoked: new Set(),
    expiresIn: 3600,
    comboIgnoresBasic: false,
    admitted: [],
  };
  const basic = `Basic ${Buffer.from(`${USER.username}:${USER.password}`).toString('base64')}`;
  const bearerOk = (request: IncomingMessage) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    return token !== undefined && tokens.has(token) && !state.revoked.has(token);
  };
  const cookie = (request: IncomingMessage, name: string) =>
    (request.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([key]) => key === name)?.[1];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: unknown = {}) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return answer(200, { issuer: origin(), token_endpoint: `${origin()}/oauth/token` });
    }
    if (url.pathname === '/oauth/token') {
      let text = '';
      request.on('data', (chunk) => {
        text += chunk;
      });
      request.on('end', () => {
        const form = new URLSearchParams(text);
        const grant = form.get('grant_type') ?? '';
        const clientAuth = request.headers.authorization ?? '';
        state.tokenRequests.push({ grant, scope: form.get('scope'), clientAuth });
        const [id, secret] = Buffer.from(clientAuth.replace(/^Basic /, ''), 'base64')
          .toString()
          .split(':')
          .map((part) => decodeURIComponent(part.replace(/\+/g, ' ')));
        if (id !== CLIENT.clientId || secret !== CLIENT.clientSecret)
          return answer(401, { error: 'invalid_client' });
        if (
          grant === 'password' &&
          (form.get('username') !== USER.username || form.get('password') !== USER.password)
        ) {
          return answer(400, { error: 'invalid_grant' });
        }
        if (grant !== 'password' && grant !== 'client_credentials')
          return answer(400, { error: 'unsupported_grant_type' });
        const token = `tok-${++issued}`;
        tokens.add(token);
        answer(200, {
          access_token: token,
          token_type: 'Bearer',
          ...(state.expiresIn === undefined ? {} : { expires_in: state.expiresIn }),
        });
      });
      return;
    }
    const ok: Record<string, () => boolean> = {
      '/header': () => request.headers['x-api-key'] === API_KEY,
      '/query': () => url.searchParams.get('api_key') === API_KEY,
      '/cookie': () => cookie(request, 'session') === API_KEY,
      '/basic': () => request.headers.authorization === basic,
      '/bearer': () => request.headers.authorization === 'Bearer fixed-token',
      '/oauth': () => bearerOk(request),
      '/oidc': () => bearerOk(request),
      '/combo': () =>
        request.headers['x-api-key'] === API_KEY &&
        (state.comboIgnoresBasic || request.headers.authorization === basic),
      '/either': () =>
        request.headers['x-api-key'] === API_KEY || request.headers.authorization === 'Bearer fixed-token',
    };
    const check = ok[url.pathname];
    if (check === undefined) return answer(404);
    if (!check()) {
      response.writeHead(401, {
        'www-authenticate': 'Bearer error="invalid_token"',
        'content-type': 'application/json',
      });
      return response.end('{}');
    }
    // Echoes what it was sent, as careless servers do: reports must not repeat it.
    state.admitted.push(url.pathname);
    response.setHeader('x-echo', `${request.headers.authorization} ${request.headers['x-api-key']}`);
    answer(200, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    url: origin(),
    close: () => {
      const closed = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      // Keep-alive sockets of the client would hold close() open.
      server.closeAllConnections();
      return closed;
    },
  });
}
