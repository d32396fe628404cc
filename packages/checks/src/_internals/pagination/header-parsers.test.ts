import { describe, expect, it } from 'vitest';
import { parseContentRange } from './content-range.js';
import { parseLinkHeader } from './link-header.js';

describe('parseLinkHeader', () => {
  it('reads GitHub-style links by relation', () => {
    const header =
      '<https://api.github.com/repos/o/r/issues?page=2>; rel="next", <https://api.github.com/repos/o/r/issues?page=5>; rel="last"';
    expect(parseLinkHeader(header)).toEqual({
      next: 'https://api.github.com/repos/o/r/issues?page=2',
      last: 'https://api.github.com/repos/o/r/issues?page=5',
    });
  });
  it('reads unquoted and multi-valued relations and other parameters', () => {
    expect(parseLinkHeader('</a?p=1>; title="x"; rel=prev, </a?p=3>; rel="next last"')).toEqual({
      prev: '/a?p=1',
      next: '/a?p=3',
      last: '/a?p=3',
    });
  });
});

describe('parseContentRange', () => {
  it('reads ranges, unknown totals and unsatisfied ranges', () => {
    expect(parseContentRange('0-24/100')).toEqual({ start: 0, end: 24, total: 100 });
    expect(parseContentRange('items 25-49/*')).toEqual({ unit: 'items', start: 25, end: 49 });
    expect(parseContentRange('*/0')).toEqual({ total: 0 });
    expect(parseContentRange('0-24')).toBeUndefined();
  });
});
