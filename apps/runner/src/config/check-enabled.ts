import type { PlannedOperation } from './plan-operations.js';

/** Whether the operation's settings leave a check on. */
export function checkEnabled(planned: PlannedOperation | undefined, id: string): boolean {
  if (planned === undefined) return true;
  if (planned.checks !== undefined && !planned.checks.includes(id)) return false;
  return !planned.excludeChecks.includes(id);
}
