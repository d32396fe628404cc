import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SUITE = new URL('./suite/', import.meta.url).pathname;
const VITEST = join(createRequire(import.meta.url).resolve('vitest/package.json'), '../vitest.mjs');

export interface AssertionResult {
  fullName: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending';
  failureMessages: string[];
}

/** Runs the nested contract suite (a describeApi over books.yaml) in its own vitest, as a user's project would. */
export async function runSuite(
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<AssertionResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-vitest-'));
  const output = join(dir, 'results.json');
  try {
    await run(
      process.execPath,
      [VITEST, 'run', ...args, '--root', SUITE, '--reporter=json', `--outputFile=${output}`],
      {
        // A clean environment: the outer vitest's variables (VITEST_*, MODE, FORCE_TTY...) change how the inner one runs.
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        timeout: 240_000,
      },
    ).catch((error: unknown) => error); // a failing suite exits 1; its results are in the file
    const report = JSON.parse(await readFile(output, 'utf8')) as {
      testResults: Array<{ assertionResults: AssertionResult[] }>;
    };
    return report.testResults.flatMap((file) => file.assertionResults);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
