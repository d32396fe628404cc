import { AssayError } from '@assay/model';
import type { Dispatcher } from 'undici';
import { fetchJson } from './_internals/fetch-json.js';

/**
 * The token endpoint of an OpenID Connect provider, read from its discovery document (OpenID
 * Connect Discovery 1.0 §4: the scheme's `openIdConnectUrl` names
 * `/.well-known/openid-configuration`, whose `token_endpoint` is where tokens are fetched).
 *
 * @throws AssayError `auth` when the document cannot be fetched or has no `token_endpoint`.
 */
export async function discoverTokenUrl(
  discoveryUrl: string,
  options: { dispatcher?: Dispatcher; timeoutMs: number },
): Promise<string> {
  const what = 'OpenID Connect discovery';
  const answer = await fetchJson(
    discoveryUrl,
    { method: 'GET', headers: { accept: 'application/json' } },
    { ...options, what },
  );
  if (answer.status < 200 || answer.status > 299) {
    throw new AssayError('auth', `${what} ${discoveryUrl} answered ${answer.status}`);
  }
  const endpoint = (answer.json as { token_endpoint?: unknown } | undefined)?.token_endpoint;
  if (typeof endpoint !== 'string' || !URL.canParse(endpoint)) {
    throw new AssayError('auth', `${what} ${discoveryUrl} names no token_endpoint URL`);
  }
  return endpoint;
}
