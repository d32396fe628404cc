import type { StatefulCheck } from '@assay/model';
import { createdResourceMatches } from './created-resource-matches.js';
import { ensureResourceAvailability } from './ensure-resource-availability.js';
import { listReflectsWrites } from './list-reflects-writes.js';
import { partialUpdatePreserves } from './partial-update-preserves.js';
import { updatePersisted } from './update-persisted.js';
import { useAfterFree } from './use-after-free.js';

/**
 * Every check of a stateful sequence, the most specific first: a lost update also makes the read
 * differ from the update's answer, and is reported as the lost update it is.
 */
export const statefulChecks: readonly StatefulCheck[] = [
  useAfterFree,
  ensureResourceAvailability,
  updatePersisted,
  partialUpdatePreserves,
  createdResourceMatches,
  listReflectsWrites,
];
