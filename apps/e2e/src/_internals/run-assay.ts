import type { Failure, RunResult } from '@assay/runner';
import { executeRun, runDefaults } from '@assay/runner';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';

/** One run of Assay against a live server, as `assay run <spec> --base-url <url>` does it. */
export interface AssayRun {
  result: RunResult;
  /** What `assay run` would exit with: 1 when an error-severity failure was found, else 0. */
  exitCode: 0 | 1;
}

/**
 * Loads the spec with @assay/spec and runs the runner's engine against `baseUrl` through an undici
 * pool, with the CLI's defaults. Runs on the sources, so a change anywhere in the tool is tested here.
 */
export async function runAssay(options: {
  spec: string;
  baseUrl: string;
  bearer?: string;
  maxExamples: number;
  seed: number;
}): Promise<AssayRun> {
  const api = await loadApi(options.spec);
  const baseUrl = new URL(options.baseUrl);
  const pool = new Pool(baseUrl.origin, { connections: runDefaults.concurrency, keepAliveTimeout: 10_000 });
  try {
    const result = await executeRun(api, {
      spec: options.spec,
      baseUrl,
      mock: false,
      dispatcher: pool,
      operations: [],
      tags: [],
      headers: [],
      ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
      maxExamples: options.maxExamples,
      seed: options.seed,
      excludeChecks: [],
      concurrency: runDefaults.concurrency,
      timeoutMs: 30_000,
      unsafe: false,
      shrink: true,
      maxBodyBytes: runDefaults.maxBodyBytes,
      faults: [],
    });
    const exitCode = result.failures.some((f) => f.violation.severity === 'error') ? 1 : 0;
    return { result, exitCode };
  } finally {
    await pool.close();
  }
}

/** A finding in one line: check, status, what was sent and what was said; for test output. */
export function describeFailure(failure: Failure): string {
  const url = new URL(failure.request.url);
  return `${failure.violation.check} [${failure.violation.severity}] ${failure.response?.status ?? 'no response'} ${url.pathname}${url.search} ${failure.violation.pointer} ${failure.violation.keyword}: ${failure.violation.message}`;
}
