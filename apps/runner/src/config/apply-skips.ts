import type { SelectedOperations } from '../engine/select-operations.js';
import type { OperationPlan } from './plan-operations.js';

/**
 * Moves the operations the config file skips out of a run's selection, with the file's reason,
 * so reports list them as skipped (never as passed) and say why.
 */
export function applySkips(selection: SelectedOperations, plan: OperationPlan): SelectedOperations {
  const selected: SelectedOperations['selected'] = [];
  const skipped = [...selection.skipped];
  for (const operation of selection.selected) {
    const reason = plan.get(operation.id)?.skip;
    if (reason === undefined) selected.push(operation);
    else skipped.push({ operation, reason: `skipped by the config file: ${reason}` });
  }
  return { selected, skipped };
}
