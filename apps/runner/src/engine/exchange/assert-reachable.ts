import { AssayError } from '@assay/model';
import type { TransportFault } from '../../_internals/classify-transport-error.js';
import type { OperationContext } from '../operation-context.js';

/**
 * The unreachable decision: a fault that says the target cannot be reached (refused, unknown host)
 * before any request of the run got a response ends the run with `target-unreachable`, since every
 * other request would fail the same way. Once anything answered, it is an ordinary transport fault.
 *
 * @throws AssayError `target-unreachable`
 */
export function assertReachable(op: OperationContext, url: string, fault: TransportFault): void {
  if (fault.unreachable && !op.run.anyResponse) {
    throw new AssayError('target-unreachable', `${url}: ${fault.message}`, {
      hint: 'check --base-url and that the server is running',
    });
  }
}
