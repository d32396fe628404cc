import { escapeTerminal } from './_internals/escape-terminal.js';
import { formatDuration } from './_internals/format-duration.js';
import { plural } from './_internals/plural.js';
import type { Redactor } from './create-redactor.js';

/** Where a run stands: the engine's progress event. */
export interface ProgressState {
  operationsDone: number;
  operationsTotal: number;
  requests: number;
  failures: number;
  errors?: number;
  elapsedMs: number;
  /** The operation being tested, e.g. `GET /stages/identification/`. */
  current?: string;
}

/** Options of {@link progressLine}. */
export interface ProgressOptions {
  /** A TTY gets one line rewritten in place; anything else gets plain lines. */
  tty: boolean;
  /** Terminal width: the live line is cut to fit, since a wrapped line cannot be rewritten. */
  columns?: number;
  redactor?: Redactor;
}

/** Erases the live progress line: write it before the summary. */
export const CLEAR_LINE = '\r\u001b[2K';

function rate(requests: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return '0 req/s';
  const perSecond = requests / (elapsedMs / 1000);
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)} req/s`;
}

/**
 * The progress output to write as is: on a TTY, `CLEAR_LINE` + one line (operations done/total,
 * requests, failures, rate, elapsed, current operation) cut to the terminal width, to be rewritten
 * on every update; otherwise the same facts as a plain line ending in `\n`, meant to be written
 * sparingly (per operation), since logs keep every line.
 */
export function progressLine(state: ProgressState, options: ProgressOptions): string {
  const parts = [
    `${state.operationsDone}/${state.operationsTotal} operations`,
    plural(state.requests, 'request'),
    plural(state.failures, 'failure'),
    ...(state.errors ? [plural(state.errors, 'error')] : []),
    rate(state.requests, state.elapsedMs),
    formatDuration(state.elapsedMs),
  ];
  const current =
    state.current === undefined ? '' : escapeTerminal(options.redactor?.text(state.current) ?? state.current);
  let line = `assay ${parts.join(' · ')}${current === '' ? '' : ` · ${current}`}`;
  if (!options.tty) return `${line}\n`;
  const width = Math.max(20, (options.columns ?? 80) - 1);
  const chars = [...line];
  if (chars.length > width) line = `${chars.slice(0, width - 1).join('')}…`;
  return `${CLEAR_LINE}${line}`;
}
