import type { RunWarning } from './run-result.js';

/** The one-line text of a warning: `<operation>: <message>`, or the message alone for the run. */
export function formatWarning(warning: RunWarning): string {
  return warning.operation === undefined ? warning.message : `${warning.operation}: ${warning.message}`;
}
