import type { StatefulCheck, StatefulViolation } from '@assay/model';
import { jsonEqual } from '../_internals/stateful/json-equal.js';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { responseObject, succeeded } from '../_internals/stateful/step-values.js';

const ID = 'created-resource-matches';

/**
 * What the first read after a create (or a replace, or a patch) returns equals what that write
 * answered, property by property, except the volatile ones (readOnly in the spec, volatile in the
 * config). Only properties present in both bodies are compared: a representation may leave some out.
 */
export const createdResourceMatches: StatefulCheck = {
  id: ID,
  description: 'A read after a create or update returns what the write answered (volatile properties aside).',
  clause:
    'RFC 9110 §15.3.2 201 Created and §9.3.1 GET (both represent the current state of the same resource)',
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const volatile = new Set(trace.volatile);
    const answered = new Map<string, { body: Record<string, unknown>; step: number }>();
    trace.steps.forEach((step, index) => {
      if (step.id === undefined || step.action === 'list') return;
      if (step.action === 'delete') {
        answered.delete(step.id);
        return;
      }
      if (!succeeded(step)) return;
      const body = responseObject(step);
      if (step.action !== 'read') {
        if (body === undefined) answered.delete(step.id);
        else answered.set(step.id, { body, step: index });
        return;
      }
      const write = answered.get(step.id);
      answered.delete(step.id);
      if (write === undefined || body === undefined) return;
      for (const [name, value] of Object.entries(write.body)) {
        if (volatile.has(name) || !Object.hasOwn(body, name) || jsonEqual(value, body[name])) continue;
        out.push(
          statefulViolation(ID, trace, index, {
            message: `${name} is ${JSON.stringify(body[name])} in ${step.exchange.request.method} ${step.exchange.request.path}, but the ${trace.steps[write.step]?.action} of step ${write.step + 1} answered ${JSON.stringify(value)}`,
            pointer: `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            keyword: 'read-differs-from-write',
            expected: value,
            actual: body[name],
          }),
        );
        break;
      }
    });
    return out;
  },
};
