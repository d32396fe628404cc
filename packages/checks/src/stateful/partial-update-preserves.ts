import type { StatefulCheck, StatefulViolation } from '@assay/model';
import { jsonEqual } from '../_internals/stateful/json-equal.js';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { requestObject, responseObject, succeeded } from '../_internals/stateful/step-values.js';

const ID = 'partial-update-preserves';

/**
 * A PATCH leaves the fields it did not mention as they were: the read after it shows each of
 * them with the value the last read (or write answer) before the PATCH showed. Only JSON object
 * bodies are read (a merge patch); volatile properties aside.
 */
export const partialUpdatePreserves: StatefulCheck = {
  id: ID,
  description: 'A PATCH leaves the fields it did not mention unchanged.',
  clause:
    'RFC 5789 §2 PATCH; RFC 7396 §2 JSON Merge Patch (members the patch does not contain are not changed)',
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const volatile = new Set(trace.volatile);
    const known = new Map<string, Record<string, unknown>>();
    const pending = new Map<
      string,
      { before: Record<string, unknown>; sent: Record<string, unknown>; step: number }
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
      if (step.action === 'replace' || step.action === 'create') pending.delete(step.id);
      if (step.action === 'patch') {
        const before = known.get(step.id);
        const sent = requestObject(step);
        // After a patch whose effect is not checked yet, the state before the next one is not known.
        if (before !== undefined && sent !== undefined && !pending.has(step.id))
          pending.set(step.id, { before, sent, step: index });
        else pending.delete(step.id);
      }
      if (step.action === 'read' && body !== undefined) {
        const patch = pending.get(step.id);
        pending.delete(step.id);
        if (patch !== undefined) {
          for (const [name, value] of Object.entries(patch.before)) {
            if (volatile.has(name) || Object.hasOwn(patch.sent, name)) continue;
            if (Object.hasOwn(body, name) && jsonEqual(body[name], value)) continue;
            out.push(
              statefulViolation(ID, trace, index, {
                message: `${name} was ${JSON.stringify(value)} before the PATCH of step ${patch.step + 1}, which did not mention it, and is ${Object.hasOwn(body, name) ? JSON.stringify(body[name]) : 'missing'} after it`,
                pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
                keyword: 'unmentioned-field-changed',
                expected: value,
                actual: Object.hasOwn(body, name) ? body[name] : '(missing)',
              }),
            );
            break;
          }
        }
      }
      if (body !== undefined && !pending.has(step.id)) known.set(step.id, body);
      else if (body === undefined) known.delete(step.id);
    });
    return out;
  },
};
