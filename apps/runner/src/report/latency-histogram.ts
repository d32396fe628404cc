/**
 * Upper bounds, in milliseconds, of the latency buckets. Fixed (1-2-5 steps) rather than adaptive so
 * histograms of different operations, runs and shards line up and can be added bucket by bucket.
 */
export const LATENCY_BOUNDS_MS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000,
];

/**
 * Response times in fixed buckets: memory stays constant however many requests a run sends.
 * `counts[i]` counts samples `<= LATENCY_BOUNDS_MS[i]` (and above the previous bound); the last
 * entry counts the samples above the last bound.
 */
export interface LatencyHistogram {
  counts: number[];
  count: number;
  sumMs: number;
  /** `0` while empty. */
  minMs: number;
  maxMs: number;
}

/** An empty histogram. */
export function latencyHistogram(): LatencyHistogram {
  return {
    counts: new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0),
    count: 0,
    sumMs: 0,
    minMs: 0,
    maxMs: 0,
  };
}

/** Adds one response time to `histogram` (in place: the engine records thousands of them). */
export function recordLatency(histogram: LatencyHistogram, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) return;
  let bucket = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  if (bucket === -1) bucket = LATENCY_BOUNDS_MS.length;
  histogram.counts[bucket] = (histogram.counts[bucket] ?? 0) + 1;
  histogram.minMs = histogram.count === 0 ? ms : Math.min(histogram.minMs, ms);
  histogram.maxMs = histogram.count === 0 ? ms : Math.max(histogram.maxMs, ms);
  histogram.count += 1;
  histogram.sumMs += ms;
}

/**
 * The upper bound of the bucket holding the `q`-quantile (0..1), in ms: an over-estimate by at most
 * one bucket step. `maxMs` for the overflow bucket, `0` for an empty histogram.
 */
export function latencyQuantile(histogram: LatencyHistogram, q: number): number {
  if (histogram.count === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * histogram.count));
  let seen = 0;
  for (let i = 0; i < histogram.counts.length; i++) {
    seen += histogram.counts[i] ?? 0;
    if (seen >= rank) return Math.min(LATENCY_BOUNDS_MS[i] ?? histogram.maxMs, histogram.maxMs);
  }
  return histogram.maxMs;
}
