export type { CliCommand } from './cli/parse-cli-args.js';
export { mockDefaults, parseCliArgs, runDefaults } from './cli/parse-cli-args.js';
export type { MockOptions, ReportKind, RunOptions } from './cli/run-options.js';
export { usageText } from './cli/usage-text.js';
export type {
  Failure,
  OperationResult,
  ReceivedResponse,
  RunProgress,
  RunResult,
  SentRequest,
} from './engine/run-result.js';
