import { exchangeBatch } from '../exchange/exchange.js';
import type { OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';

/**
 * The coercion phase: from a request the server accepted with a 2xx, the same JSON body with one
 * thing a lenient framework lets through (an extra property where `additionalProperties` is
 * false, `"7"` for a number, `1` for a boolean, `null` for a required field); each is a negative
 * request, so `negative-data-rejection` wants a 4xx. Only operations with a JSON body have any,
 * and those are written to only with `--unsafe`.
 */
export async function coercionPhase(op: OperationContext): Promise<void> {
  const base = op.accepted;
  const make = op.run.options.kit.coercionRequests;
  if (base === undefined || make === undefined) return;
  const requests = make(op.operation, base);
  if (requests.length === 0) return;
  const origin = { seed: phaseSeed(op.run.options.seed, op.operation.id, 'coercion') };
  await exchangeBatch(op, requests, () => origin);
}
