import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { folderWith } from '../config/_test/run-in-folder.js';
import { thingsSpec } from '../config/_test/things-spec.js';
import type { ApiInspection, OperationInspection } from './api-inspection.js';
import { runCli } from './run-cli.js';

// The things API with a second scheme: adminStats takes an API key in a header.
const spec = {
  ...thingsSpec,
  paths: {
    ...thingsSpec.paths,
    '/admin/stats/': {
      get: { ...thingsSpec.paths['/admin/stats/'].get, security: [{ adminKey: [] }] },
    },
  },
  components: {
    ...thingsSpec.components,
    securitySchemes: {
      ...thingsSpec.components.securitySchemes,
      adminKey: { type: 'apiKey', in: 'header', name: 'X-Admin-Key' },
    },
  },
};

const config = `spec: openapi.json
target: staging
maxExamples: 40
excludeChecks: [not-a-server-error]
targets:
  staging:
    baseUrl: https://staging.example.com/api
    auth: {bearer: "\${THINGS_TOKEN}"}
  ops:
    baseUrl: https://ops.example.com/api
    auth: {schemes: {adminKey: {value: "\${ADMIN_KEY:-k}"}}}
operations:
  listThings:
    list: {style: limit-offset, limitParam: take, offsetParam: skip, countPath: total}
    volatile: [/results/*/updated_at]
    expectedStatuses: {status-code-conformance: [422, 4XX]}
  getThing:
    parameters: {id: {examples: [1, 2]}}
    excludeChecks: [content-type-conformance]
    timeout: 2000
    maxExamples: 5
  adminStats:
    skip: needs an admin account
`;

