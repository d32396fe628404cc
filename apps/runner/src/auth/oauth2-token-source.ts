import { AssayError } from '@assay/model';
import type { Dispatcher } from 'undici';
import { fetchJson } from './_internals/fetch-json.js';
import type { OAuth2ClientCredentials } from './auth-settings.js';

/** Where and how a token source fetches its tokens. */
export interface TokenSourceOptions {
  /** The token endpoint: the client's `tokenUrl`, else the scheme's flow, else OpenID discovery. */
  tokenUrl: () => Promise<string>;
  client: OAuth2ClientCredentials;
  /** Scopes asked for when the client names none (the scopes the operation's requirement lists). */
  scopes?: readonly string[];
  dispatcher?: Dispatcher;
  timeoutMs: number;
  /** Milliseconds since the epoch; injected so tests can move time. */
  now?: () => number;
  /** A token is renewed this long before it expires, so it does not expire in flight (default 30 s). */
  expirySkewMs?: number;
}

/** Fetches, caches and renews the access token of one OAuth2 client. */
export interface TokenSource {
  /** A valid access token: the cached one, or a fresh one when it is missing or about to expire. */
  token(): Promise<string>;
  /**
   * Forgets `token` after the server refused it (a 401), so the next {@link TokenSource.token}
   * fetches another; a token already replaced by a concurrent request is left alone.
   */
  invalidate(token: string): void;
  /** Every token fetched so far, to keep out of reports. */
  readonly issued: readonly string[];
}

/**
 * A token source for the OAuth2 client-credentials grant (RFC 6749 §4.4) or, when the client has a
 * username and password, the resource owner password grant (§4.3). The client authenticates with
 * HTTP Basic (§2.3.1, which every server must support); a public client (no secret) sends its
 * `client_id` in the body instead. Concurrent callers share one request; the token is kept until
 * `expires_in` (§5.1) minus a skew, or until a 401 invalidates it.
 */
export function oauth2TokenSource(options: TokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const skew = options.expirySkewMs ?? 30_000;
  const issued: string[] = [];
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const url = await options.tokenUrl();
    const { client } = options;
    const form = new URLSearchParams();
    const password = client.username !== undefined && client.password !== undefined;
    form.set('grant_type', password ? 'password' : 'client_credentials');
    if (password) {
      form.set('username', client.username!);
      form.set('password', client.password!);
    }
    const scopes = client.scopes ?? options.scopes ?? [];
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (client.clientSecret === undefined) form.set('client_id', client.clientId);
    else {
      // §2.3.1: the id and secret are form-encoded before they are joined for Basic.
      const pair = `${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    const started = now();
    const answer = await fetchJson(
      url,
      { method: 'POST', headers, body: form.toString() },
      { timeoutMs: options.timeoutMs, what: 'the OAuth2 token endpoint', ...dispatcherOf(options) },
    );
    const body = (answer.json ?? {}) as Record<string, unknown>;
    if (answer.status < 200 || answer.status > 299 || typeof body.access_token !== 'string') {
      // §5.2: `error` is a code from a closed list; the description is the server's text, not a secret.
      const code = typeof body.error === 'string' ? ` (${body.error.slice(0, 64)})` : '';
      const why =
        answer.status >= 200 && answer.status <= 299
          ? 'answered without an access_token'
          : `refused the client with ${answer.status}${code}`;
      throw new AssayError('auth', `the OAuth2 token endpoint ${url} ${why}`, {
        hint: 'check the client id, secret and token URL',
      });
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in * 1000 : Number.POSITIVE_INFINITY;
    current = { token: body.access_token, expiresAt: started + lifetime };
    issued.push(body.access_token);
    return body.access_token;
  };

  return {
    issued,
    token() {
      if (current !== undefined && now() < current.expiresAt - skew) return Promise.resolve(current.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}

function dispatcherOf(options: TokenSourceOptions): { dispatcher?: Dispatcher } {
  return options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher };
}

/** `application/x-www-form-urlencoded` encoding of one value (RFC 6749 Appendix B). */
function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}
