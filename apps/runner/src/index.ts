// The library surface of the runner: the CLI entry points, a whole run (executeRun), the engine for
// callers that bring their own transport or kit (runEngine, createTransport, createKit), and the
// result types. Engine internals (phases, the exchange pipeline, the list sequence) stay inside.
export type {
  AuthSettings,
  BasicCredentials,
  OAuth2ClientCredentials,
  SchemeCredentials,
} from './auth/auth-settings.js';
export type { CliIo } from './cli/cli-io.js';
export type { CliCommand } from './cli/parse-cli-args.js';
export { mockDefaults, parseCliArgs, runDefaults } from './cli/parse-cli-args.js';
export { exitCodes, runCli } from './cli/run-cli.js';
export type { MockOptions, ReportKind, RunOptions } from './cli/run-options.js';
export { usageText } from './cli/usage-text.js';
export type {
  AssayConfig,
  ConfiguredStatus,
  LoadedConfig,
  OperationSettings,
  RunSettings,
} from './config/assay-config.js';
export { configFromValue } from './config/config-from-value.js';
export { configJsonSchema } from './config/config-json-schema.js';
export type { ConfiguredRunOptions } from './config/configure-run.js';
export { configureRun } from './config/configure-run.js';
export type { ConfiguredLibraryRun } from './config/configured-library-run.js';
export { configuredLibraryRun } from './config/configured-library-run.js';
export type { ConfiguredRun } from './config/configured-run.js';
export type { CheckDefinition, DefinedCheck, RunCheck, RunViolation } from './config/define-check.js';
export { defineCheck } from './config/define-check.js';
export type { DefinedHook, HookContext, RequestHook } from './config/define-hook.js';
export { defineHook } from './config/define-hook.js';
export type { ConfiguredApi } from './config/load-configured-api.js';
export { loadConfiguredApi } from './config/load-configured-api.js';
export type { LoadedPlugins } from './config/load-plugins.js';
export { loadPlugins, noPlugins } from './config/load-plugins.js';
export type { OperationPlan, PlannedOperation } from './config/plan-operations.js';
export { readConfigFile } from './config/read-config-file.js';
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
export type { Redactor, RedactorOptions } from './report/create-redactor.js';
export { createRedactor } from './report/create-redactor.js';
export type { CurlOptions } from './report/curl-command.js';
export { curlCommand } from './report/curl-command.js';
export type { SendOutcome, Transport, TransportOptions } from './transport/create-transport.js';
export { createTransport } from './transport/create-transport.js';
