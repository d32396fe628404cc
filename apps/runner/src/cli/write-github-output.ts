import { appendFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import type { Redactor } from '../report/create-redactor.js';
import { githubReport } from '../report/github-report.js';
import type { RunReport } from '../report/run-report.js';
import type { CliIo } from './cli-io.js';

/**
 * The GitHub Actions output of a run (`--report github`, and every run under `GITHUB_ACTIONS=true`):
 * the Markdown summary appended to `$GITHUB_STEP_SUMMARY` (when set) and the `::error` annotations
 * written to stdout, where the runner reads workflow commands. The spec file is named relative to
 * `GITHUB_WORKSPACE` (else the working directory), as annotations expect.
 */
export async function writeGithubOutput(
  report: RunReport,
  io: CliIo,
  redactor: Redactor,
  cwd: string,
): Promise<void> {
  const local = !/^https?:\/\//i.test(report.spec);
  const root = io.env.GITHUB_WORKSPACE ?? cwd;
  const file = local
    ? relative(root, isAbsolute(report.spec) ? report.spec : resolve(cwd, report.spec)).replace(/\\/g, '/')
    : undefined;
  const output = githubReport(report, { redactor, ...(file === undefined ? {} : { specFile: file }) });
  io.stdout.write(output.annotations);
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile === undefined || summaryFile === '') return;
  try {
    await appendFile(summaryFile, output.summary, 'utf8');
  } catch (cause) {
    throw new AssayError(
      'report-write',
      `cannot append the step summary to GITHUB_STEP_SUMMARY=${summaryFile}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { file: summaryFile, cause },
    );
  }
}
