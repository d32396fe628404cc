import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** A server process started by a test: where it listens, what it printed, and how to stop it. */
export interface ChildServer {
  url: string;
  /** The last lines it wrote to stdout and stderr, for failure messages. */
  output(): string;
  /** Stops it (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. Safe to call twice. */
  close(): Promise<void>;
}

export interface StartChildServerOptions {
  command: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** Finds the URL in the server's output once it listens; `undefined` until then. */
  urlFrom?: (output: string) => string | undefined;
  /** The URL when the caller picked the port itself (then readiness is only the probe). */
  url?: string;
  /** Resolves true once the server answers as it should; polled every 250 ms. */
  ready: (url: string) => Promise<boolean>;
  /** How long to wait for readiness on a loaded machine. */
  timeoutMs?: number;
}

const running = new Set<ChildProcess>();
// A test process that dies (a crash, a worker torn down) must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a server process and waits until it is ready: its URL is known (printed or given) and
 * `ready` says yes. Throws, after stopping it, when it exits early or is not ready in time.
 */
export async function startChildServer(options: StartChildServerOptions): Promise<ChildServer> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  let exited: string | undefined;
  const exit = once(child, 'exit').then(([code, signal]) => {
    exited = `exited with ${code ?? signal}`;
    running.delete(child);
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (exited === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(timer);
      }
    })();
    return closing;
  };
  const output = () => log.split('\n').slice(-40).join('\n');
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  let url = options.url;
  while (true) {
    if (exited !== undefined) {
      throw new Error(
        `${options.command} ${options.args.join(' ')} ${exited} before it was ready:\n${output()}`,
      );
    }
    url ??= options.urlFrom?.(log);
    if (url !== undefined && (await options.ready(url).catch(() => false))) {
      return { url, output, close };
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${options.command} ${options.args.join(' ')} was not ready in time:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
