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
 * requests reach it in call order.
 */
export async function sendWithCredentials(
  op: OperationContext,
  generated: HttpRequest,
): Promise<{ request: HttpRequest; outcome: SendOutcome }> {
  const { api, credentials, authenticator } = op.run.options;
  const request = withCredentials(generated, credentials, api, op.operation);
  if (authenticator === undefined) return { request, outcome: await transmit(op, request) };
  const { outcome, sent } = await sendAuthenticated(
    authenticator,
    op.operation,
    request,
    (authenticated) => transmit(op, authenticated),
    (done) => (done.kind === 'response' ? done.response.status : undefined),
  );
  return { request: sent.request, outcome };
}
