import { fileURLToPath } from 'node:url';
import { AssayError } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { folderWith } from './_test/run-in-folder.js';
import { defineCheck } from './define-check.js';
import { loadPlugins } from './load-plugins.js';
import { readConfigFile } from './read-config-file.js';

const fixture = fileURLToPath(new URL('./_test/checks-plugin.ts', import.meta.url));

async function plugins(entries: string[], files: Record<string, string> = {}) {
  const dir = await folderWith({ ...files, 'assay.config.yaml': `plugins: ${JSON.stringify(entries)}\n` });
  return loadPlugins(await readConfigFile('assay.config.yaml', { cwd: dir, env: {} }));
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!AssayError.is(error)) throw new Error(`expected an AssayError, got ${String(error)}`);
  expect(error.message).not.toContain('\n');
  return error.message;
}

describe('loadPlugins', () => {
  it('collects the checks of each scope and the hooks a module exports', async () => {
    const loaded = await plugins([fixture]);
    expect(loaded.checks.map((c) => c.id)).toEqual(['list-not-empty']);
    expect(loaded.sequenceChecks.map((c) => c.id)).toEqual(['single-page']);
    expect(loaded.runChecks.map((c) => c.id)).toEqual(['stable-names']);
    expect(loaded.hooks.map((h) => h.name)).toEqual(['signature']);
  });

  it('resolves entries against the config file and takes checks from exported arrays', async () => {
    const module = `export const checks = [{ kind: 'assay-check', scope: 'exchange', check: { id: 'x-one', description: 'd', clause: 'c', verify: () => [] } }];\nexport const helper = 3;\n`;
    const loaded = await plugins(['./contract/more.mjs'], { 'contract/more.mjs': module });
    expect(loaded.checks.map((c) => c.id)).toEqual(['x-one']);
  });

  it.each([
    [['./missing.mjs'], {}, /^assay\.config\.yaml:1:11: plugins\.0: cannot load \.\/missing\.mjs: /],
    [
      ['./empty.mjs'],
      { 'empty.mjs': 'export const n = 1;\n' },
      /plugins\.0: \.\/empty\.mjs exports no check made with defineCheck/,
    ],
    [['./broken.mjs'], { 'broken.mjs': 'export const = ;\n' }, /plugins\.0: cannot load \.\/broken\.mjs/],
    [
      ['./throws.mjs'],
      { 'throws.mjs': 'throw new Error("no key configured");\n' },
      /plugins\.0: cannot load \.\/throws\.mjs: no key configured$/,
    ],
  ])('names the entry of %j that cannot be used', async (entries, files, message) => {
    expect(await failure(plugins(entries, files))).toMatch(message);
  });

  it('refuses two checks with one id', async () => {
    expect(await failure(plugins([fixture, fixture]))).toContain(
      'plugins.1: ' + `${fixture}: check id "list-not-empty" is also defined by ${fixture}`,
    );
  });
});

describe('defineCheck', () => {
  const verify = () => [];
  it('defaults to an exchange check and keeps what it was given', () => {
    const defined = defineCheck({ id: 'tenant-isolation', description: 'd', clause: 'c', verify });
    expect(defined).toEqual({
      kind: 'assay-check',
      scope: 'exchange',
      check: { id: 'tenant-isolation', description: 'd', clause: 'c', verify },
    });
  });

  it.each([
    [{ id: 'Tenant Isolation', description: 'd', clause: 'c', verify }, 'kebab-case'],
    [{ id: 'a', description: ' ', clause: 'c', verify }, 'description'],
    [{ id: 'a', description: 'd', clause: '', verify }, 'clause'],
    [{ id: 'a', description: 'd', clause: 'c' }, 'verify must be a function'],
    [{ id: 'a', description: 'd', clause: 'c', verify, scope: 'walk' }, 'scope must be'],
  ])('refuses %j, saying what is missing', (definition, what) => {
    expect(() => defineCheck(definition as never)).toThrow(what);
  });
});
