import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { requestSignal } from './request-signal.js';

describe('requestSignal', () => {
  it('follows its parents, and leaves no listener on them once disposed', () => {
    const run = new AbortController();
    const signals = Array.from({ length: 1000 }, () => requestSignal([run.signal, undefined]));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1000);
    for (const s of signals) s.dispose();
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    const live = requestSignal([run.signal]);
    run.abort();
    expect(live.signal.aborted).toBe(true);
    expect(live.timedOut).toBe(false);
    expect(requestSignal([run.signal]).signal.aborted).toBe(true);
  });

  it('aborts on its timeout and says so', async () => {
    const timed = requestSignal([], 10);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(timed.signal.aborted).toBe(true);
    expect(timed.timedOut).toBe(true);
  });
});
