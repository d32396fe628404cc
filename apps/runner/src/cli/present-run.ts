import { formatWarning } from '../engine/format-warning.js';
import type { RunProgress, RunResult } from '../engine/run-result.js';
import { createRedactor } from '../report/create-redactor.js';
import { formatSummary } from '../report/format-summary.js';
import { CLEAR_LINE, progressLine } from '../report/progress-line.js';
import { toRunReport } from '../report/to-run-report.js';
import type { CliIo } from './cli-io.js';
import type { RunOptions } from './run-options.js';

/** Console output of `assay run`: progress while it runs, the summary at the end. */
export const presentRun = {
  /**
   * On a TTY, one line rewritten at most ten times a second; otherwise a plain line per finished
   * operation (logs keep every line). Nothing with --quiet.
   */
  progress(io: CliIo, options: Pick<RunOptions, 'quiet' | 'bearer' | 'headers'>) {
    const tty = io.stdout.isTTY === true;
    const redactor = createRedactor({
      ...(options.bearer === undefined ? {} : { bearer: options.bearer }),
      headers: options.headers.map(([name, value]) => ({ name, value })),
    });
    let last = 0;
    let shown = false;
    let doneOps = 0;
    return {
      update(progress: RunProgress) {
        if (options.quiet) return;
        if (tty) {
          const now = performance.now();
          if (now - last < 100 && progress.operationsDone === doneOps) return;
          last = now;
          shown = true;
          doneOps = progress.operationsDone;
          io.stdout.write(progressLine(progress, { tty: true, redactor }));
        } else if (progress.operationsDone !== doneOps) {
          doneOps = progress.operationsDone;
          io.stdout.write(progressLine(progress, { tty: false, redactor }));
        }
      },
      done() {
        if (shown) io.stdout.write(CLEAR_LINE);
      },
    };
  },

  /** The summary grouped by check and operation, each failure with its curl reproduction. */
  summary(io: CliIo, result: RunResult, options: Pick<RunOptions, 'quiet'>) {
    const redactor = createRedactor({ secrets: result.secrets });
    const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
    const text = formatSummary(toRunReport(result, { redactor }), { redactor, color });
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    for (const warning of result.warnings ?? []) {
      io.stderr.write(
        `assay: warning: ${redactor.text(formatWarning(warning))} (a bug in assay; please report it)\n`,
      );
    }
    // The spec's own problems (e.g. a schema no value satisfies): the operation was partly untested.
    for (const warning of result.specWarnings ?? []) {
      io.stderr.write(`assay: warning: ${redactor.text(formatWarning(warning))}\n`);
    }
    // The summary already says a run was interrupted; a time budget deserves its reason.
    if (result.incomplete && result.incompleteReason !== 'interrupted' && !options.quiet) {
      io.stdout.write(`assay: the run is incomplete (${result.incompleteReason ?? 'stopped early'})\n`);
    }
  },
};
