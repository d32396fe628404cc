import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestSlots } from './request-slots.js';
import { retryAfterMs } from './retry-after-ms.js';

describe('requestSlots', () => {
  it('grants in call order and never exceeds the concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }),
        async (concurrency, delays) => {
          const slots = requestSlots(concurrency);
          const started: number[] = [];
          let inFlight = 0;
          let peak = 0;
          await Promise.all(
            delays.map(async (delay, i) => {
              await slots.acquire();
              started.push(i);
              inFlight += 1;
              peak = Math.max(peak, inFlight);
              await new Promise((resolve) => setTimeout(resolve, delay));
              inFlight -= 1;
              slots.release();
            }),
          );
          expect(started).toEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(concurrency);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('spaces starts to the rate', async () => {
    const slots = requestSlots(10, 100);
    const begin = performance.now();
    await Promise.all(
      Array.from({ length: 11 }, async () => {
        await slots.acquire();
        slots.release();
      }),
    );
    // 11 starts at 100/s: the last one no sooner than 100 ms after the first.
    expect(performance.now() - begin).toBeGreaterThanOrEqual(95);
  });

  it('refuses a slot once aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await requestSlots(1).acquire(controller.signal)).toBe(false);
  });
});

describe('retryAfterMs', () => {
  it('reads delay-seconds and HTTP dates (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
