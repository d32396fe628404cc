import { describe, expect, it } from 'vitest';
import { catastrophic, harmless } from './_test/sample-patterns.js';
import { backtrackingRisk } from './backtracking-risk.js';

describe('backtrackingRisk', () => {
  it('flags repeated groups that repeat or alternate inside', () => {
    for (const pattern of catastrophic) expect(backtrackingRisk(pattern), pattern).toBe(true);
  });
  it('leaves ordinary patterns, classes and escaped parentheses alone', () => {
    for (const pattern of harmless) expect(backtrackingRisk(pattern), pattern).toBe(false);
  });
});
