// The library surface of the runner: the CLI entry points, a whole run (executeRun), the engine for
// callers that bring their own transport or kit (runEngine, createTransport, createKit), and the
// result types. Engine internals (phases, the exchange pipeline, the list sequence) stay inside.
export type { CliIo } from './cli/cli-io.js';
export type { CliCommand } from './cli/parse-cli-args.js';
export { mockDefaults, parseCliArgs, runDefaults } from './cli/parse-cli-args.js';
export { exitCodes, runCli } from './cli/run-cli.js';
export type { MockOptions, ReportKind, RunOptions } from './cli/run-options.js';
export { usageText } from './cli/usage-text.js';
export type { CheckSelection } from './engine/create-kit.js';
export { createKit } from './engine/create-kit.js';
export type { Credentials } from './engine/credentials.js';
export type { EngineKit, SeenValues } from './engine/engine-kit.js';
export type { EngineOptions } from './engine/engine-options.js';
export type { ExecuteRunOptions } from './engine/execute-run.js';
export { executeRun, mockToken } from './engine/execute-run.js';
export { formatWarning } from './engine/format-warning.js';
export type { SendExchange } from './engine/list-sequence.js';
export type { EngineOutcome } from './engine/run-engine.js';
export { runEngine } from './engine/run-engine.js';
export type {
  Failure,
  OperationResult,
  ReceivedResponse,
  RunProgress,
  RunResult,
  RunWarning,
  RunWarningCode,
  SentRequest,
} from './engine/run-result.js';
export type { OperationSelection, SelectedOperations } from './engine/select-operations.js';
export { selectOperations } from './engine/select-operations.js';
export type { SendOutcome, Transport, TransportOptions } from './transport/create-transport.js';
export { createTransport } from './transport/create-transport.js';
