import type { StatefulCheck, StatefulViolation } from '@assay/model';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { succeeded } from '../_internals/stateful/step-values.js';

const ID = 'use-after-free';

/**
 * Whether the read documents how a missing item is answered (404, 410, a 4XX range or default).
 * A spec that documents none leaves a server no right answer for a deleted item: nothing is said.
 */
function documentsGone(responses: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(responses).some((status) => ['404', '410', '4XX', '4xx', 'default'].includes(status));
}

/**
 * After a successful DELETE, the item is gone: reading it answers 404 (or 410), and a full walk
 * of the list no longer holds it. A later create that answers the same id brings it back.
 */
export const useAfterFree: StatefulCheck = {
  id: ID,
  description: 'After a successful DELETE, the item answers 404 or 410 and is no longer in the list.',
  clause:
    'RFC 9110 §9.3.5 DELETE (the association between the target resource and its current representation is removed); §15.5.5 404, §15.5.11 410',
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const deleted = new Map<string, number>();
    trace.steps.forEach((step, index) => {
      if (step.action === 'create' && succeeded(step) && step.id !== undefined) deleted.delete(step.id);
      if (step.action === 'delete' && succeeded(step) && step.id !== undefined) {
        deleted.set(step.id, index);
        return;
      }
      if (
        step.action === 'read' &&
        step.id !== undefined &&
        deleted.has(step.id) &&
        succeeded(step) &&
        documentsGone(step.exchange.operation.responses)
      ) {
        out.push(
          statefulViolation(ID, trace, index, {
            message: `${step.exchange.request.method} ${step.exchange.request.path} answered ${step.exchange.response.status} after the DELETE of step ${(deleted.get(step.id) ?? 0) + 1} succeeded`,
            keyword: 'deleted-item-readable',
            expected: '404 or 410',
            actual: step.exchange.response.status,
          }),
        );
        deleted.delete(step.id);
      }
      if (step.action === 'list' && step.walk?.complete === true) {
        for (const [id, at] of deleted) {
          if (!step.walk.ids.includes(id)) continue;
          out.push(
            statefulViolation(ID, trace, index, {
              message: `item ${id} is still in the list after the DELETE of step ${at + 1} succeeded`,
              keyword: 'deleted-item-listed',
              expected: `no item ${id}`,
              actual: `item ${id} listed`,
            }),
          );
          deleted.delete(id);
        }
      }
    });
    return out;
  },
};