const plugin = fileURLToPath(new URL('../config/_test/tenant-plugin.ts', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await folderWith({
    'openapi.json': spec,
    'assay.config.yaml': config,
    'other.yaml': 'spec: openapi.json\nonly: {tags: [admin]}\n',
    'plugged.yaml': `spec: openapi.json\nmock: true\nplugins: [${JSON.stringify(plugin)}]\noperations:\n  getThing: {excludeChecks: [tenant-sent]}\n`,
  });
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

async function inspect(argv: string[], env: Record<string, string> = { THINGS_TOKEN: 'secret-token-1' }) {
  const out = captureIo(env, { cwd: dir });
  const code = await runCli(['inspect', ...argv], out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

const op = (inspection: ApiInspection, id: string): OperationInspection =>
  inspection.operations.find((o) => o.operationId === id)!;

describe('assay inspect through the config file', () => {
  it('finds the file in the working directory and shows its effect per operation, as JSON', async () => {
    const { code, stdout } = await inspect(['--json']);
    expect(code).toBe(0);
    const inspection = JSON.parse(stdout) as ApiInspection;
    expect(inspection.config).toEqual({
      file: 'assay.config.yaml',
      target: 'staging',
      sendsTo: 'https://staging.example.com/api',
      credentials: ['bearer'],
    });
    const list = op(inspection, 'listThings');
    expect(list.list?.pagination).toMatchObject({
      convention: 'list description',
      style: 'limit-offset',
      parameters: { limit: 'take', offset: 'skip' },
      body: { count: '/total' },
    });
    expect(list.config).toMatchObject({
      volatile: ['/results/*/updated_at'],
      expectedStatuses: { 'status-code-conformance': [422, '4XX'] },
      maxExamples: 40,
      timeoutMs: 10_000,
      list: true,
      credentials: { sends: ['bearerAuth'] },
    });
    expect(list.config?.checks).toContain('content-type-conformance');
    expect(list.config?.turnedOff).toEqual(['not-a-server-error']);
    const get = op(inspection, 'getThing');
    expect(get.config).toMatchObject({
      parameters: { id: { examples: [1, 2] } },
      maxExamples: 5,
      timeoutMs: 2000,
    });
    expect(get.config?.turnedOff).toEqual(['content-type-conformance', 'not-a-server-error']);
    expect(get.config?.checks).not.toContain('content-type-conformance');
    const admin = op(inspection, 'adminStats');
    expect(admin.config?.skip).toBe('needs an admin account');
    expect(admin.config?.notTested).toBe('skipped by the config file: needs an admin account');
    expect(list.config?.notTested).toBeUndefined();
    expect(admin.config?.credentials).toEqual({ missing: [['adminKey']] });
    // Credentials are named, never shown.
    expect(stdout).not.toContain('secret-token-1');
  });

  it('shows the chosen target’s credentials per scheme (--target)', async () => {
    const { code, stdout } = await inspect(['--json', '--target', 'ops']);
    expect(code).toBe(0);
    const inspection = JSON.parse(stdout) as ApiInspection;
    expect(inspection.config).toMatchObject({ target: 'ops', credentials: ['scheme adminKey'] });
    expect(op(inspection, 'adminStats').config?.credentials).toEqual({ sends: ['adminKey'] });
    expect(op(inspection, 'listThings').config?.credentials).toEqual({ missing: [['bearerAuth']] });
    expect(stdout).not.toContain('"k"');
  });

  it('prints the same as text', async () => {
    const { code, stdout } = await inspect([]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'config assay.config.yaml, target staging, sends to https://staging.example.com/api; credentials: bearer',
    );
    expect(stdout).toContain('pagination: list description (limit-offset, first page 1)');
    expect(stdout).toContain('config: skipped (needs an admin account), not tested');
    expect(stdout).toContain('config: parameter id drawn from 1, 2');
    expect(stdout).toContain('config: status-code-conformance expects 422, 4XX too');
    expect(stdout).toContain('config: volatile fields /results/*/updated_at');
    expect(stdout).toMatch(
      /config: checks: (\d+) of \d+, not content-type-conformance, not-a-server-error\n/,
    );
    expect(stdout).toContain('config: 5 requests per mode, timeout 2000 ms');
    expect(stdout).toContain('config: credentials: sends bearerAuth');
    expect(stdout).toContain('config: credentials: none fits (missing adminKey)');
  });

  it('reads the file --config names instead, and which operations its only leaves out', async () => {
    const { code, stdout } = await inspect(['--json', '--config', 'other.yaml']);
    expect(code).toBe(0);
    const inspection = JSON.parse(stdout) as ApiInspection;
    expect(inspection.config).toEqual({ file: 'other.yaml', credentials: [] });
    expect(op(inspection, 'listThings').list?.pagination?.convention).not.toBe('list description');
    expect(op(inspection, 'adminStats').config?.skip).toBeUndefined();
    expect(op(inspection, 'adminStats').config?.notTested).toBeUndefined();
    expect(op(inspection, 'getThing').config?.notTested).toBe('not selected (only.tags)');
  });

  it('names what the plugins add, and their checks join the per-operation selection', async () => {
    const { code, stdout, stderr } = await inspect(['--json', '--config', 'plugged.yaml']);
    expect(code, stderr).toBe(0);
    const inspection = JSON.parse(stdout) as ApiInspection;
    expect(inspection.config?.plugins).toEqual({
      checks: ['tenant-sent'],
      sequenceChecks: [],
      runChecks: [],
      hooks: ['tenant-headers'],
    });
    expect(op(inspection, 'listThings').config?.checks).toContain('tenant-sent');
    expect(op(inspection, 'getThing').config?.turnedOff).toEqual(['tenant-sent']);
    // plugged.yaml names no target: with mock: true, the mock's own token meets every scheme.
    expect(op(inspection, 'adminStats').config?.credentials).toEqual({ sends: ['adminKey'] });
    const text = await inspect(['--config', 'plugged.yaml']);
    expect(text.stdout).toContain('plugins: checks tenant-sent; hooks tenant-headers');
  });

  it('refuses what assay run refuses: an unknown target, a missing variable, with one line and exit 2', async () => {
    const unknown = await inspect(['--target', 'stagin']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^assay: .*no target "stagin".*did you mean "staging"\?\n$/);
    const missing = await inspect([], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/THINGS_TOKEN/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});
