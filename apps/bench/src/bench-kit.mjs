// Small helpers shared by the benchmark scripts: paths, the identification request, run options
// and the statistics (medians of alternating rounds, so a busy machine slows both sides alike).
import { fileURLToPath } from 'node:url';

/** The repo root (apps/bench/src -> ../../..). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The shared spec corpus, beside the repo. */
export const specsDir = fileURLToPath(new URL('../../../../shared/specs/', import.meta.url));
export const identificationSpec = `${repoRoot}spec/identification.yaml`;
export const listPath = '/api/v3/stages/identification/';

/** The options `assay run` would pass to the engine, with the benchmark's overrides. */
export function runOptions(overrides) {
  return {
    spec: identificationSpec,
    mock: false,
    operations: [],
    tags: [],
    headers: [],
    maxExamples: 100,
    seed: 1,
    excludeChecks: [],
    concurrency: 8,
    timeoutMs: 10_000,
    unsafe: false,
    shrink: false,
    maxBodyBytes: 10 * 1024 * 1024,
    faults: [],
    ...overrides,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Calls `work` in a tight loop for `ms` milliseconds; returns calls per second. */
export function perSecond(work, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 20; i++) work();
    n += 20;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/** The same for an async `work`, `inFlight` at a time. */
export async function perSecondAsync(work, ms, inFlight = 1) {
  let n = 0;
  const start = performance.now();
  const deadline = start + ms;
  const worker = async () => {
    while (performance.now() < deadline) {
      await work();
      n += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (n * 1000) / (performance.now() - start);
}

export function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/** CPU time (user + system) of this process in ms: steadier than wall time on a shared machine. */
export function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
