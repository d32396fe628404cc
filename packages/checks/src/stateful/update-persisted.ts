import type { StatefulCheck, StatefulViolation } from '@assay/model';
import { jsonEqual } from '../_internals/stateful/json-equal.js';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { requestObject, responseObject, succeeded } from '../_internals/stateful/step-values.js';

const ID = 'update-persisted';

/** Whether `value` shows every member `patch` set, objects merged member by member (RFC 7396 §2). */
function merged(value: unknown, patch: unknown): boolean {
  if (patch === null) return value === null || value === undefined;
  if (typeof patch !== 'object' || Array.isArray(patch)) return jsonEqual(value, patch);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const target = value as Record<string, unknown>;
  return Object.entries(patch as Record<string, unknown>).every(([name, member]) =>
    merged(target[name], member),
  );
}

/**
 * After a successful PUT or PATCH, the next read shows the values sent. A server may normalise a
 * value (trim it, round it), so a difference counts only when the server showed it took the value
 * as sent (its answer to the update held it) or the read still shows the value from before the
 * update: the change was acknowledged and not kept.
 */
export const updatePersisted: StatefulCheck = {
  id: ID,
  description: 'After a successful PUT or PATCH, a read shows the new values.',
  clause:
    'RFC 9110 §9.3.4 PUT (the state of the resource is replaced by the enclosed representation); RFC 5789 §2 PATCH',
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const volatile = new Set(trace.volatile);
    const idProperty = trace.resource.idProperty;
    const known = new Map<string, Record<string, unknown>>();
    const pending = new Map<
      string,
      {
        sent: Record<string, unknown>;
        answer?: Record<string, unknown>;
        before?: Record<string, unknown>;
        step: number;
      }
    >();
    trace.steps.forEach((step, index) => {
      if (step.id === undefined || step.action === 'list') return;
      if (step.action === 'delete') {
        known.delete(step.id);
        pending.delete(step.id);
        return;
      }
      if (!succeeded(step)) return;
      const body = responseObject(step);
      if (step.action === 'replace' || step.action === 'patch') {
        const sent = requestObject(step);
        const before = known.get(step.id);
        if (sent === undefined) pending.delete(step.id);
        else
          pending.set(step.id, {
            sent,
            step: index,
            ...(body === undefined ? {} : { answer: body }),
            ...(before === undefined ? {} : { before }),
          });
      }
      if (step.action === 'read' && body !== undefined) {
        const update = pending.get(step.id);
        pending.delete(step.id);
        if (update !== undefined) {
          for (const [name, value] of Object.entries(update.sent)) {
            if (volatile.has(name) || name === idProperty || jsonEqual(body[name], value)) continue;
            // A patched object may be merged member by member (RFC 7396) rather than replaced.
            if (trace.steps[update.step]?.action === 'patch' && merged(body[name], value)) continue;
            const echoed = update.answer !== undefined && jsonEqual(update.answer[name], value);
            const unchanged =
              update.before !== undefined &&
              Object.hasOwn(update.before, name) &&
              !jsonEqual(update.before[name], value) &&
              jsonEqual(update.before[name], body[name]);
            if (!echoed && !unchanged) continue;
            out.push(
              statefulViolation(ID, trace, index, {
                message: `${name} is ${JSON.stringify(body[name])} in ${step.exchange.request.method} ${step.exchange.request.path}, but the ${trace.steps[update.step]?.exchange.request.method} of step ${update.step + 1} set it to ${JSON.stringify(value)}${echoed ? ' and answered it' : ''}`,
                pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
                keyword: 'update-not-persisted',
                expected: value,
                actual: body[name],
              }),
            );
            break;
          }
        }
      }
      if (body !== undefined) known.set(step.id, body);
      else known.delete(step.id);
    });
    return out;
  },
};
