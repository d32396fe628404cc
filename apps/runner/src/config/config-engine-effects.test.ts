import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli/parse-cli-args.js';
import type { RunOptions } from '../cli/run-options.js';
import { executeRun } from '../engine/execute-run.js';
import { startQuirkyServer } from './_test/quirky-server.js';
import { folderWith, runInFolder, type WireEntry } from './_test/run-in-folder.js';
import { thingsSpec } from './_test/things-spec.js';
import { loadConfiguredApi } from './load-configured-api.js';
import { noPlugins } from './load-plugins.js';
import { mergeRunOptions } from './merge-run-options.js';
import { readConfigFile } from './read-config-file.js';

const plugin = fileURLToPath(new URL('./_test/checks-plugin.ts', import.meta.url));
const base = 'spec: openapi.json\nmock: true\nseed: 4\nmaxExamples: 20\nitems: 30\n';
const list = 'list: {style: limit-offset, limitParam: take, offsetParam: skip, countPath: total}';

async function run(config: string, argv: string[] = [], env: Record<string, string> = {}) {
  const dir = await folderWith({ 'openapi.json': thingsSpec, 'assay.config.yaml': config });
  const result = await runInFolder(dir, [...argv, '--report', 'json=r.json', '--report', 'junit=r.xml'], env);
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
  const json = JSON.parse((await read('r.json')) || '{}') as {
    failures?: Array<{
      operationId: string;
      check: string;
      severity: string;
      request: { headers: Record<string, string> };
    }>;
  };
  return { ...result, failures: json.failures ?? [], junit: await read('r.xml') };
}

const found = (failures: ReadonlyArray<{ operationId: string; check: string }>) =>
  failures.map((f) => `${f.operationId} ${f.check}`).sort();

/** The check ids the JUnit report lists as run on an operation (one test case each). */
function checksRunOn(junit: string, operationId: string): string[] {
  return [...junit.matchAll(/<testcase name="([^"]+)" classname="([^"]+)"/g)]
    .filter((m) => m[2] === operationId)
    .map((m) => m[1]!);
}

const to = (wire: readonly WireEntry[], path: RegExp) => wire.filter((w) => path.test(w.path.split('?')[0]!));

describe('per-operation checks, excludeChecks and expectedStatuses', () => {
  it('turns a check off for the selected operations only, and does not list it as run there', async () => {
    const faulty = `${base}faults: [wrong-content-type]\n`;
    const all = await run(faulty);
    expect(found(all.failures)).toEqual(
      expect.arrayContaining(['getThing content-type-conformance', 'listThings content-type-conformance']),
    );
    const scoped = await run(
      `${faulty}operations:\n  getThing:\n    excludeChecks: [content-type-conformance]\n`,
    );
    expect(found(scoped.failures)).not.toContain('getThing content-type-conformance');
    expect(found(scoped.failures)).toContain('listThings content-type-conformance');
    expect(checksRunOn(scoped.junit, 'getThing')).not.toContain('content-type-conformance');
    expect(checksRunOn(scoped.junit, 'getThing')).toContain('response-schema-conformance');
    expect(checksRunOn(scoped.junit, 'listThings')).toContain('content-type-conformance');
  });

  it('runs only the listed checks on the selected operations', async () => {
    const result = await run(
      `${base}faults: [wrong-content-type]\noperations:\n  tag:things:\n    checks: [not-a-server-error]\n`,
    );
    expect(found(result.failures)).toEqual(['adminStats content-type-conformance']);
    expect(checksRunOn(result.junit, 'getThing')).toEqual(['not-a-server-error']);
  });

  it('accepts the statuses a team declares expected for a check', async () => {
    // The fault answers invalid input with 422, which getThing does not document (it says 400).
    const faulty = `${base}faults: [undocumented-status]\n`;
    expect(found((await run(faulty, ['--operation', 'getThing'])).failures)).toContain(
      'getThing status-code-conformance',
    );
    const declared = await run(
      `${faulty}operations:\n  getThing:\n    expectedStatuses: {status-code-conformance: [422, 409]}\n`,
      ['--operation', 'getThing'],
    );
    expect(found(declared.failures)).not.toContain('getThing status-code-conformance');
    expect(declared.code).toBe(0);
  });
});

