import type { OperationContext } from '../operation-context.js';

/**
 * One phase of testing an operation: a plain function of the operation's context that sends
 * through the exchange pipeline (`exchange/exchange.ts`) and returns when done. It need not check
 * whether the run stopped before starting (the caller does) but should between requests of its own
 * (`isHalted(op)`), and it may throw: an `AssayError` ends the run, anything else becomes a warning
 * and costs that phase only.
 */
export type Phase = (op: OperationContext) => Promise<void>;

/** A phase with the name its warnings carry (`<operation>: <name> phase failed: ...`). */
export interface NamedPhase {
  name: string;
  run: Phase;
}
