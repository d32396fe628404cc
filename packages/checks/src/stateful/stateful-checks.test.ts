import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, type Fields, type ResourceBug, traceOf } from '../_test/resource-server.js';
import { statefulChecks } from './stateful-checks.js';

const fields: fc.Arbitrary<Fields> = fc.record(
  { name: fc.string({ maxLength: 4 }), size: fc.integer({ min: 0, max: 9 }), done: fc.boolean() },
  { requiredKeys: [] },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  fields.map((f) => ({ kind: 'create' as const, fields: f })),
  fc.record({ kind: fc.constantFrom('read' as const, 'delete' as const), target: fc.nat(5) }),
  fc.record({ kind: fc.constantFrom('replace' as const, 'patch' as const), target: fc.nat(5), fields }),
  fc.constant({ kind: 'list' as const }),
);
const commands = fc.array(command, { maxLength: 14 });

/** The check ids that report something on a trace. */
function reported(list: readonly Command[], bug?: ResourceBug, certain = true): string[] {
  const trace = traceOf(list, bug, certain);
  return [...new Set(statefulChecks.flatMap((check) => check.verify(trace).map((v) => v.violation.check)))];
}

/** For each bug: a sequence that shows it, and the check that must say so. */
const SHOWN_BY: Record<ResourceBug, [string, Command[]]> = {
  'delete-keeps-item': [
    'use-after-free',
    [
      { kind: 'create', fields: { name: 'a' } },
      { kind: 'delete', target: 0 },
      { kind: 'read', target: 0 },
    ],
  ],
  'create-unreadable': [
    'ensure-resource-availability',
    [
      { kind: 'create', fields: { name: 'a' } },
      { kind: 'read', target: 0 },
    ],
  ],
  'create-answer-differs': [
    'created-resource-matches',
    [
      { kind: 'create', fields: { name: 'a', done: true } },
      { kind: 'read', target: 0 },
    ],
  ],
  'update-not-kept': [
    'update-persisted',
    [
      { kind: 'create', fields: { name: 'a' } },
      { kind: 'patch', target: 0, fields: { name: 'b' } },
      { kind: 'read', target: 0 },
    ],
  ],
  'patch-drops-fields': [
    'partial-update-preserves',
    [
      { kind: 'create', fields: { name: 'a', size: 3 } },
      { kind: 'patch', target: 0, fields: { name: 'b' } },
      { kind: 'read', target: 0 },
    ],
  ],
  'create-not-listed': [
    'list-reflects-writes',
    [{ kind: 'create', fields: { name: 'a' } }, { kind: 'list' }],
  ],
  'count-ignores-writes': [
    'list-reflects-writes',
    [{ kind: 'list' }, { kind: 'create', fields: { name: 'a' } }, { kind: 'list' }],
  ],
};

describe('the stateful checks', () => {
  it('report nothing on a correct server, whatever the sequence', () => {
    fc.assert(
      fc.property(commands, (list) => {
        expect(reported(list)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each(Object.entries(SHOWN_BY) as [ResourceBug, [string, Command[]]][])(
    'catch %s with %s, whatever follows',
    (bug, [check, shown]) => {
      fc.assert(
        fc.property(commands, (rest) => {
          expect(reported([...shown, ...rest], bug)).toContain(check);
        }),
        { numRuns: 50 },
      );
      expect(reported(shown)).toEqual([]);
    },
  );

  it('say nothing when the trace is not certain (eventual consistency, other clients)', () => {
    for (const [bug, [, shown]] of Object.entries(SHOWN_BY) as [ResourceBug, [string, Command[]]][])
      expect(reported(shown, bug, false)).toEqual([]);
  });

  it('do not blame the list when another client writes between two walks', () => {
    fc.assert(
      fc.property(commands, commands, (before, after) => {
        const list: Command[] = [
          ...before,
          { kind: 'list' },
          { kind: 'foreign-create' },
          { kind: 'list' },
          ...after,
        ];
        expect(reported(list)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('each cite a clause and describe themselves', () => {
    for (const check of statefulChecks) {
      expect(check.clause).toMatch(/RFC \d+ §/);
      expect(check.description.length).toBeGreaterThan(20);
    }
  });
});
