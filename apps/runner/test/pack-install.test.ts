import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/_test/paths.js';
import { buildCli } from '../src/hostile/_test/built-cli.js';

const run = promisify(execFile);

/** Every package a user gets with `npm install @assay/runner`, in the repository. */
const publishable = [
  'packages/model',
  'packages/patterns',
  'packages/json-schema',
  'packages/spec',
  'packages/generators',
  'packages/checks',
  'packages/mock',
  'apps/runner',
];

/** npm's codes for "the registry could not be reached" (a fetch it could not make offline). */
const offline = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/;

const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
    // The temporary project must not see the repository's workspaces or its npm settings.
    env: { ...process.env, npm_config_workspace: undefined, npm_config_workspaces: undefined },
  });

let project: string;
let tarballs: string[];
/** Why the install could not be done here; undefined when it was. */
let unreachable: string | undefined;

beforeAll(async () => {
  await buildCli();
  project = await mkdtemp(join(tmpdir(), 'assay-pack-install-'));
  const { stdout } = await npm(
    ['pack', '--json', '--pack-destination', project, ...publishable.flatMap((dir) => ['-w', dir])],
    repoRoot,
  );
  tarballs = (JSON.parse(stdout) as Array<{ filename: string }>).map((entry) =>
    join(project, entry.filename.replace(/^@/, '').replace('/', '-')),
  );
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'assay-user', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  // The tarballs satisfy each other's exact-version dependencies; third-party packages come from
  // npm's cache when it has them (it does after `npm ci` in the repository), else the registry.
  try {
    await npm(['install', '--prefer-offline', '--save-dev', ...tarballs], project);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    if (!offline.test(stderr)) throw error;
    unreachable = `needs the npm registry or a warm npm cache for third-party packages (${offline.exec(stderr)?.[0]})`;
  }
}, 600_000);

afterAll(async () => {
  if (project !== undefined) await rm(project, { recursive: true, force: true });
});

describe('the packages as npm would publish them', () => {
  it('every tarball has its LICENSE, README, package.json and built entry point, and no sources or tests', async () => {
    expect(tarballs).toHaveLength(publishable.length);
    const { stdout } = await npm(
      ['pack', '--dry-run', '--json', ...publishable.flatMap((dir) => ['-w', dir])],
      repoRoot,
    );
    for (const entry of JSON.parse(stdout) as Array<{ name: string; files: Array<{ path: string }> }>) {
      const files = entry.files.map((file) => file.path);
      expect(files, entry.name).toEqual(
        expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']),
      );
      expect(
        files.filter((file) => file.startsWith('src/') || /\.test\.|_test\//.test(file)),
        entry.name,
      ).toEqual([]);
    }
  });

  it('installs into an empty project, and `npx assay` there prints its version and runs a spec on the mock', async (context) => {
    if (unreachable !== undefined) {
      process.stderr.write(`pack-install: skipped: ${unreachable}\n`);
      context.skip(unreachable);
    }
    const { version } = JSON.parse(await readFile(join(repoRoot, 'apps/runner/package.json'), 'utf8'));
    const npx = (args: string[]) =>
      run('npx', ['--no-install', 'assay', ...args], { cwd: project, timeout: 120_000 });
    expect((await npx(['--version'])).stdout).toBe(`${version}\n`);
    expect((await npx(['-V'])).stdout).toBe(`${version}\n`);

    // The spec is copied in: nothing of the repository is reachable from the project but the tarballs.
    await writeFile(join(project, 'petstore.yaml'), await readFile(join(repoRoot, 'spec/petstore.yaml')));
    const result = await npx([
      'run',
      'petstore.yaml',
      '--mock',
      '--unsafe',
      '--max-examples',
      '10',
      '--seed',
      '1',
    ]);
    expect(result.stdout).toMatch(/✓ 3 operations · \d+ requests · 0 failures/);
  });
});
