import { exchangeBatch } from '../exchange/exchange.js';
import type { OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';
import { generatedRequests } from './generated-requests.js';

/** Phase 2: the coverage cases (each enum value, each boundary of a documented range, ...). */
export async function coveragePhase(op: OperationContext): Promise<void> {
  const { kit, seed } = op.run.options;
  const origin = { seed: phaseSeed(seed, op.operation.id, 'coverage') };
  await exchangeBatch(
    op,
    generatedRequests(op, 'coverage', () => kit.coverageRequests(op.operation)),
    () => origin,
  );
}
