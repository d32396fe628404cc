import type { SecurityScheme } from '@assay/model';
import type { AuthSettings, BasicCredentials, OAuth2ClientCredentials } from './auth-settings.js';

/** What the user configured for one security scheme, in the form that scheme takes it. */
export type SchemeCredential =
  /** `Authorization: <scheme> <token>`: bearer, or a ready OAuth2/OpenID Connect access token. */
  | { kind: 'token'; scheme: string; token: string }
  /** `Authorization: Basic …` (RFC 7617). */
  | { kind: 'basic'; username: string; password: string }
  /** An API key, wherever the scheme puts it. */
  | { kind: 'apiKey'; value: string }
  /** An OAuth2 client whose access token is fetched from the token endpoint. */
  | { kind: 'oauth2'; client: OAuth2ClientCredentials };

/**
 * The credential a scheme is sent with, or `undefined` when nothing configured fits it. A setting
 * for the scheme by name wins over the general ones (`bearer`, `basic`, `apiKey`, `oauth2`); a setting of
 * the wrong form for the scheme (a password for an API key) fits nothing, rather than being sent
 * where the server would take it for something else.
 */
export function schemeCredential(
  scheme: SecurityScheme,
  settings: AuthSettings,
): SchemeCredential | undefined {
  const named = settings.schemes?.[scheme.name];
  if (named !== undefined) return fromNamed(scheme, named);
  switch (scheme.type) {
    case 'http':
      if (scheme.scheme === 'basic') return settings.basic === undefined ? undefined : basic(settings.basic);
      return settings.bearer === undefined ? undefined : token(scheme, settings.bearer);
    case 'apiKey':
      return settings.apiKey === undefined ? undefined : { kind: 'apiKey', value: settings.apiKey };
    case 'oauth2':
    case 'openIdConnect':
      if (settings.oauth2 !== undefined) return { kind: 'oauth2', client: settings.oauth2 };
      return settings.bearer === undefined ? undefined : token(scheme, settings.bearer);
    case 'mutualTLS':
      return undefined;
  }
}

function fromNamed(
  scheme: SecurityScheme,
  named: NonNullable<AuthSettings['schemes']>[string],
): SchemeCredential | undefined {
  if ('clientId' in named) {
    return scheme.type === 'oauth2' || scheme.type === 'openIdConnect'
      ? { kind: 'oauth2', client: named }
      : undefined;
  }
  if ('token' in named) {
    return scheme.type === 'apiKey' || scheme.type === 'mutualTLS' || isBasic(scheme)
      ? undefined
      : token(scheme, named.token);
  }
  if ('username' in named) return isBasic(scheme) ? basic(named) : undefined;
  if ('value' in named) return scheme.type === 'apiKey' ? { kind: 'apiKey', value: named.value } : undefined;
  return undefined;
}

function isBasic(scheme: SecurityScheme): boolean {
  return scheme.type === 'http' && scheme.scheme === 'basic';
}

function basic(credentials: BasicCredentials): SchemeCredential {
  return { kind: 'basic', username: credentials.username, password: credentials.password };
}

/** RFC 6750 §2.1 for bearer; any other `http` scheme sends its own name (RFC 9110 §11.4). */
function token(scheme: SecurityScheme, value: string): SchemeCredential {
  const name = scheme.type === 'http' && scheme.scheme !== 'bearer' ? scheme.scheme : 'Bearer';
  return { kind: 'token', scheme: name === 'bearer' ? 'Bearer' : name, token: value };
}
