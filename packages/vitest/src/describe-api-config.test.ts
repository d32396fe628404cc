import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from './_test/run-suite.js';

describe('describeApi with a config', () => {
  // The planted schema break is found without a config (see describe-api.test.ts, numeric-title):
  // the config turns that check off and skips getBook, as `assay run --config` would.
  for (const form of ['file', 'object'] as const) {
    it(`reads the config as a ${form}: its check selection and skips take effect`, async () => {
      const results = await runSuite({ BOOKS_BUG: 'numeric-title', BOOKS_CONFIG: form });
      expect(results.filter((r) => r.status === 'failed')).toEqual([]);
      const getBook = results.filter((r) => r.fullName.includes('(getBook)'));
      expect(getBook.map((r) => [r.status, r.fullName.replace(/^.* \(getBook\)/, '')])).toEqual([
        ['skipped', ': not tested (skipped by the config file: covered by the item suite)'],
      ]);
      expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThanOrEqual(3);
    });
  }
});

describe('describeApi with credentials, against a node:http server that requires an API key', () => {
  it('sends the key where the scheme says: green, the credential tests pass', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-books-keys-'));
    const seenFile = join(dir, 'seen.txt');
    const results = await runSuite({ BOOKS_KEY: 'k-31', BOOKS_AUTH: 'k-31', BOOKS_SEEN: seenFile });
    const seen = (await readFile(seenFile, 'utf8')).split('\n').filter(Boolean);
    await rm(dir, { recursive: true, force: true });
    // Most requests carry the key; the credential probes leave it out or spoil it.
    expect(seen.filter((k) => k === 'k-31').length).toBeGreaterThan(seen.length / 2);
    expect(seen.some((k) => k !== 'k-31')).toBe(true);
    expect(results.filter((r) => r.status === 'failed')).toEqual([]);
    const credentials = results.filter((r) => r.fullName.endsWith('missing and wrong credentials'));
    expect(credentials.map((r) => r.status)).toEqual(['passed', 'passed']);
    expect(results.filter((r) => r.status === 'passed').length).toBeGreaterThanOrEqual(7);
  });

  it('tests nothing without the key, and says so instead of passing on 401s', async () => {
    const results = await runSuite({ BOOKS_KEY: 'k-31' });
    expect(results.filter((r) => r.status === 'passed' || r.status === 'failed')).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  it('fails ignored-auth only when the server is planted to accept requests without the key', async () => {
    const results = await runSuite({ BOOKS_KEY: 'k-31', BOOKS_AUTH: 'k-31', BOOKS_BUG: 'ignores-auth' });
    const failed = results.filter((r) => r.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const result of failed) {
      expect(result.fullName).toMatch(/missing and wrong credentials$/);
      expect(result.failureMessages.join('\n')).toMatch(/ignored-auth/);
      expect(result.failureMessages.join('\n')).not.toContain('k-31');
    }
  });
});
