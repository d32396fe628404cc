import { escapeTerminal } from './_internals/escape-terminal.js';
import type { ReportSequenceStep } from './run-report.js';

/** Longest request body shown on a step line; the rest is cut with `…`. */
const BODY_CHARS = 72;

/**
 * The lines of a failing sequence for the console, numbered, one call each: method, URL, the
 * body sent (cut), the status, and what the step did; the last one (the step that failed) marked.
 * Server-controlled text is made terminal-safe.
 */
export function formatSequence(
  sequence: readonly ReportSequenceStep[],
  paint: { red(text: string): string; dim(text: string): string } = { red: (t) => t, dim: (t) => t },
): string[] {
  const lines = [paint.dim(`sequence (${sequence.length} step${sequence.length === 1 ? '' : 's'}, shrunk):`)];
  sequence.forEach((step, index) => {
    const last = index === sequence.length - 1;
    const body =
      step.body === null
        ? ''
        : ` ${step.body.length > BODY_CHARS ? `${step.body.slice(0, BODY_CHARS)}…` : step.body}`;
    const status = step.status === null ? 'no response' : String(step.status);
    const note = step.note === undefined ? '' : paint.dim(`  (${step.note})`);
    const line = `${index + 1}. ${step.method} ${step.url}${body} → ${status}${note}`;
    lines.push(escapeTerminal(last ? `${line}  ${paint.red('✗')}` : line));
  });
  return lines;
}
