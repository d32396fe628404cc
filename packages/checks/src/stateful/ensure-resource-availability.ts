import type { StatefulCheck, StatefulViolation } from '@assay/model';
import { statefulViolation } from '../_internals/stateful/stateful-violation.js';
import { succeeded } from '../_internals/stateful/step-values.js';

const ID = 'ensure-resource-availability';

/**
 * A created resource can be read back by the id the create returned: until it is deleted, a read
 * of that id does not answer 404 or 410. Other failures (5xx, 401) are other checks' business.
 */
export const ensureResourceAvailability: StatefulCheck = {
  id: ID,
  description: 'A created resource can be read back by the id the create returned.',
  clause:
    'RFC 9110 §15.3.2 201 Created (the new resource is identified by the Location header or the id the representation gives); OpenAPI 3.1 §4.8.20 Link Object',
  verify(trace) {
    if (!trace.certain) return [];
    const out: StatefulViolation[] = [];
    const created = new Map<string, number>();
    trace.steps.forEach((step, index) => {
      if (step.id === undefined || !['create', 'delete', 'read'].includes(step.action)) return;
      if (step.action === 'create' && succeeded(step)) created.set(step.id, index);
      else if (step.action === 'delete' && succeeded(step)) created.delete(step.id);
      else if (step.action === 'read' && created.has(step.id)) {
        const status = step.exchange.response.status;
        if (status === 404 || status === 410) {
          out.push(
            statefulViolation(ID, trace, index, {
              message: `${step.exchange.request.method} ${step.exchange.request.path} answered ${status} for the resource step ${(created.get(step.id) ?? 0) + 1} created`,
              keyword: 'created-resource-missing',
              expected: '2xx',
              actual: status,
            }),
          );
        }
        created.delete(step.id);
      }
    });
    return out;
  },
};
