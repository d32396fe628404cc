import { escapeTerminal } from './_internals/escape-terminal.js';
import { palette } from './_internals/palette.js';
import { plural } from './_internals/plural.js';
import type { Redactor } from './create-redactor.js';
import type { OperationReport } from './run-report.js';

/**
 * One line for one finished operation, as plain (non-TTY) output prints it: `✗` with the failing
 * checks, `○` with why it was not tested, `✓` with what was judged.
 */
export function formatOperationLine(
  operation: Pick<
    OperationReport,
    'operationId' | 'method' | 'path' | 'state' | 'reason' | 'requests' | 'outcomes'
  >,
  options: { color?: boolean; redactor?: Redactor } = {},
): string {
  const paint = palette(options.color === true);
  const t = (value: string): string => escapeTerminal(options.redactor?.text(value) ?? value);
  const title = `${t(operation.method)} ${t(operation.path)}  ${paint.dim(t(operation.operationId))}`;
  if (operation.state === 'not-tested') {
    return `${paint.yellow('○')} ${title}: not tested (${t(operation.reason ?? 'nothing was sent')})\n`;
  }
  const failing = operation.outcomes.filter((o) => o.state === 'failed').map((o) => t(o.check));
  const cut = operation.reason === undefined ? '' : paint.yellow(` (${t(operation.reason)})`);
  if (operation.state === 'failed') {
    return `${paint.red('✗')} ${title}: ${plural(operation.requests, 'request')}, failed ${failing.join(', ')}${cut}\n`;
  }
  const passed = operation.outcomes.filter((o) => o.state === 'passed').length;
  return `${paint.green('✓')} ${title}: ${plural(operation.requests, 'request')}, ${plural(passed, 'check')} passed${cut}\n`;
}
