import { isAbsolute, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { executeRun } from '../engine/execute-run.js';
import type { RunResult } from '../engine/run-result.js';
import { createRedactor } from '../report/create-redactor.js';
import { toRunReport } from '../report/to-run-report.js';
import { writeReports } from '../report/write-reports.js';
import type { CliIo } from './cli-io.js';
import { notUnderstoodLists } from './not-understood-lists.js';
import { presentRun } from './present-run.js';
import type { RunOptions } from './run-options.js';
import { checkReportPaths } from './write-reports.js';

/** `assay run`: loads the spec, runs the engine against the target, writes reports; returns the exit code. */
export async function runRunCommand(options: RunOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  await checkReportPaths(options.reports, cwd);
  const api = await loadApi(specSource(options.spec, cwd));
  if (!options.quiet) for (const line of notUnderstoodLists(api)) io.stderr.write(`${line}\n`);
  const pool =
    options.baseUrl === undefined
      ? undefined
      : new Pool(options.baseUrl.origin, {
          connections: options.concurrency,
          keepAliveTimeout: 10_000,
          connect: { timeout: Math.min(options.timeoutMs, 30_000) },
        });
  let result: RunResult;
  try {
    const live = presentRun.progress(io, options);
    result = await executeRun(api, {
      ...options,
      ...(pool === undefined ? {} : { dispatcher: pool }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: live.update,
    });
    live.done();
  } finally {
    await pool?.close().catch(() => undefined);
  }
  const redactor = createRedactor({ secrets: result.secrets });
  // A report that cannot be written at the end (the disk filled, the folder went away) must not
  // also lose what the run found: the summary is printed first, then the error.
  let unwritten: unknown;
  try {
    await writeReports(
      toRunReport(result, { redactor }),
      options.reports.map((r) => ({ format: r.kind, path: resolve(cwd, r.path) })),
      { redactor },
    );
  } catch (error) {
    unwritten = error;
  }
  presentRun.summary(io, result, options);
  if (unwritten !== undefined) throw unwritten;
  const untested = result.operations.filter((op) => op.skipped !== undefined && op.requests === 0);
  if (untested.length > 0 && untested.length === result.operations.length) {
    const unsafe = untested.filter((op) => op.skipped?.includes('--unsafe')).length;
    io.stderr.write(
      `assay: no operation was tested (${untested.length} skipped${unsafe > 0 ? `, ${unsafe} of them because only GET, HEAD and OPTIONS are sent without --unsafe` : ''})\n`,
    );
  }
  // Interrupted by the user: the conventional 128 + SIGINT, so a script never mistakes it for a pass.
  if (io.signal?.aborted === true) return 130;
  if (result.failures.some((f) => f.violation.severity === 'error')) return 1;
  return 0;
}

/** A URL stays a URL; a path is resolved against the working directory. */
function specSource(spec: string, cwd: string): string {
  if (/^https?:\/\//i.test(spec)) return spec;
  if (spec.trim() === '') throw new AssayError('usage', 'the <spec> argument is empty');
  return isAbsolute(spec) ? spec : resolve(cwd, spec);
}
