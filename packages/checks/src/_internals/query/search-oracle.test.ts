import { describe, expect, it } from 'vitest';
import { missingSearchTerm, searchTerms } from './search-oracle.js';

describe('search oracle', () => {
  it('splits terms on whitespace and commas, keeping quoted phrases', () => {
    expect(searchTerms('alpha  beta,gamma "two words"')).toEqual(['alpha', 'beta', 'gamma', 'two words']);
    expect(searchTerms('   ')).toEqual([]);
  });
  it('wants every term in some string value, case-insensitively, nested values included', () => {
    const item = {
      name: 'Default Identification',
      flow_set: [{ slug: 'default-authentication-flow' }],
      n: 42,
    };
    expect(missingSearchTerm(item, searchTerms('DEFAULT authentication'))).toBeUndefined();
    expect(missingSearchTerm(item, searchTerms('42'))).toBeUndefined();
    expect(missingSearchTerm(item, searchTerms('default recovery'))).toBe('recovery');
  });
});
