import { describe, expect, it } from 'vitest';
import { formatSequence } from './format-sequence.js';

describe('formatSequence', () => {
  it('numbers the calls, cuts long bodies, marks the failing last step and strips escape sequences', () => {
    const lines = formatSequence([
      {
        method: 'POST',
        url: 'http://h/api/books/',
        body: `{"title":"${'x'.repeat(100)}"}`,
        status: 201,
        note: 'created 46',
      },
      { method: 'DELETE', url: 'http://h/api/books/46', body: null, status: 204 },
      { method: 'GET', url: 'http://h/api/books/46\u001b[2J', body: null, status: 200 },
    ]);
    expect(lines[0]).toBe('sequence (3 steps, shrunk):');
    expect(lines[1]).toMatch(/^1\. POST http:\/\/h\/api\/books\/ \{"title":"x+… → 201 {2}\(created 46\)$/);
    expect(lines[1]?.length).toBeLessThan(140);
    expect(lines[2]).toBe('2. DELETE http://h/api/books/46 → 204');
    expect(lines[3]).toMatch(/^3\. GET http:\/\/h\/api\/books\/46.* → 200 {2}✗$/);
    expect(lines[3]).not.toContain('\u001b');
  });
});
