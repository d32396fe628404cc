import type { ApiModel, HttpRequest, Operation, SecurityScheme } from '@assay/model';
import { AssayError } from '@assay/model';
import type { Dispatcher } from 'undici';
import type { AuthSettings, OAuth2ClientCredentials } from './auth-settings.js';
import { basicToken } from './basic-token.js';
import { type ChosenScheme, chooseRequirement, type RequirementChoice } from './choose-requirement.js';
import { discoverTokenUrl } from './discover-token-url.js';
import { oauth2TokenSource, type TokenSource } from './oauth2-token-source.js';
import { placeCredential, type WireCredential } from './place-credential.js';
import type { SchemeCredential } from './scheme-credential.js';
import { settingsSecrets } from './settings-secrets.js';

/** How an {@link Authenticator} reaches token endpoints. */
export interface AuthenticatorOptions {
  /** Sends token and discovery requests (default: undici's global dispatcher). */
  dispatcher?: Dispatcher;
  timeoutMs: number;
  /** The API's base URL: a relative `tokenUrl` or `openIdConnectUrl` is resolved against it. */
  baseUrl?: URL;
  /** Milliseconds since the epoch, for token expiry; injected by tests. */
  now?: () => number;
}

/** A request with the credentials its operation asks for, and what it took to make it. */
export interface AuthenticatedRequest {
  request: HttpRequest;
  /** How the operation's `security` was met. */
  choice: RequirementChoice;
  /** The fetched access tokens it carries, so a 401 renews exactly those. */
  fetched: ReadonlyArray<{ source: TokenSource; token: string }>;
}

/** Adds each operation's credentials to its requests, fetching and renewing OAuth2 tokens. */
export interface Authenticator {
  authenticate(request: HttpRequest, operation: Operation): Promise<AuthenticatedRequest>;
  /**
   * After a 401: forgets the fetched tokens the request carried and returns it authenticated
   * afresh, to be sent once more; `undefined` when it carried no fetched token (a configured
   * credential would only be refused again).
   */
  renew(sent: AuthenticatedRequest, operation: Operation): Promise<AuthenticatedRequest | undefined>;
  /** Every configured secret and every token fetched so far, to keep out of reports. */
  secrets(): string[];
}

/**
 * The auth layer of a run: maps the user's {@link AuthSettings} onto the spec's security schemes
 * (see `chooseRequirement`), fetches OAuth2 tokens from the flow's `tokenUrl` or the OpenID Connect
 * discovery document, caches them per scheme and scopes, and renews them on expiry or on a 401.
 */
export function createAuthenticator(
  api: ApiModel,
  settings: AuthSettings,
  options: AuthenticatorOptions,
): Authenticator {
  const sources = new Map<string, TokenSource>();
  const discovered = new Map<string, Promise<string>>();
  const http = options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher };

  const resolve = (url: string, what: string): string => {
    try {
      return new URL(url, options.baseUrl).href;
    } catch {
      throw new AssayError('auth', `${what} ${JSON.stringify(url)} is not a URL`);
    }
  };

  const tokenUrlOf =
    (scheme: SecurityScheme, client: OAuth2ClientCredentials) => async (): Promise<string> => {
      if (client.tokenUrl !== undefined) return resolve(client.tokenUrl, 'the OAuth2 token URL');
      if (scheme.type === 'openIdConnect') {
        const url = resolve(scheme.url, `the openIdConnectUrl of scheme ${scheme.name}`);
        let found = discovered.get(url);
        if (found === undefined) {
          found = discoverTokenUrl(url, { timeoutMs: options.timeoutMs, ...http });
          discovered.set(url, found);
        }
        return found;
      }
      const flows = scheme.type === 'oauth2' ? scheme.flows : undefined;
      const password = client.username !== undefined && client.password !== undefined;
      const flow = password ? flows?.password : flows?.clientCredentials;
      if (flow?.tokenUrl === undefined) {
        throw new AssayError(
          'auth',
          `security scheme ${scheme.name} has no ${password ? 'password' : 'clientCredentials'} flow with a tokenUrl`,
          { hint: 'give the token URL with --oauth2-token-url' },
        );
      }
      return resolve(flow.tokenUrl, `the tokenUrl of scheme ${scheme.name}`);
    };

  const sourceFor = (chosen: ChosenScheme, client: OAuth2ClientCredentials): TokenSource => {
    const scopes = client.scopes ?? chosen.scopes;
    const key = `${chosen.scheme.name}\n${[...scopes].sort().join(' ')}`;
    let source = sources.get(key);
    if (source === undefined) {
      source = oauth2TokenSource({
        tokenUrl: tokenUrlOf(chosen.scheme, client),
        client,
        scopes,
        timeoutMs: options.timeoutMs,
        ...http,
        ...(options.now === undefined ? {} : { now: options.now }),
      });
      sources.set(key, source);
    }
    return source;
  };

  const authenticate = async (request: HttpRequest, operation: Operation): Promise<AuthenticatedRequest> => {
    const choice = chooseRequirement(api, operation, settings);
    if (choice.kind !== 'satisfied') return { request, choice, fetched: [] };
    let out = request;
    const fetched: { source: TokenSource; token: string }[] = [];
    for (const chosen of choice.schemes) {
      const { credential } = chosen;
      let wire: WireCredential;
      if (credential.kind === 'oauth2') {
        const source = sourceFor(chosen, credential.client);
        const token = await source.token();
        fetched.push({ source, token });
        wire = { kind: 'authorization', value: `Bearer ${token}` };
      } else wire = wireOf(credential);
      out = placeCredential(out, chosen.scheme, wire);
    }
    return { request: out, choice, fetched };
  };

  return {
    authenticate,
    async renew(sent, operation) {
      if (sent.fetched.length === 0) return undefined;
      for (const { source, token } of sent.fetched) source.invalidate(token);
      return authenticate(sent.request, operation);
    },
    secrets() {
      return [...settingsSecrets(settings), ...[...sources.values()].flatMap((source) => source.issued)];
    },
  };
}

function wireOf(credential: Exclude<SchemeCredential, { kind: 'oauth2' }>): WireCredential {
  switch (credential.kind) {
    case 'token':
      return { kind: 'authorization', value: `${credential.scheme} ${credential.token}` };
    case 'basic':
      return {
        kind: 'authorization',
        value: `Basic ${basicToken(credential.username, credential.password)}`,
      };
    case 'apiKey':
      return { kind: 'apiKey', value: credential.value };
  }
}
