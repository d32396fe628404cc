import type { HttpRequest } from '@assay/model';
import { sendAuthenticated } from '../../auth/send-authenticated.js';
import type { SendOutcome } from '../../transport/create-transport.js';
import { withCredentials } from '../credentials.js';
import type { OperationContext } from '../operation-context.js';
import { transmit } from './transmit.js';

/**
 * The credentials step of the exchange pipeline, then {@link transmit}: `--header` values and the
 * bearer token, then (with an authenticator, i.e. `--auth-basic`, `--auth-api-key` or an OAuth2
 * client) what each operation's security asks for, a fetched OAuth2 token renewed once on a 401.
 * Without an authenticator nothing is awaited before the transport is handed the request, so
 * requests reach it in call order. The request returned is the one the server was sent (as a
 * hook of the config file changed it, if one did): checks judge that.
 */
export async function sendWithCredentials(
  op: OperationContext,
  generated: HttpRequest,
): Promise<{ request: HttpRequest; outcome: SendOutcome }> {
  const { api, credentials, authenticator } = op.run.options;
  const request = withCredentials(generated, credentials, api, op.operation);
  if (authenticator === undefined) {
    const outcome = await transmit(op, request);
    return { request: outcome.wire ?? request, outcome };
  }
  const { outcome, sent } = await sendAuthenticated(
    authenticator,
    op.operation,
    request,
    (authenticated) => transmit(op, authenticated),
    (done) => (done.kind === 'response' ? done.response.status : undefined),
  );
  return { request: outcome.wire ?? sent.request, outcome };
}