describe('per-operation maxExamples, skip', () => {
  it('sends fewer generated requests where maxExamples is lower', async () => {
    const detail = /^\/api\/things\/[^/]+\/$/;
    const normal = to((await run(base)).wire, detail).length;
    const fewer = await run(`${base}operations:\n  getThing: {maxExamples: 1}\n`);
    expect(to(fewer.wire, detail).length).toBeLessThan(normal - 20);
    // The other operations keep the run's number.
    expect(to(fewer.wire, /^\/api\/things\/$/).length).toBeGreaterThan(30);
  });

  it('sends nothing to a skipped operation, and says so when nothing was tested', async () => {
    const skipped = await run(`${base}operations:\n  tag:admin: {skip: tested by the admin suite}\n`);
    expect(to(skipped.wire, /^\/api\/admin\//)).toEqual([]);
    expect(to(skipped.wire, /^\/api\/things\//).length).toBeGreaterThan(0);
    const none = await run(`${base}operations:\n  /**: {skip: maintenance}\n`);
    expect(none.wire).toEqual([]);
    expect(none.stderr).toContain('no operation was tested (3 skipped');
  });
});

describe('plugins', () => {
  const withPlugin = `${base}plugins: [${JSON.stringify(plugin)}]\n`;

  it('runs a plugin check like a built-in one: it finds its planted bug and is selected with --checks', async () => {
    const empty = await run(withPlugin.replace('items: 30', 'items: 0'), ['--checks', 'list-not-empty']);
    expect(empty.code).toBe(1);
    expect(found(empty.failures)).toEqual(['listThings list-not-empty']);
    expect(empty.stdout).toContain('list-not-empty');
    const seeded = await run(withPlugin, ['--checks', 'list-not-empty']);
    expect(seeded.code).toBe(0);
    expect(checksRunOn(seeded.junit, 'listThings')).toEqual(['list-not-empty']);
    const excluded = await run(withPlugin.replace('items: 30', 'items: 0'), [
      '--exclude-checks',
      'list-not-empty',
    ]);
    expect(found(excluded.failures)).not.toContain('listThings list-not-empty');
  });

  it('runs plugin sequence checks on walks, per operation settings applying', async () => {
    const walked = await run(`${withPlugin}operations:\n  listThings:\n    ${list}\n`, [
      '--operation',
      'listThings',
    ]);
    expect(walked.failures.filter((f) => f.check === 'single-page').map((f) => f.severity)).toEqual([
      'warning',
    ]);
    const off = await run(
      `${withPlugin}operations:\n  listThings:\n    ${list}\n    excludeChecks: [single-page]\n`,
      ['--operation', 'listThings'],
    );
    expect(found(off.failures)).not.toContain('listThings single-page');
  });

  it('applies hooks to every request on the wire, and redacts what they mark secret', async () => {
    const result = await run(`${withPlugin}faults: [schema-break]\n`, [], {
      ASSAY_TEST_SIGNING_KEY: 'key-1',
    });
    expect(result.wire.length).toBeGreaterThan(20);
    for (const entry of result.wire) expect(entry.headers['x-signature']).toMatch(/^[0-9a-f]{64}$/);
    const failure = result.failures.find((f) => f.check === 'response-schema-conformance');
    expect(failure?.request.headers['x-signature']).toBe('[REDACTED]');
    for (const entry of result.wire) expect(result.stdout).not.toContain(entry.headers['x-signature']);
  });

  it('refuses --checks naming a check no plugin defines', async () => {
    const result = await run(withPlugin, ['--checks', 'list-not-emptyy']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown check "list-not-emptyy"; valid ids: .*list-not-empty/);
  });
});

describe('against a live server with quirks', () => {
  let server: Awaited<ReturnType<typeof startQuirkyServer>>;
  beforeAll(async () => {
    server = await startQuirkyServer({ statsDelayMs: 400 });
  });
  afterAll(async () => {
    await server.close();
  });
  const live = () =>
    `spec: openapi.json\nbaseUrl: ${server.url}\nauth: {bearer: t}\nseed: 2\nmaxExamples: 10\ntimeout: 5000\nshrink: false\n`;

  it('leaves volatile fields out where answers are compared', async () => {
    const argv = ['--operation', 'listThings'];
    const without = await run(`${live()}operations:\n  listThings:\n    ${list}\n`, argv);
    const compared = without.failures.filter((f) => f.check.startsWith('pagination-'));
    expect(compared.length).toBeGreaterThan(0);
    const volatile = await run(
      `${live()}operations:\n  listThings:\n    ${list}\n    volatile: [/results/*/id]\n`,
      argv,
    );
    expect(volatile.failures.filter((f) => f.check.startsWith('pagination-'))).toEqual([]);
    expect(volatile.code).toBe(0);
  });

  it('still makes negative requests from the spec, so another valid id is never sent as invalid', async () => {
    // Against a server that knows nothing of the file, id 5 is as valid as the fixed 4.
    const result = await run(`${live()}operations:\n  getThing: {parameters: {id: 4}}\n`, [
      '--operation',
      'getThing',
    ]);
    expect(found(result.failures)).toEqual([]);
    const sent = to(result.wire, /^\/api\/things\/[^/]+\/$/).map((w) => w.path);
    expect(sent.filter((path) => path === '/api/things/4/').length).toBeGreaterThan(5);
  });

  it('gives an operation its own timeout', async () => {
    const argv = ['--operation', 'adminStats'];
    expect(found((await run(live(), argv)).failures)).toEqual([]);
    const short = await run(`${live()}operations:\n  adminStats: {timeout: 100}\n`, argv);
    expect(found(short.failures)).toEqual(['adminStats response-timeout']);
  });

  it('runs a run check once over every exchange', async () => {
    const result = await run(
      `${live()}plugins: [${JSON.stringify(plugin)}]\noperations:\n  getThing: {parameters: {id: 4}}\n`,
      ['--operation', 'getThing', '--checks', 'stable-names'],
    );
    expect(found(result.failures)).toEqual(['getThing stable-names']);
    expect(result.code).toBe(1);
  });
});

describe('a skip in the result', () => {
  it('lists the skipped operation with the file’s reason and no requests', async () => {
    const dir = await folderWith({
      'openapi.json': thingsSpec,
      'assay.config.yaml': `${base}operations:\n  adminStats: {skip: tested by the admin suite}\n`,
    });
    const loaded = await readConfigFile('assay.config.yaml', { cwd: dir, env: {} });
    const { options } = mergeRunOptions(parseCliArgs(['run'], {}, () => 1) as RunOptions, loaded);
    const { api, plan, unnarrowed } = await loadConfiguredApi(options.spec, loaded);
    const result = await executeRun(api, {
      ...options,
      configured: { plan, plugins: noPlugins, unnarrowed },
    });
    const admin = result.operations.find((op) => op.operationId === 'adminStats');
    expect(admin).toMatchObject({
      requests: 0,
      skipped: 'skipped by the config file: tested by the admin suite',
    });
    expect(result.operations.find((op) => op.operationId === 'getThing')?.requests).toBeGreaterThan(0);
  });
});
