import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { captureIo } from '../../_test/capture-io.js';
import { runCli } from '../../cli/run-cli.js';

/** One request as it reached the target, with the status it got. */
export interface WireEntry {
  method: string;
  path: string;
  headers: Record<string, string>;
  status?: number;
}

/** A temporary folder holding the given files (text, or JSON for objects). */
export async function folderWith(files: Record<string, string | object>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-config-run-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

/**
 * Runs `assay run` in-process with the given folder as the working directory, recording every
 * request that reaches the target and the status it got.
 */
export async function runInFolder(dir: string, argv: string[], env: Record<string, string> = {}) {
  const wire: WireEntry[] = [];
  const out = captureIo(env, { cwd: dir, wrapDispatcher: recorder(wire) });
  const code = await runCli(['run', ...argv], out.io);
  return { code, wire, stdout: out.stdout, stderr: out.stderr };
}

function recorder(wire: WireEntry[]) {
  return (dispatcher: Dispatcher): Dispatcher =>
    dispatcher.compose((dispatch) => (options, handler) => {
      const entry: WireEntry = {
        method: options.method,
        path: options.path,
        headers: { ...(options.headers as Record<string, string> | undefined) },
      };
      wire.push(entry);
      const start = handler.onResponseStart?.bind(handler);
      return dispatch(options, {
        ...handler,
        onRequestStart: handler.onRequestStart?.bind(handler),
        onResponseData: handler.onResponseData?.bind(handler),
        onResponseEnd: handler.onResponseEnd?.bind(handler),
        onResponseError: handler.onResponseError?.bind(handler),
        onResponseStart(controller, statusCode, headers, statusMessage) {
          entry.status = statusCode;
          start?.(controller, statusCode, headers, statusMessage);
        },
      });
    });
}
