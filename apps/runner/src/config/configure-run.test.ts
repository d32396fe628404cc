// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the config file's ${VAR} syntax is what these tests are about
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli/parse-cli-args.js';
import type { RunOptions } from '../cli/run-options.js';
import type { LoadedConfig } from './assay-config.js';
import { configureRun } from './configure-run.js';
import { mergeRunOptions } from './merge-run-options.js';
import { parseConfigText } from './parse-config-text.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-configure-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

const flags = (...argv: string[]) => parseCliArgs(['run', ...argv], {}, () => 99) as RunOptions;

async function configured(dir: string, argv: string[], env: Record<string, string> = {}) {
  return configureRun(flags(...argv), { cwd: dir, env });
}

async function rejection(promise: Promise<unknown>): Promise<AssayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AssayError.is(error)) throw new Error(`expected an AssayError, got ${String(error)}`);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('configureRun: discovery', () => {
  it.each(['assay.config.yaml', 'assay.config.yml', 'assay.config.json'])(
    'finds %s in the working directory',
    async (name) => {
      const dir = await folder({
        [name]: name.endsWith('json') ? '{"mock": true, "seed": 5}' : 'mock: true\nseed: 5\n',
      });
      const run = await configured(dir, ['spec.yaml']);
      expect(run.config?.shown).toBe(name);
      expect(run.options).toMatchObject({ mock: true, seed: 5 });
    },
  );

  it('runs on flags alone when there is no file', async () => {
    const dir = await folder({});
    const run = await configured(dir, ['spec.yaml', '--mock']);
    expect(run.config).toBeUndefined();
    expect(run.options.seed).toBe(99);
    // Without a file, a run still needs a target.
    expect((await rejection(configured(dir, ['spec.yaml']))).message).toContain('missing target');
  });

  it('reads the file named with --config instead, relative paths resolved against that file', async () => {
    const dir = await folder({
      'assay.config.yaml': 'seed: 1\nmock: true\n',
      'contract/ci.yaml':
        'spec: ../api/openapi.yaml\nbaseUrl: http://127.0.0.1:9000/api\nreports: {json: out/r.json}\n',
    });
    const run = await configured(dir, ['--config', 'contract/ci.yaml']);
    expect(run.config?.shown).toBe(join('contract', 'ci.yaml'));
    expect(run.options.spec).toBe(join(dir, 'api', 'openapi.yaml'));
    expect(run.options.baseUrl?.href).toBe('http://127.0.0.1:9000/api');
    expect(run.options.reports).toEqual([{ kind: 'json', path: join(dir, 'contract', 'out', 'r.json') }]);
    expect(run.options.seed).toBe(99);
  });

  it('refuses two config files side by side, and a --config that does not exist', async () => {
    const dir = await folder({ 'assay.config.yaml': 'mock: true', 'assay.config.json': '{}' });
    expect((await rejection(configured(dir, ['s.yaml']))).message).toContain(
      'found assay.config.yaml and assay.config.json',
    );
    expect((await rejection(configured(dir, ['s.yaml', '--config', 'other.yaml']))).message).toBe(
      'other.yaml: config file not found',
    );
  });
});

describe('configureRun: precedence', () => {
  const file = [
    'mock: true',
    'maxExamples: 20',
    'seed: 3',
    'concurrency: 2',
    'timeout: 900',
    'excludeChecks: [ignored-auth]',
    'shrink: false',
    'quiet: true',
    'headers: {X-Tenant: file, X-Trace: on}',
    'only: {operations: [listUsers], tags: [users]}',
    'shard: 1/2',
  ].join('\n');

  it('takes every key of the file when no flag is given', async () => {
    const run = await configured(await folder({ 'assay.config.yaml': file }), ['s.yaml']);
    expect(run.options).toMatchObject({
      mock: true,
      maxExamples: 20,
      seed: 3,
      concurrency: 2,
      timeoutMs: 900,
      excludeChecks: ['ignored-auth'],
      shrink: false,
      quiet: true,
      headers: [
        ['x-tenant', 'file'],
        ['x-trace', 'on'],
      ],
      operations: ['listUsers'],
      tags: ['users'],
      shard: { index: 1, count: 2 },
    });
  });

  it('lets each flag win over the file', async () => {
    const run = await configured(await folder({ 'assay.config.yaml': file }), [
      ...['s.yaml', '--base-url', 'http://127.0.0.1:1/x', '--max-examples', '4', '--seed', '8'],
      ...['--concurrency', '9', '--timeout', '100', '--exclude-checks', 'a', '--operation', 'other'],
      ...['--header', 'X-Tenant: flag', '--shard', '2/2'],
    ]);
    expect(run.options).toMatchObject({
      mock: false,
      maxExamples: 4,
      seed: 8,
      concurrency: 9,
      timeoutMs: 100,
      excludeChecks: ['a'],
      operations: ['other'],
      tags: ['users'],
      shard: { index: 2, count: 2 },
      // Headers merge by name; the flag's value wins.
      headers: [
        ['x-trace', 'on'],
        ['x-tenant', 'flag'],
      ],
    });
    expect(run.options.baseUrl?.href).toBe('http://127.0.0.1:1/x');
  });

  it('takes --auth-bearer, then ASSAY_BEARER, over the file', async () => {
    const dir = await folder({ 'assay.config.yaml': 'mock: true\nauth: {bearer: from-file}' });
    expect((await configured(dir, ['s.yaml'])).options.bearer).toBe('from-file');
    const withEnv = await configureRun(
      parseCliArgs(['run', 's.yaml'], { ASSAY_BEARER: 'from-env' }, () => 1) as RunOptions,
      {
        cwd: dir,
        env: {},
      },
    );
    expect(withEnv.options.bearer).toBe('from-env');
    expect((await configured(dir, ['s.yaml', '--auth-bearer', 'from-flag'])).options.bearer).toBe(
      'from-flag',
    );
  });
});

