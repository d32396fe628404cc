import { describe, expect, it } from 'vitest';
import type { FailureReport } from '../run-report.js';
import { operationOutcome } from './operation-outcome.js';

const untestable =
  'no valid request could be generated for the schema at #/$defs/Thing (no value can satisfy it)';
const judgedAll = {
  requests: 3,
  responses: 3,
  checks: ['not-a-server-error', 'status-code-conformance'],
  tallies: {
    'not-a-server-error': { judged: 3, failed: 0 },
    'status-code-conformance': { judged: 3, failed: 0 },
  },
};

describe('operationOutcome', () => {
  it('passes an operation whose responses were judged clean', () => {
    const outcome = operationOutcome(judgedAll, judgedAll.checks, []);
    expect(outcome.state).toBe('passed');
    expect(outcome.outcomes.map((o) => o.state)).toEqual(['passed', 'passed']);
  });

  it('never passes an operation no valid request exists for, whatever else was sent and judged', () => {
    const outcome = operationOutcome({ ...judgedAll, untestable }, judgedAll.checks, []);
    expect(outcome).toMatchObject({ state: 'not-tested', reason: untestable });
    expect(outcome.outcomes).toEqual([
      { check: 'not-a-server-error', state: 'not-tested', judged: 0, failed: 0, reason: untestable },
      { check: 'status-code-conformance', state: 'not-tested', judged: 0, failed: 0, reason: untestable },
    ]);
  });

  it('still fails it on a finding (a 500 is a bug whatever the request was)', () => {
    const finding = { check: 'not-a-server-error', severity: 'error', occurrences: 1 } as FailureReport;
    const outcome = operationOutcome({ ...judgedAll, untestable }, judgedAll.checks, [finding]);
    expect(outcome).toMatchObject({ state: 'failed', reason: untestable });
    expect(outcome.outcomes.map((o) => o.state)).toEqual(['failed', 'not-tested']);
  });
});
