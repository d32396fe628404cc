import type { AuthSettings } from '../auth/auth-settings.js';
import { settingsSecrets } from '../auth/settings-secrets.js';
import { REDACTED, redactSecrets } from './redact-secrets.js';
import type { ReportRequest, ReportResponse } from './run-report.js';

/** The credentials of a run, as given on the command line. */
export interface RedactorOptions {
  /** `--auth-bearer` / `ASSAY_BEARER`. */
  bearer?: string;
  /** Every `--header "Name: value"`: the value is a secret and the name marks a sensitive header. */
  headers?: ReadonlyArray<{ name: string; value: string }>;
  /** Any other value to keep out of reports. */
  secrets?: readonly string[];
  /** `--auth-basic`, `--auth-api-key`, the OAuth2 client: every secret of them (and the Basic token) is redacted. */
  auth?: AuthSettings;
}

/** Removes credentials from everything a run prints or writes. */
export interface Redactor {
  /** The literal secrets searched for in text (configured values and their encoded forms). */
  readonly secrets: readonly string[];
  /** Free text: every configured secret (of `MIN_TEXT_SECRET_LENGTH`+ characters) replaced. */
  text(value: string): string;
  /** Sensitive or configured headers blanked, secrets removed from the others. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /**
   * Userinfo passwords and query parameters with a credential's name (`api_key=`, `token=`, not
   * `password_stage=`) or a configured secret as value blanked, then {@link Redactor.text}.
   */
  url(url: string): string;
  request(request: ReportRequest): ReportRequest;
  response(response: ReportResponse): ReportResponse;
}

// Header and query names that carry credentials by convention, compared exactly after
// lower-casing, `-` → `_`, and dropping an `x_` prefix (`X-Auth-Token` → `auth_token`). Exact on
// purpose: a name that merely contains such a word (`password_stage`, `token_type`, `author`) is
// a filter or a label, and blanking it breaks the curl reproduction for nothing. Values configured
// with --auth-bearer or --header are redacted wherever they appear, whatever the name.
// `www-authenticate` is left alone: it is a server's challenge, and `ignored-auth` findings need it.
const CREDENTIAL_NAMES = new Set([
  'authorization',
  'proxy_authorization',
  'cookie',
  'set_cookie',
  'api_key',
  'apikey',
  'api_token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'authtoken',
  'token',
  'bearer',
  'password',
  'passwd',
  'pwd',
  'secret',
  'client_secret',
  'client_assertion',
  'private_token',
  'session',
  'sessionid',
  'session_id',
  'session_token',
  'sid',
  'jwt',
  'csrf_token',
  'csrftoken',
  'xsrf_token',
  'amz_security_token',
  'signature',
  'sig',
]);
const AUTH_SCHEME = /^(Bearer|Basic|Token|Digest|Negotiate|NTLM|ApiKey)\s/i;

/** `authorization`, `X-Api-Key`, `api_key`, `access_token`, `password`: a credential's usual names. */
function isCredentialName(name: string): boolean {
  const normal = name.trim().toLowerCase().replace(/-/g, '_').replace(/^x_/, '');
  return CREDENTIAL_NAMES.has(normal);
}

/** The forms a secret takes once percent-encoded or JSON-escaped, so a reflected token is caught too. */
function encodedForms(secret: string): string[] {
  const forms = [secret];
  try {
    forms.push(encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+'));
  } catch {
    // A lone surrogate cannot be percent-encoded; the literal form is still searched.
  }
  forms.push(JSON.stringify(secret).slice(1, -1));
  return forms;
}

/**
 * Builds the redactor of a run from its bearer token and `--header` values. Headers with a
 * credential's name (see {@link isCredentialName}), or named by a `--header`, have their
 * whole value replaced with `[REDACTED]` (keeping an auth scheme such as `Bearer`, so a reproduction
 * still shows what to fill in), whatever the length of the secret; everywhere else the secrets are
 * replaced where they occur (see `redactSecrets` for why very short ones are not).
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const raw = [
    ...(options.bearer === undefined ? [] : [options.bearer]),
    ...(options.headers ?? []).map((header) => header.value),
    ...(options.secrets ?? []),
    ...(options.auth === undefined ? [] : settingsSecrets(options.auth)),
  ].filter((secret) => secret.length > 0);
  const secrets = [...new Set(raw.flatMap(encodedForms))];
  const wholeValues = new Set(raw.flatMap((secret) => [secret, secret.trim()]));
  const configuredNames = new Set((options.headers ?? []).map((header) => header.name.trim().toLowerCase()));

  const text = (value: string): string => redactSecrets(value, secrets);

  const blank = (value: string): string => {
    const scheme = AUTH_SCHEME.exec(value);
    return scheme === null ? REDACTED : `${scheme[1]} ${REDACTED}`;
  };

  const headers = (input: Readonly<Record<string, string>>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      const sensitive =
        isCredentialName(name) || configuredNames.has(name.toLowerCase()) || wholeValues.has(value.trim());
      out[text(name)] = sensitive && value !== '' ? blank(value) : text(value);
    }
    return out;
  };

  const url = (value: string): string => {
    let out = value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, `$1:${REDACTED}@`);
    const query = out.indexOf('?');
    if (query !== -1) {
      const hash = out.indexOf('#', query);
      const end = hash === -1 ? out.length : hash;
      const params = out
        .slice(query + 1, end)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          if (eq === -1) return pair;
          const key = pair.slice(0, eq);
          let decoded = key;
          try {
            decoded = decodeURIComponent(key.replace(/\+/g, ' '));
          } catch {
            // Malformed percent-encoding: judge the name as written.
          }
          return isCredentialName(decoded) || wholeValues.has(pair.slice(eq + 1))
            ? `${key}=${REDACTED}`
            : pair;
        });
      out = `${out.slice(0, query + 1)}${params.join('&')}${out.slice(end)}`;
    }
    return text(out);
  };

  return {
    secrets,
    text,
    headers,
    url,
    request: (request) => ({
      method: request.method,
      url: url(request.url),
      headers: headers(request.headers),
      body: request.body === null ? null : text(request.body),
    }),
    response: (response) => ({
      status: response.status,
      headers: headers(response.headers),
      body: text(response.body),
    }),
  };
}
