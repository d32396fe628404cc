import type { ListWalk, StatefulCheck, StatefulViolation } from '@assay/model';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { succeeded } from '../_internals/stateful/step-values.js';

const ID = 'list-reflects-writes';

/**
 * The list shows the writes: in a full walk (the list's own pagination, whatever its convention),
 * every item created and not deleted since appears exactly once, no deleted item appears, and
 * between two full walks the total (or, without one, the number of items walked) moves by exactly
 * the number of successful creates less the successful deletes in between. Silent once the list
 * changes with no write of ours in between (another client is writing), and for walks that did
 * not reach the last page.
 */
export const listReflectsWrites: StatefulCheck = {
  id: ID,
  description:
    'A created item appears exactly once in a full walk of the list, a deleted one does not, and the total moves by one per write.',
  clause:
    "RFC 9110 §9.3.1 GET (the collection's current state) and the list's pagination profile (count is the size of the whole result set)",
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const alive = new Map<string, number>();
    const deleted = new Map<string, number>();
    let previous: ListWalk | undefined;
    let delta = 0;
    let others = false;
    trace.steps.forEach((step, index) => {
      if (others) return;
      if (step.action === 'create' && succeeded(step)) {
        delta += 1;
        if (step.id !== undefined) {
          alive.set(step.id, index);
          deleted.delete(step.id);
        }
        return;
      }
      if (step.action === 'delete' && succeeded(step) && step.id !== undefined) {
        // A DELETE of an item we did not see created may be of a seeded item: it still counts.
        delta -= 1;
        alive.delete(step.id);
        deleted.set(step.id, index);
        return;
      }
      if (step.action !== 'list' || step.walk === undefined || !step.walk.complete) return;
      const walk = step.walk;
      const size = walk.total ?? walk.ids.length;
      const before = previous === undefined ? undefined : (previous.total ?? previous.ids.length);
      const countedBy = walk.total === undefined ? 'the number of items walked' : 'the total';
      if (before !== undefined && delta === 0 && size !== before) {
        // The list moved with no write of ours in between: another client writes, nothing is sure.
        others = true;
        return;
      }
      for (const [id, at] of alive) {
        const times = walk.ids.filter((seen) => seen === id).length;
        if (times === 1) continue;
        out.push(
          statefulViolation(ID, trace, index, {
            message: `item ${id}, created at step ${at + 1}, appears ${times} times in a full walk of the list`,
            keyword: 'created-item-listed',
            expected: 1,
            actual: times,
          }),
        );
      }
      for (const [id, at] of deleted) {
        if (!walk.ids.includes(id)) continue;
        out.push(
          statefulViolation(ID, trace, index, {
            message: `item ${id}, deleted at step ${at + 1}, is still in a full walk of the list`,
            keyword: 'deleted-item-listed',
            expected: 0,
            actual: walk.ids.filter((seen) => seen === id).length,
          }),
        );
      }
      if (
        before !== undefined &&
        previous !== undefined &&
        (walk.total === undefined) === (previous.total === undefined)
      ) {
        if (size - before !== delta) {
          out.push(
            statefulViolation(ID, trace, index, {
              message: `${countedBy} of the list went from ${before} to ${size} across ${Math.abs(delta)} successful ${delta >= 0 ? 'create' : 'delete'}${Math.abs(delta) === 1 ? '' : 's'} (net ${delta >= 0 ? '+' : ''}${delta})`,
              keyword: walk.total === undefined ? 'walk-size' : 'total',
              expected: before + delta,
              actual: size,
            }),
          );
        }
      }
      previous = walk;
      delta = 0;
    });
    return out;
  },
};
