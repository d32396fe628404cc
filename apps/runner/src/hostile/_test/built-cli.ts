import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { repoRoot } from '../../_test/paths.js';

/** The built CLI, as `npm start` and users run it: plain node on dist/. */
export const builtBin = fileURLToPath(new URL('../../../dist/bin.js', import.meta.url));

/**
 * Builds the runner and the packages it depends on (turbo, cached), so a test that spawns the CLI
 * as a user would never depends on a build left behind by someone else.
 */
export async function buildCli(): Promise<void> {
  await promisify(execFile)(
    'npx',
    ['turbo', 'run', 'build', '--filter=@assay/runner', '--output-logs=errors-only'],
    { cwd: repoRoot, timeout: 240_000, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
}

/** What a spawned CLI did. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node dist/bin.js ...argv`. `during` runs once the child is started (to interrupt it);
 * the child is killed after `timeoutMs` so a hang fails the test instead of blocking it.
 */
export function spawnCli(
  argv: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
  during?: (child: ReturnType<typeof spawn>) => void,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtBin, ...argv], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    during?.(child);
  });
}
