import type { HttpRequest, Operation } from '@assay/model';
import type { AuthenticatedRequest, Authenticator } from './create-authenticator.js';

/**
 * Sends a request with its operation's credentials; when the answer is a 401 and the request
 * carried a fetched OAuth2 token, the token is renewed and the request sent once more (a token can
 * be revoked or expire early; RFC 6750 §3.1 `invalid_token`). Only the last answer is returned:
 * a second 401 is the server's word, judged like any other.
 *
 * `statusOf` reads the status of an outcome (`undefined` when there is no response).
 */
export async function sendAuthenticated<T>(
  authenticator: Authenticator,
  operation: Operation,
  request: HttpRequest,
  send: (request: HttpRequest) => Promise<T>,
  statusOf: (outcome: T) => number | undefined,
): Promise<{ outcome: T; sent: AuthenticatedRequest }> {
  const first = await authenticator.authenticate(request, operation);
  const outcome = await send(first.request);
  if (statusOf(outcome) !== 401) return { outcome, sent: first };
  const again = await authenticator.renew(first, operation);
  if (again === undefined) return { outcome, sent: first };
  return { outcome: await send(again.request), sent: again };
}
