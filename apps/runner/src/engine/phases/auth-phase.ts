import type { HttpRequest, Operation } from '@assay/model';
import fc from 'fast-check';
import { authProbes, requiresAuth, withCredentials } from '../credentials.js';
import { exchangeBatch } from '../exchange/exchange.js';
import type { OperationContext } from '../operation-context.js';
import { phaseSeed } from '../phase-seed.js';
import { snapshot } from '../seen-values.js';

/**
 * Phase 5, operations that require auth: the same valid request without credentials and with
 * spoiled ones (`authProbes`), sent as they are; a server that answers them with a 2xx ignores auth.
 * The base is the first example, else the operation with no parameters when it needs none (so a
 * refusal can only be about the credentials), else one generated valid request.
 */
export async function authPhase(op: OperationContext): Promise<void> {
  if (!requiresAuth(op.operation)) return;
  const base = op.example ?? bareRequest(op.operation) ?? baseRequest(op);
  if (base === undefined) return;
  const { api, credentials, seed } = op.run.options;
  const probes = authProbes(api, op.operation, withCredentials(base, credentials, api, op.operation));
  const origin = { seed: phaseSeed(seed, op.operation.id, 'auth') };
  await exchangeBatch(op, probes, () => origin, { credentials: false });
}

/** The operation with no parameters at all, when it needs none. */
function bareRequest(operation: Operation): HttpRequest | undefined {
  if (operation.requestBody?.required === true || operation.parameters.some((p) => p.required))
    return undefined;
  return {
    method: operation.method,
    path: operation.path,
    query: '',
    headers: {},
    operationId: operation.id,
    mode: 'auth',
  };
}

/** One valid request for the operation, for the auth probes when the spec has no example. */
function baseRequest(op: OperationContext): HttpRequest | undefined {
  try {
    const arbitrary = op.run.options.kit.requestArbitrary(op.operation, 'positive', snapshot(op.seen));
    return fc.sample(arbitrary, { seed: 0, numRuns: 1 })[0];
  } catch {
    return undefined;
  }
}
