import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SUITE = new URL('./_test/suite/', import.meta.url).pathname;
const VITEST = join(createRequire(import.meta.url).resolve('vitest/package.json'), '../vitest.mjs');

interface AssertionResult {
  fullName: string;
  status: 'passed' | 'failed' | 'skipped' | 'pending';
  failureMessages: string[];
}

/** Runs the nested contract suite (a describeApi over books.yaml) in its own vitest, as a user's project would. */
async function runSuite(
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

describe('describeApi', () => {
  it('tests an Express app in-process: green when right, red on the planted pagination bug', async () => {
    const good = await runSuite({ BOOKS_APP: 'express' });
    expect(good.filter((r) => r.status === 'failed')).toEqual([]);
    expect(good.filter((r) => r.status === 'passed').length).toBeGreaterThanOrEqual(7);
    const bad = await runSuite({ BOOKS_APP: 'express', BOOKS_BUG: 'overlapping-pages' });
    const failed = bad.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.fullName)).toEqual([
      expect.stringContaining('(listBooks) list walks and query probes'),
    ]);
    expect(failed[0]?.failureMessages.join('\n')).toMatch(/pagination-no-duplicates/);
  });

  it('registers a test per operation and phase, green against a correct in-process server', async () => {
    const results = await runSuite({});
    const names = results.map((r) => r.fullName);
    expect(names).toContain(
      'contract: ' + join(SUITE, '../books.yaml') + ' GET /books/ (listBooks) list walks and query probes',
    );
    expect(names.filter((n) => n.includes('(getBook)'))).toHaveLength(4);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    // No examples in books.yaml: that phase is skipped, never shown as passed.
    const examples = results.filter((r) => r.fullName.endsWith(' examples'));
    expect(examples.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThanOrEqual(7);
  });

  it('fails the list test with a readable message when the server has a pagination bug', async () => {
    const results = await runSuite({ BOOKS_BUG: 'overlapping-pages' });
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.map((r) => r.fullName)).toEqual([
      expect.stringContaining('GET /books/ (listBooks) list walks and query probes'),
    ]);
    const message = failed[0]?.failureMessages.join('\n') ?? '';
    expect(message).toMatch(/pagination-no-duplicates/);
    expect(message).toMatch(/request.*GET http:\/\/localhost\/api\/books\//);
    expect(message).toMatch(
      /replay: ASSAY_SEED=1 npx vitest run 'books\.contract\.ts' -t '\^contract: .* list walks and query probes\$'/,
    );
    expect(message).toMatch(/curl: curl -X GET 'http:\/\/localhost\/api\/books\//);

    // The replay line runs exactly that test again, and it fails the same way.
    const replay = /replay: ASSAY_SEED=(\d+) npx vitest run '([^']+)' -t '([^']+)'/.exec(message);
    expect(replay).not.toBeNull();
    const [, seed = '', file = '', pattern = ''] = replay ?? [];
    const again = await runSuite({ BOOKS_BUG: 'overlapping-pages', ASSAY_SEED: seed }, [file, '-t', pattern]);
    expect(again.filter((r) => r.status !== 'skipped')).toEqual([
      expect.objectContaining({ status: 'failed', fullName: failed[0]?.fullName }),
    ]);
    expect(again.find((r) => r.status === 'failed')?.failureMessages.join('\n')).toMatch(
      /pagination-no-duplicates/,
    );
  });

  it('replays with ASSAY_SEED: the seed in the message is the one given', async () => {
    const results = await runSuite({ BOOKS_BUG: 'numeric-title', ASSAY_SEED: '77' });
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed)
      expect(result.failureMessages.join('\n')).toMatch(/seed 77.*response-schema-conformance/s);
  });
});
