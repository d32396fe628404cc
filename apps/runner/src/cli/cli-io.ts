import type { Dispatcher } from 'undici';

/** Where the CLI reads its environment and writes its output: injected so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT: the run stops and still writes its reports, marked incomplete. */
  signal?: AbortSignal;
  /** The working directory report paths and spec paths are relative to. */
  cwd?: string;
  /** Wraps the run's dispatcher (live or mock), to watch what goes on the wire from a test. */
  wrapDispatcher?: (dispatcher: Dispatcher) => Dispatcher;
}
