import type { CliIo } from '../cli/cli-io.js';

/** A CliIo that records what the CLI writes, for in-process contract tests. */
export function captureIo(env: Record<string, string | undefined> = {}, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text), isTTY: false },
    stderr: { write: (text: string) => err.push(text) },
    env,
    ...extra,
  };
  return {
    io,
    get stdout() {
      return out.join('');
    },
    get stderr() {
      return err.join('');
    },
  };
}
