import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operation, parameter } from '../_test/operation.js';
import { coverageRequests } from '../request/coverage-requests.js';
import { requestArbitrary } from '../request/request-arbitrary.js';
import { schemaArbitrary } from './schema-arbitrary.js';

/** GET /pick with one required query parameter `w` whose values are `members`. */
const pickOperation = (members: unknown[]) =>
  operation({
    id: 'pick',
    method: 'GET',
    path: '/pick',
    parameters: [parameter('w', 'query', { type: 'string', enum: members }, { required: true })],
  });

describe('enormous enums', () => {
  const words = Array.from({ length: 200_000 }, (_, i) => `v${i}`);
  const numbers = Array.from({ length: 200_000 }, (_, i) => i);

  it('draws members of an enum of 200,000 values', () => {
    const allowed = new Set(words);
    const values = fc.sample(schemaArbitrary({ type: 'string', enum: words }, { defs: {} }), {
      numRuns: 50,
      seed: 3,
    });
    expect(values.every((value) => allowed.has(value as string))).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(10);
  });

  it('makes a negative request outside an enum of 200,000 numbers', () => {
    const op = operation({
      id: 'pick',
      method: 'GET',
      path: '/pick',
      parameters: [parameter('n', 'query', { type: 'integer', enum: numbers }, { required: true })],
    });
    const requests = fc.sample(requestArbitrary(op, 'negative', { defs: {} }), { numRuns: 100, seed: 5 });
    expect(requests.some((request) => request.query === 'n=200000')).toBe(true);
  });

  it('covers a spread of an enormous enum, first and last included, not one request per member', () => {
    const op = pickOperation(words);
    const queries = new Set(coverageRequests(op, { defs: {} }).map((request) => request.query));
    expect(queries.size).toBeLessThanOrEqual(40);
    for (const member of ['v0', 'v199999']) expect(queries).toContain(`w=${member}`);
    expect([...queries].filter((query) => query?.startsWith('w=v')).length).toBeGreaterThanOrEqual(30);
  });

  it('still covers every member of an enum of up to 32 values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 32 }),
        (members) => {
          const op = pickOperation(members);
          const queries = new Set(coverageRequests(op, { defs: {} }).map((request) => request.query));
          for (const member of members) expect(queries).toContain(`w=${member}`);
        },
      ),
      { numRuns: 30 },
    );
  });
});
