import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';
import { CLEAR_LINE, progressLine } from './progress-line.js';

const state = { operationsDone: 3, operationsTotal: 12, requests: 420, failures: 2, elapsedMs: 5000 };

describe('progressLine', () => {
  it('rewrites one line in place on a TTY', () => {
    expect(progressLine(state, { tty: true })).toBe(
      `${CLEAR_LINE}assay 3/12 operations · 420 requests · 2 failures · 84 req/s · 5.0 s`,
    );
  });

  it('prints plain lines elsewhere', () => {
    const line = progressLine({ ...state, errors: 1, current: 'GET /items/' }, { tty: false });
    expect(line).toBe(
      'assay 3/12 operations · 420 requests · 2 failures · 1 error · 84 req/s · 5.0 s · GET /items/\n',
    );
    expect(line).not.toContain('\u001b');
  });

  it('cuts the live line to the terminal width so it never wraps', () => {
    const line = progressLine({ ...state, current: `GET /${'x'.repeat(200)}` }, { tty: true, columns: 60 });
    expect([...line.slice(CLEAR_LINE.length)]).toHaveLength(59);
    expect(line.endsWith('…')).toBe(true);
  });

  it('shows a fractional rate when slow, and no division by zero at the start', () => {
    expect(progressLine({ ...state, requests: 3, elapsedMs: 2000 }, { tty: false })).toContain('1.5 req/s');
    expect(progressLine({ ...state, requests: 0, elapsedMs: 0 }, { tty: false })).toContain('0 req/s');
  });

  it('keeps the current operation terminal-safe and free of secrets', () => {
    const line = progressLine(
      { ...state, current: 'GET /a?key=sekret-value\u001b[2J' },
      { tty: false, redactor: createRedactor({ secrets: ['sekret-value'] }) },
    );
    expect(line).not.toContain('sekret-value');
    expect(line).not.toContain('\u001b');
  });
});
