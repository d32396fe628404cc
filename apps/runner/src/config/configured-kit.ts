import type { Check, Exchange, SequenceCheck, Walk } from '@assay/model';
import type { EngineKit } from '../engine/engine-kit.js';
import { statusListed } from './_internals/status-listed.js';
import { pointerSegments, stripVolatile } from './_internals/strip-volatile.js';
import { checkEnabled } from './check-enabled.js';
import type { ConfiguredRun } from './configured-run.js';
import type { OperationPlan } from './plan-operations.js';

/**
 * The engine kit with the config file applied: the plugins' checks join the built-in ones (under
 * the run's check selection), and each check honours the per-operation settings: `checks` and
 * `excludeChecks` (a check off for an operation says nothing there), `expectedStatuses` (a response
 * with a status the team declared expected for that check is not held against it), and `volatile`
 * and `volatileHeaders` (sequence checks compare answers without those fields and headers). Operations without settings run the
 * checks unwrapped: the exchange loop is the hottest of a run.
 */
export function configuredKit(
  kit: EngineKit,
  configured: ConfiguredRun,
  selected: ReadonlySet<string>,
): EngineKit {
  const { plan, plugins, unnarrowed } = configured;
  const requestArbitrary: EngineKit['requestArbitrary'] =
    unnarrowed.size === 0
      ? kit.requestArbitrary
      : (operation, mode, seen) =>
          kit.requestArbitrary(
            mode === 'negative' ? (unnarrowed.get(operation.id) ?? operation) : operation,
            mode,
            seen,
          );
  const checks = [...kit.checks, ...plugins.checks.filter((c) => selected.has(c.id))];
  const sequenceChecks = [...kit.sequenceChecks, ...plugins.sequenceChecks.filter((c) => selected.has(c.id))];
  if (plan.size === 0) return { ...kit, requestArbitrary, checks, sequenceChecks };
  const volatile = new Map(
    [...plan].map(([id, planned]) => [id, planned.volatile.map(pointerSegments)] as const),
  );
  // Every sequence check of an operation gets the same arrays: its bodies are stripped once, and
  // its walks hold the stripped exchanges themselves (a violation's `at` is found by identity).
  const stripped = new WeakMap<readonly Exchange[], Stripped>();
  const withoutVolatile = (id: string, exchanges: readonly Exchange[], walks: readonly Walk[]): Stripped => {
    const pointers = volatile.get(id) ?? [];
    const headers = plan.get(id)?.volatileHeaders ?? [];
    if (pointers.length === 0 && headers.length === 0) return { exchanges, walks };
    let done = stripped.get(exchanges);
    if (done === undefined) {
      const of = new Map(exchanges.map((e) => [e, stripVolatile(e, pointers, headers)] as const));
      const swap = (e: Exchange) => of.get(e) ?? stripVolatile(e, pointers, headers);
      done = {
        exchanges: exchanges.map(swap),
        walks: walks.map((walk) => ({ pages: walk.pages.map(swap), pastLast: walk.pastLast.map(swap) })),
      };
      stripped.set(exchanges, done);
    }
    return done;
  };
  return {
    ...kit,
    requestArbitrary,
    checks: checks.map((check) => scopedCheck(check, plan)),
    sequenceChecks: sequenceChecks.map((check) => scopedSequenceCheck(check, plan, withoutVolatile)),
  };
}

function scopedCheck(check: Check, plan: OperationPlan): Check {
  return {
    id: check.id,
    description: check.description,
    clause: check.clause,
    verify(exchange) {
      const planned = plan.get(exchange.operation.id);
      if (planned === undefined) return check.verify(exchange);
      if (!checkEnabled(planned, check.id)) return [];
      const expected = planned.expectedStatuses.get(check.id);
      if (expected !== undefined && statusListed(expected, exchange.response.status)) return [];
      return check.verify(exchange);
    },
  };
}

/** A sequence without the fields the config file calls volatile. */
interface Stripped {
  exchanges: readonly Exchange[];
  walks: readonly Walk[];
}

function scopedSequenceCheck(
  check: SequenceCheck,
  plan: OperationPlan,
  withoutVolatile: (id: string, exchanges: readonly Exchange[], walks: readonly Walk[]) => Stripped,
): SequenceCheck {
  return {
    id: check.id,
    description: check.description,
    clause: check.clause,
    verify(exchanges: readonly Exchange[], walks: readonly Walk[]) {
      const id = exchanges[0]?.operation.id;
      const planned = id === undefined ? undefined : plan.get(id);
      if (planned === undefined) return check.verify(exchanges, walks);
      if (!checkEnabled(planned, check.id)) return [];
      const bare = withoutVolatile(id!, exchanges, walks);
      return check.verify(bare.exchanges, bare.walks);
    },
  };
}
