// Child process: one run of about BENCH_LONG_REQUESTS requests (default one million) against the
// in-process mock, sampling RSS at every twentieth of the way. Flat RSS means nothing is kept per
// request beyond bounded samples.
import { executeRun } from '@assay/runner';
import { loadApi } from '@assay/spec';
import { identificationSpec, peakRssMb, runOptions } from './bench-kit.mjs';

const target = Number(process.env.BENCH_LONG_REQUESTS ?? 1_000_000);
const api = await loadApi(identificationSpec);
// Positive and negative phases each send maxExamples requests; examples, coverage, walks and
// probes add a few dozen.
const options = runOptions({ mock: true, maxExamples: Math.ceil(target / 2) });
const step = Math.floor(target / 20);
const samples = [];
let nextSample = 0;
const started = performance.now();
// RSS as the OS sees it, and the live heap after a full collection (run with --expose-gc): RSS can
// grow with the collector's own headroom, the live heap only with what the run keeps.
function sample(requests) {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { requests, rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20, ms: performance.now() - started };
}
const result = await executeRun(api, {
  ...options,
  onProgress: (progress) => {
    if (progress.requests >= nextSample) {
      samples.push(sample(progress.requests));
      nextSample += step;
    }
  },
});
samples.push(sample(result.requests));
process.stdout.write(
  JSON.stringify({
    requests: result.requests,
    durationMs: result.durationMs,
    failures: result.failures.length,
    peakRssMb: peakRssMb(),
    samples,
  }),
);