describe('configureRun: targets', () => {
  const file = [
    'target: local',
    'maxExamples: 10',
    'headers: {X-Tenant: acme}',
    'auth: {schemes: {tokenAuth: {token: top}, basicAuth: {username: u, password: p}}}',
    'targets:',
    '  local: {mock: true, items: 12}',
    '  staging:',
    '    baseUrl: https://staging.example.com/api/v3',
    '    maxExamples: 50',
    '    headers: {X-Env: staging}',
    '    auth: {schemes: {tokenAuth: {token: "${STAGING_TOKEN}"}}}',
  ].join('\n');

  it('uses the file’s default target, and the one --target names', async () => {
    const dir = await folder({ 'assay.config.yaml': file });
    const local = await configured(dir, ['s.yaml'], { STAGING_TOKEN: 's' });
    expect(local.target).toBe('local');
    expect(local.options).toMatchObject({ mock: true, items: 12, maxExamples: 10 });
    const staging = await configured(dir, ['s.yaml', '--target', 'staging'], { STAGING_TOKEN: 'st-1' });
    expect(staging.target).toBe('staging');
    expect(staging.options.mock).toBe(false);
    expect(staging.options.baseUrl?.href).toBe('https://staging.example.com/api/v3');
    expect(staging.options.maxExamples).toBe(50);
    expect(staging.options.headers).toEqual([
      ['x-tenant', 'acme'],
      ['x-env', 'staging'],
    ]);
    // Credentials merge by scheme name: the target's win, the others stay.
    expect(staging.options.auth).toEqual({
      schemes: { tokenAuth: { token: 'st-1' }, basicAuth: { username: 'u', password: 'p' } },
    });
  });

  it('lets a target choose the mock over the top level’s server, and the other way round', async () => {
    const dir = await folder({
      'assay.config.yaml':
        'baseUrl: http://127.0.0.1:1/api\ntargets:\n  local: {mock: true}\n  remote: {baseUrl: http://127.0.0.1:2/x}\n',
    });
    const local = await configured(dir, ['s.yaml', '--target', 'local']);
    expect(local.options.mock).toBe(true);
    expect(local.options.baseUrl).toBeUndefined();
    const remote = await configured(dir, ['s.yaml', '--target', 'remote']);
    expect(remote.options.baseUrl?.href).toBe('http://127.0.0.1:2/x');
    const top = await configured(dir, ['s.yaml']);
    expect(top.options).toMatchObject({ mock: false });
    expect(top.options.baseUrl?.href).toBe('http://127.0.0.1:1/api');
  });

  it('names the targets there are when --target names none of them', async () => {
    const dir = await folder({ 'assay.config.yaml': file });
    const error = await rejection(configured(dir, ['s.yaml', '--target', 'stagin'], { STAGING_TOKEN: 's' }));
    expect(error.code).toBe('usage');
    expect(error.message).toBe(
      '--target: assay.config.yaml has no target "stagin" (known: local, staging); did you mean "staging"?',
    );
    const none = await rejection(configured(await folder({}), ['s.yaml', '--mock', '--target', 'x']));
    expect(none.message).toContain('no config file');
  });

  it('needs the variables of the chosen target only', async () => {
    const dir = await folder({ 'assay.config.yaml': file });
    expect((await configured(dir, ['s.yaml'])).options.mock).toBe(true);
    const error = await rejection(configured(dir, ['s.yaml', '--target', 'staging']));
    expect(error.message).toMatch(
      /^assay\.config\.yaml:11:\d+: targets\.staging\.auth\.schemes\.tokenAuth\.token: environment variable STAGING_TOKEN is not set/,
    );
  });
});

describe('mergeRunOptions: precedence as a property', () => {
  const keys = [
    { file: 'maxExamples', flag: '--max-examples', field: 'maxExamples', max: 1000 },
    { file: 'concurrency', flag: '--concurrency', field: 'concurrency', max: 64 },
    { file: 'timeout', flag: '--timeout', field: 'timeoutMs', max: 60_000 },
    { file: 'seed', flag: '--seed', field: 'seed', max: 100_000 },
  ] as const;
  const value = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: undefined });

  it('takes the flag when given, else the target, else the top level, else the default', () => {
    fc.assert(
      fc.property(
        fc.tuple(...keys.map((k) => fc.tuple(value(k.max), value(k.max), value(k.max)))),
        (settings) => {
          const top = keys.flatMap((k, i) =>
            settings[i]![0] === undefined ? [] : [`${k.file}: ${settings[i]![0]}`],
          );
          const target = keys.flatMap((k, i) =>
            settings[i]![1] === undefined ? [] : [`${k.file}: ${settings[i]![1]}`],
          );
          const text = ['mock: true', 'target: t', ...top, 'targets:', `  t: {${target.join(', ')}}`].join(
            '\n',
          );
          const loaded: LoadedConfig = {
            path: '/c.yaml',
            shown: 'c.yaml',
            dir: '/',
            ...parseConfigText(text, 'c.yaml', {}),
          };
          const argv = keys.flatMap((k, i) =>
            settings[i]![2] === undefined ? [] : [k.flag, String(settings[i]![2])],
          );
          const { options } = mergeRunOptions(flags('s.yaml', ...argv), loaded);
          const defaults = flags('s.yaml', '--mock');
          keys.forEach((k, i) => {
            const [fromTop, fromTarget, fromFlag] = settings[i]!;
            expect(options[k.field]).toBe(fromFlag ?? fromTarget ?? fromTop ?? defaults[k.field]);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
