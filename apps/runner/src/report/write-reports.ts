import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AssayError } from '@assay/model';
import { createRedactor } from './create-redactor.js';
import { htmlReport } from './html-report.js';
import { jsonReport } from './json-report.js';
import { junitReport } from './junit-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { RunReport } from './run-report.js';

/** A report file format, as named in `--report <format>=<path>`. */
export type ReportFormat = 'json' | 'junit' | 'html';

/** One `--report <format>=<path>`. */
export interface ReportTarget {
  format: ReportFormat;
  path: string;
}

const RENDER: Record<ReportFormat, (report: RunReport, options: ReporterOptions) => string> = {
  json: jsonReport,
  junit: junitReport,
  html: htmlReport,
};

/**
 * Writes every requested report. Each file is written to a temporary name and renamed into place,
 * so a CI step never reads half a report (an interrupted run still writes whole files), and missing
 * parent folders are created. Every target is attempted even if one fails, so one bad path does not
 * lose the other reports; then the first failure is thrown as an `AssayError` with code
 * `report-write`, naming the path and the `--report` flag.
 */
export async function writeReports(
  report: RunReport,
  targets: readonly ReportTarget[],
  options: ReporterOptions = {},
): Promise<void> {
  const rendered = { ...options, redactor: options.redactor ?? createRedactor() };
  let firstError: AssayError | undefined;
  for (const target of targets) {
    const temporary = `${target.path}.${process.pid}.tmp`;
    try {
      const text = RENDER[target.format](report, rendered);
      await mkdir(dirname(target.path), { recursive: true });
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, target.path);
    } catch (cause) {
      await rm(temporary, { force: true }).catch(() => undefined);
      const reason = cause instanceof Error ? cause.message : String(cause);
      firstError ??= new AssayError(
        'report-write',
        `Cannot write the ${target.format} report to ${target.path}: ${reason}. ` +
          `Choose a writable path with --report ${target.format}=<path>.`,
        { flag: '--report', file: target.path, cause },
      );
    }
  }
  if (firstError !== undefined) throw firstError;
}
