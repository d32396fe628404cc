import { AssayError } from '@assay/model';
import type { AuthSettings, OAuth2ClientCredentials, SchemeCredentials } from './auth-settings.js';

/** The `assay run` flags that carry credentials, as `node:util` `parseArgs` options. */
export const authFlagSpec = {
  'auth-basic': { type: 'string' },
  'auth-api-key': { type: 'string', multiple: true },
  'oauth2-client-id': { type: 'string' },
  'oauth2-client-secret': { type: 'string' },
  'oauth2-token-url': { type: 'string' },
  'oauth2-scope': { type: 'string', multiple: true },
  'oauth2-username': { type: 'string' },
  'oauth2-password': { type: 'string' },
} as const;

/** The values of {@link authFlagSpec} after parsing. */
export interface AuthFlagValues {
  'auth-basic'?: string;
  'auth-api-key'?: string[];
  'oauth2-client-id'?: string;
  'oauth2-client-secret'?: string;
  'oauth2-token-url'?: string;
  'oauth2-scope'?: string[];
  'oauth2-username'?: string;
  'oauth2-password'?: string;
}

/** Each flag's environment variable: secrets can stay out of shell history and process lists. */
export const authEnv = {
  'auth-basic': 'ASSAY_AUTH_BASIC',
  'auth-api-key': 'ASSAY_API_KEY',
  'oauth2-client-id': 'ASSAY_OAUTH2_CLIENT_ID',
  'oauth2-client-secret': 'ASSAY_OAUTH2_CLIENT_SECRET',
  'oauth2-token-url': 'ASSAY_OAUTH2_TOKEN_URL',
  'oauth2-username': 'ASSAY_OAUTH2_USERNAME',
  'oauth2-password': 'ASSAY_OAUTH2_PASSWORD',
} as const;

/**
 * Reads the credential flags (a flag wins over its environment variable) into {@link AuthSettings};
 * `undefined` when none is given. `bearer` is `--auth-bearer`, parsed by the caller. Errors name
 * the flag and never echo a value.
 *
 * - `--auth-basic user:pass`: HTTP basic for every `basic` scheme (the password may hold `:`).
 * - `--auth-api-key value` or `--auth-api-key scheme=value` (repeatable): a key for every `apiKey`
 *   scheme, or for the one named; a key that itself holds `=` and no scheme is written `=value`.
 * - `--oauth2-client-id` / `--oauth2-client-secret` / `--oauth2-token-url` / `--oauth2-scope`
 *   (repeatable) and, for the password grant, `--oauth2-username` / `--oauth2-password`.
 *
 * @throws AssayError `usage`
 */
export function authSettingsFromFlags(
  values: AuthFlagValues,
  env: Readonly<Record<string, string | undefined>>,
  bearer: string | undefined,
): AuthSettings | undefined {
  const pick = (flag: keyof typeof authEnv): string | undefined => {
    const given = flag === 'auth-api-key' ? undefined : values[flag];
    if (given !== undefined) {
      if (given.trim() === '') throw usage(`--${flag}`, 'the value is empty');
      return given;
    }
    const fromEnv = env[authEnv[flag]];
    return fromEnv === undefined || fromEnv.trim() === '' ? undefined : fromEnv;
  };
  const settings: AuthSettings = {};
  const basic = pick('auth-basic');
  if (basic !== undefined) settings.basic = userPass(basic, '--auth-basic');

  const keys = values['auth-api-key'] ?? (env.ASSAY_API_KEY === undefined ? [] : [env.ASSAY_API_KEY]);
  const schemes: Record<string, SchemeCredentials> = {};
  for (const raw of keys) {
    const { scheme, value } = apiKey(raw);
    if (scheme === undefined) {
      if (settings.apiKey !== undefined)
        throw usage('--auth-api-key', 'a key without a scheme name is given twice');
      settings.apiKey = value;
    } else {
      if (schemes[scheme] !== undefined) throw usage('--auth-api-key', `scheme ${scheme} is given twice`);
      schemes[scheme] = { value };
    }
  }
  if (Object.keys(schemes).length > 0) settings.schemes = schemes;

  const clientId = pick('oauth2-client-id');
  const client = {
    secret: pick('oauth2-client-secret'),
    tokenUrl: pick('oauth2-token-url'),
    username: pick('oauth2-username'),
    password: pick('oauth2-password'),
    scopes: values['oauth2-scope'] ?? [],
  };
  if (clientId === undefined) {
    const stray = Object.entries(client).find(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
    if (stray !== undefined) throw usage(`--oauth2-${flagOf(stray[0])}`, 'needs --oauth2-client-id');
  } else {
    if ((client.username === undefined) !== (client.password === undefined)) {
      throw usage(
        client.username === undefined ? '--oauth2-password' : '--oauth2-username',
        'the password grant needs both --oauth2-username and --oauth2-password',
      );
    }
    const oauth2: OAuth2ClientCredentials = { clientId };
    if (client.secret !== undefined) oauth2.clientSecret = client.secret;
    if (client.tokenUrl !== undefined) {
      if (!URL.canParse(client.tokenUrl)) throw usage('--oauth2-token-url', 'expected an absolute URL');
      oauth2.tokenUrl = client.tokenUrl;
    }
    if (client.username !== undefined) oauth2.username = client.username;
    if (client.password !== undefined) oauth2.password = client.password;
    if (client.scopes.length > 0)
      oauth2.scopes = client.scopes.flatMap((scope) => scope.split(/[\s,]+/)).filter((s) => s !== '');
    settings.oauth2 = oauth2;
  }
  if (Object.keys(settings).length === 0) return undefined;
  if (bearer !== undefined) settings.bearer = bearer;
  return settings;
}

function flagOf(key: string): string {
  return key === 'secret'
    ? 'client-secret'
    : key === 'tokenUrl'
      ? 'token-url'
      : key === 'scopes'
        ? 'scope'
        : key;
}

function userPass(raw: string, flag: string): { username: string; password: string } {
  const colon = raw.indexOf(':');
  // RFC 7617 §2: the user-id cannot contain a colon; the password can.
  if (colon <= 0) throw usage(flag, 'expected user:password (the value is not shown)');
  return { username: raw.slice(0, colon), password: raw.slice(colon + 1) };
}

function apiKey(raw: string): { scheme?: string; value: string } {
  const eq = raw.indexOf('=');
  const name = eq < 0 ? '' : raw.slice(0, eq);
  if (eq === 0) return nonEmptyKey(raw.slice(1));
  if (eq > 0 && /^[A-Za-z0-9._-]+$/.test(name)) return { scheme: name, ...nonEmptyKey(raw.slice(eq + 1)) };
  return nonEmptyKey(raw);
}

function nonEmptyKey(value: string): { value: string } {
  if (value.trim() === '') throw usage('--auth-api-key', 'the key is empty');
  return { value };
}

function usage(flag: string, message: string): AssayError {
  return new AssayError('usage', `${flag}: ${message}`, { flag });
}

/**
 * The scheme names the settings give credentials for that the spec does not define: a typo there
 * would send nothing and look like an API that ignores auth.
 *
 * @throws AssayError `usage` naming `--auth-api-key` and the scheme
 */
export function checkSchemeNames(settings: AuthSettings, schemeNames: readonly string[]): void {
  for (const name of Object.keys(settings.schemes ?? {})) {
    if (!schemeNames.includes(name)) {
      const known = schemeNames.length === 0 ? 'it defines none' : `it defines ${schemeNames.join(', ')}`;
      throw usage('--auth-api-key', `the spec has no security scheme ${JSON.stringify(name)} (${known})`);
    }
  }
}
