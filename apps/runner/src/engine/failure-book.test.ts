import { describe, expect, it } from 'vitest';
import { FailureBook } from './failure-book.js';
import type { Failure } from './run-result.js';

const failure = (fingerprint: string, path?: string): Failure => ({
  operationId: 'op',
  method: 'GET',
  operationPath: '/items',
  violation: {
    check: 'response-schema-conformance',
    severity: 'error',
    message: 'broken',
    pointer: '',
    keyword: 'type',
    expected: 'string',
    actual: 1,
    fingerprint,
  },
  mode: 'positive',
  request: { method: 'GET', url: 'http://x/items', headers: {} },
  seed: 1,
  shrunk: false,
  occurrences: 1,
  ...(path === undefined ? {} : { path }),
});

describe('FailureBook', () => {
  it('counts a repeat by key exactly as recording the whole failure again would', () => {
    const byFailure = new FailureBook();
    const byKey = new FailureBook();
    const key = FailureBook.key('op', 'response-schema-conformance', 'a');
    expect(byKey.recordRepeat(key)).toBe(false);
    for (const book of [byFailure, byKey]) book.record(failure('a'));
    for (let i = 0; i < 3; i++) {
      byFailure.record(failure('a'));
      expect(byKey.recordRepeat(key)).toBe(true);
    }
    expect(byKey.list()).toEqual(byFailure.list());
    expect(byKey.list()[0]?.occurrences).toBe(4);
  });

  it('grants the shrink of a recorded bug once, by failure or by key alike', () => {
    const book = new FailureBook();
    book.record(failure('a'));
    expect(book.claimForShrink(failure('a'))).toBe(false); // no fast-check path: not shrinkable
    const key = FailureBook.key('op', 'response-schema-conformance', 'a');
    expect(book.claimKey(key)).toBe(true);
    expect(book.claimForShrink(failure('a', '3'))).toBe(false);
    expect(book.claimKey(FailureBook.key('op', 'response-schema-conformance', 'unknown'))).toBe(false);
  });
});
