import type { Check, Exchange, SequenceCheck, Violation } from '@assay/model';
import { AssayError } from '@assay/model';

/**
 * A check over every exchange of a run, called once after the run: for whole-run properties (no
 * two created resources share an id, every operation answered within an SLA, …).
 */
export interface RunCheck {
  id: string;
  description: string;
  clause: string;
  /** Each violation may name the exchange that shows it (`at`); the run's last one otherwise. */
  verify(exchanges: readonly Exchange[]): RunViolation[];
}

/** A violation of a run check, with the exchange a report shows for it. */
export type RunViolation = Omit<Violation, 'at'> & { exchange?: Exchange };

/** What `defineCheck` takes: a check of one exchange (the default), of a sequence, or of the run. */
export type CheckDefinition =
  | (Check & { scope?: 'exchange' })
  | (SequenceCheck & { scope: 'sequence' })
  | (RunCheck & { scope: 'run' });

/** A check made with {@link defineCheck}, as plugins export it. */
export type DefinedCheck =
  | { kind: 'assay-check'; scope: 'exchange'; check: Check }
  | { kind: 'assay-check'; scope: 'sequence'; check: SequenceCheck }
  | { kind: 'assay-check'; scope: 'run'; check: RunCheck };

const checkId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Makes a custom check for a plugin module (`plugins: ["./checks.mjs"]` in the config file). It
 * runs like a built-in check: on every exchange of the operations it applies to (`scope:
 * 'exchange'`, the default), on each operation's walks and probes (`'sequence'`), or once over every
 * exchange of the run (`'run'`); it appears in reports and is selected with `--checks`. A
 * definition that cannot work (an id that is not kebab-case, no description or clause, no verify)
 * throws at once, naming what is missing.
 */
export function defineCheck(definition: CheckDefinition): DefinedCheck {
  const { id, description, clause, verify } = definition as Partial<RunCheck>;
  const bad = (what: string) =>
    new AssayError('config', `defineCheck(${JSON.stringify(id ?? '?')}): ${what}`, { pointer: '/id' });
  if (typeof id !== 'string' || !checkId.test(id))
    throw bad('the id must be kebab-case, e.g. "tenant-isolation"');
  if (typeof description !== 'string' || description.trim() === '')
    throw bad('a one-line description is required');
  if (typeof clause !== 'string' || clause.trim() === '')
    throw bad('a clause (what rule it enforces) is required');
  if (typeof verify !== 'function') throw bad('verify must be a function returning Violation[]');
  const scope = definition.scope ?? 'exchange';
  if (scope !== 'exchange' && scope !== 'sequence' && scope !== 'run') {
    throw bad(`scope must be exchange, sequence or run, not ${JSON.stringify(scope)}`);
  }
  const check = { id, description, clause, verify } as Check & SequenceCheck & RunCheck;
  return Object.freeze({ kind: 'assay-check', scope, check }) as DefinedCheck;
}
