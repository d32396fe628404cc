import { randomInt } from 'node:crypto';
import { AssayError } from '@assay/model';
import { assayVersion } from './assay-version.js';
import type { CliIo } from './cli-io.js';
import { parseCliArgs } from './parse-cli-args.js';
import { runDiffCommand } from './run-diff-command.js';
import { runInspectCommand } from './run-inspect-command.js';
import { runMockCommand } from './run-mock-command.js';
import { runReplayCommand } from './run-replay-command.js';
import { runRunCommand } from './run-run-command.js';
import { usageText } from './usage-text.js';

/** Exit codes of `assay` (stable: CI gates depend on them). */
export const exitCodes = { ok: 0, failures: 1, usage: 2, unreachable: 3 } as const;

/**
 * The `assay` command line, in-process: parses `argv` (without node and the script), runs the
 * command and returns the exit code. Errors the user can cause are printed as one line on stderr,
 * without a stack trace: 2 for usage, config and spec errors, 3 when the target is unreachable.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      io.stdout.write(`${assayVersion()}\n`);
      return exitCodes.ok;
    }
    const command = parseCliArgs(argv, io.env, () => randomInt(0, 2 ** 31));
    if (command.command === 'help') {
      io.stdout.write(`${usageText(command.topic)}\n`);
      return exitCodes.ok;
    }
    if (command.command === 'mock') return await runMockCommand(command, io);
    if (command.command === 'diff') return await runDiffCommand(command, io);
    if (command.command === 'replay') return await runReplayCommand(command, io);
    if (command.command === 'inspect') return await runInspectCommand(command, io);
    return await runRunCommand(command, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (AssayError.is(error)) {
    const where = locationOf(error);
    const hint = error.details.hint === undefined ? '' : ` (${error.details.hint})`;
    io.stderr.write(`assay: ${error.code}: ${oneLine(error.message)}${where}${hint}\n`);
    if (io.env.ASSAY_DEBUG !== undefined) io.stderr.write(`${error.stack}\n`);
    return error.code === 'target-unreachable' ? exitCodes.unreachable : exitCodes.usage;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`assay: internal error: ${oneLine(message)} (this is a bug in assay; please report it)\n`);
  if (io.env.ASSAY_DEBUG !== undefined && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  return exitCodes.usage;
}

function locationOf(error: AssayError): string {
  const { file, line, column, pointer } = error.details;
  if (file === undefined) return pointer === undefined ? '' : ` at ${pointer}`;
  const position = line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`;
  const inner = pointer === undefined ? '' : ` ${pointer}`;
  return error.message.includes(file) ? '' : ` at ${file}${position}${inner}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
