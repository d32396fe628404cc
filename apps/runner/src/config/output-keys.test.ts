import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssayError } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli/parse-cli-args.js';
import type { RunOptions } from '../cli/run-options.js';
import { configureRun } from './configure-run.js';

async function configured(config: string, argv: string[] = [], env: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'assay-output-keys-'));
  await writeFile(join(dir, 'assay.config.yaml'), config);
  const flags = parseCliArgs(['run', 's.yaml', ...argv], env, () => 1) as RunOptions;
  return { dir, run: await configureRun(flags, { cwd: dir, env }) };
}

async function refused(config: string): Promise<string> {
  const error = await configured(config).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AssayError.is(error)) throw new Error('expected the file to be refused');
  return error.message;
}

describe('the config keys of the output and credential flags', () => {
  it('takes verbose, maxFailures, color, every report kind and an OAuth2 client from the file', async () => {
    const { dir, run } = await configured(
      [
        'mock: true',
        'verbose: true',
        'maxFailures: 3',
        'color: false',
        'reports: {json: out/r.json, ndjson: "-", github: true}',
        'auth: {oauth2: {clientId: app, clientSecret: s, scopes: [read]}}',
      ].join('\n'),
    );
    expect(run.options).toMatchObject({
      verbose: true,
      maxFailures: 3,
      color: false,
      auth: { oauth2: { clientId: 'app', clientSecret: 's', scopes: ['read'] } },
    });
    expect(run.options.reports).toEqual([
      { kind: 'json', path: join(dir, 'out/r.json') },
      { kind: 'ndjson', path: '-' },
      { kind: 'github', path: '' },
    ]);
  });

  it('lets the flags win: --quiet over verbose, --no-color, --max-failures, --report', async () => {
    const { run } = await configured(
      'mock: true\nverbose: true\nmaxFailures: 3\ncolor: true\nreports: {github: true}\n',
      ['--quiet', '--no-color', '--max-failures', '9', '--report', 'json=-'],
    );
    expect(run.options).toMatchObject({ quiet: true, verbose: false, color: false, maxFailures: 9 });
    expect(run.options.reports).toEqual([{ kind: 'json', path: '-' }]);
  });

  it('merges credentials kind by kind, flags (and their environment variables) over the file', async () => {
    const { run } = await configured(
      'mock: true\nauth: {bearer: file-token, basic: {username: u, password: file}}\n',
      ['--auth-basic', 'u:flag'],
      { ASSAY_API_KEY: 'env-key' },
    );
    expect(run.options.auth).toMatchObject({
      bearer: 'file-token',
      basic: { username: 'u', password: 'flag' },
      apiKey: 'env-key',
    });
  });

  it('refuses what the flags refuse, at the key', async () => {
    expect(await refused('mock: true\nquiet: true\nverbose: true\n')).toMatch(
      /assay\.config\.yaml:3:\d+: verbose: use either quiet or verbose, not both/,
    );
    expect(await refused('mock: true\nreports: {junit: "-"}\n')).toMatch(
      /assay\.config\.yaml:2:\d+: reports\.junit: only json and ndjson reports can be written to stdout/,
    );
    expect(await refused('mock: true\nauth: {oauth2: {clientId: a, username: u}}\n')).toMatch(
      /auth\.oauth2: the password grant needs both username and password/,
    );
    expect(await refused('mock: true\nmaxFailures: 0\n')).toMatch(/maxFailures/);
  });
});
