import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATENCY_BOUNDS_MS, latencyHistogram, latencyQuantile, recordLatency } from './latency-histogram.js';

describe('latencyHistogram', () => {
  it('counts every sample once, in the bucket of its upper bound, with exact count/sum/min/max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100_000, noNaN: true }), { maxLength: 50 }),
        (samples) => {
          const histogram = latencyHistogram();
          for (const ms of samples) recordLatency(histogram, ms);
          expect(histogram.counts).toHaveLength(LATENCY_BOUNDS_MS.length + 1);
          expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(samples.length);
          expect(histogram.count).toBe(samples.length);
          expect(histogram.maxMs).toBe(samples.length === 0 ? 0 : Math.max(...samples));
          expect(histogram.minMs).toBe(samples.length === 0 ? 0 : Math.min(...samples));
        },
      ),
    );
  });

  it('puts a sample on a bound into that bound’s bucket, and beyond the last into overflow', () => {
    const histogram = latencyHistogram();
    recordLatency(histogram, 5);
    recordLatency(histogram, 5.01);
    recordLatency(histogram, 1e9);
    recordLatency(histogram, Number.NaN);
    expect(histogram.counts[LATENCY_BOUNDS_MS.indexOf(5)]).toBe(1);
    expect(histogram.counts[LATENCY_BOUNDS_MS.indexOf(10)]).toBe(1);
    expect(histogram.counts.at(-1)).toBe(1);
    expect(histogram.count).toBe(3);
  });

  it('estimates quantiles from above, within one bucket', () => {
    const histogram = latencyHistogram();
    for (let ms = 1; ms <= 100; ms++) recordLatency(histogram, ms);
    expect(latencyQuantile(histogram, 0.5)).toBe(50);
    expect(latencyQuantile(histogram, 0.95)).toBe(100);
    expect(latencyQuantile(latencyHistogram(), 0.5)).toBe(0);
  });
});
