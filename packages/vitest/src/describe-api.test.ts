import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite, SUITE } from './_test/run-suite.js';

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
    expect(message).toMatch(/curl: curl (-i )?-X GET 'http:\/\/localhost\/api\/books\//);

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
