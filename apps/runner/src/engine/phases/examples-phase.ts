import { exchangeBatch } from '../exchange/exchange.js';
import type { OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';
import { generatedRequests } from './generated-requests.js';

/**
 * Phase 1: the spec's own examples, as written. The first one is kept as the auth phase's base
 * request.
 */
export async function examplesPhase(op: OperationContext): Promise<void> {
  const { kit, seed } = op.run.options;
  const examples = generatedRequests(op, 'examples', () => kit.exampleRequests(op.operation));
  op.example = examples[0];
  const origin = { seed: phaseSeed(seed, op.operation.id, 'example') };
  await exchangeBatch(op, examples, () => origin);
}
