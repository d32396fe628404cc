import type { RunProgress } from '../engine/run-result.js';
import { leftOutBySelection } from '../engine/select-operations.js';
import type { Redactor } from '../report/create-redactor.js';
import { formatHeader, type RunHeader } from '../report/format-header.js';
import { formatOperationLine } from '../report/format-operation-line.js';
import { formatSummary } from '../report/format-summary.js';
import { CLEAR_LINE, progressLine } from '../report/progress-line.js';
import type { OperationReport, RunReport } from '../report/run-report.js';
import type { CliIo, CliStream } from './cli-io.js';
import { colorEnabled } from './color-enabled.js';
import type { RunOptions } from './run-options.js';

/** The console of one `assay run`: see {@link presentRun}. */
export interface RunConsole {
  /** The run header, before anything is sent. */
  header(header: RunHeader): void;
  /** The live progress line (a TTY only): rewritten in place, at most ten times a second. */
  progress(progress: RunProgress): void;
  /**
   * A finished operation. Plain output prints a line for one that failed or was not tested (and,
   * with `--verbose`, for one that passed); a TTY prints nothing, the summary says it all.
   */
  operation(operation: OperationReport): void;
  /**
   * Clears the progress line, prints what `operation` did not yet, then the summary, redacted with
   * `final` when given (the secrets known once the run is over).
   */
  summary(report: RunReport, final?: Redactor): void;
  /** A line on stderr, after the progress line is cleared. */
  warn(text: string): void;
}

/**
 * Console output of `assay run`. It goes to stdout, or to stderr when a report is written to
 * stdout (`--report json=-`). On a TTY: the header, one progress line fitting the terminal's width
 * and redrawn in place, then the summary. Elsewhere (CI logs keep every line): the header, one line
 * per operation that failed or was not tested, then the summary. `--quiet` leaves out progress and
 * operation lines and the per-check table; `--verbose` adds a line per passing operation.
 */
export function presentRun(
  io: CliIo,
  options: Pick<RunOptions, 'quiet' | 'verbose' | 'color' | 'reports'>,
  redactor: Redactor,
): RunConsole {
  const toStdout = options.reports.some((r) => r.path === '-');
  const stream: CliStream = toStdout ? io.stderr : io.stdout;
  const tty = stream.isTTY === true;
  const color = colorEnabled(options.color, io.env, tty);
  const printed = new Set<string>();
  let last = 0;
  let shown = false;
  let doneOps = -1;
  const clear = (): void => {
    if (!shown) return;
    stream.write(CLEAR_LINE);
    shown = false;
  };
  // An operation the selection left out (--operation, --tag, --shard) gets no line of its own: the
  // summary counts and lists them by reason, and a shard's log would otherwise name the whole spec.
  const worth = (operation: OperationReport): boolean =>
    operation.state === 'passed'
      ? options.verbose === true
      : operation.reason === undefined || !leftOutBySelection(operation.reason);
  const printOperation = (operation: OperationReport): void => {
    if (options.quiet || tty || printed.has(operation.operationId)) return;
    printed.add(operation.operationId);
    if (worth(operation)) stream.write(formatOperationLine(operation, { color, redactor }));
  };
  return {
    header(header) {
      stream.write(formatHeader(header, { color, redactor }));
    },
    progress(progress) {
      if (options.quiet || !tty) return;
      const now = performance.now();
      if (now - last < 100 && progress.operationsDone === doneOps) return;
      last = now;
      shown = true;
      doneOps = progress.operationsDone;
      stream.write(
        progressLine(progress, {
          tty: true,
          redactor,
          ...(stream.columns === undefined ? {} : { columns: stream.columns }),
        }),
      );
    },
    operation: printOperation,
    summary(report, final = redactor) {
      clear();
      for (const operation of report.operations) printOperation(operation);
      const text = formatSummary(report, { redactor: final, color, header: false, quiet: options.quiet });
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    warn(text) {
      clear();
      io.stderr.write(`${redactor.text(text)}\n`);
    },
  };
}
