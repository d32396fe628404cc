import { describe, expect, it } from 'vitest';
import { folderWith, runInFolder, type WireEntry } from './_test/run-in-folder.js';
import { thingsSpec } from './_test/things-spec.js';

const detail = /^\/api\/things\/([^/?]+)\/$/;
const detailRequests = (wire: readonly WireEntry[]) => wire.filter((w) => detail.test(w.path.split('?')[0]!));
const idOf = (entry: WireEntry) => detail.exec(entry.path.split('?')[0]!)![1]!;

async function run(config: string, argv: string[] = [], env: Record<string, string> = {}) {
  const dir = await folderWith({ 'openapi.json': thingsSpec, 'assay.config.yaml': config });
  return { dir, ...(await runInFolder(dir, argv, env)) };
}

const base = 'spec: openapi.json\nmock: true\nseed: 4\nmaxExamples: 20\nitems: 30\n';

describe('the config file, end to end against the mock', () => {
  it('says which file and target the run used', async () => {
    const result = await run(`${base}target: local\ntargets:\n  local: {mock: true}\n`);
    expect(result.stderr.split('\n')[0]).toBe('assay: config assay.config.yaml, target local');
    expect(result.code).toBe(0);
  });

  it('stops with one line and exit 2 on a bad file, before sending anything', async () => {
    const result = await run(`${base}operations:\n  getThing:\n    maxExampels: 3\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'assay: config: assay.config.yaml:8:5: operations.getThing.maxExampels: unknown key; did you mean "maxExamples"?\n',
    );
    expect(result.wire).toEqual([]);
  });

  it('stops on a selector that matches no operation, naming where it is', async () => {
    const result = await run(`${base}operations:\n  getThings:\n    maxExamples: 3\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^assay: config: assay\.config\.yaml:7:3: operations\.getThings: matches no operation of the spec \(operations include: listThings, getThing, adminStats\)\n$/,
    );
  });

  it('stops on a check id it does not know, suggesting the nearest', async () => {
    const result = await run(
      `${base}operations:\n  getThing:\n    checks: [status-code-conformance, not-a-server-eror]\n`,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'assay: config: assay.config.yaml:8:39: operations.getThing.checks.1: unknown check "not-a-server-eror"; did you mean "not-a-server-error"?\n',
    );
    const statuses = await run(
      `${base}operations:\n  getThing:\n    expectedStatuses: {status-code: [422]}\n`,
    );
    expect(statuses.stderr).toContain(
      'operations.getThing.expectedStatuses.status-code: unknown check "status-code"',
    );
  });

  it('refuses a plugin check that takes a built-in id', async () => {
    const dir = await folderWith({
      'openapi.json': thingsSpec,
      'assay.config.yaml': `${base}plugins: [./p.mjs]\n`,
      'p.mjs':
        "export const c = { kind: 'assay-check', scope: 'exchange', check: { id: 'ignored-auth', description: 'd', clause: 'c', verify: () => [] } };\n",
    });
    const result = await runInFolder(dir, []);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'plugins.0: ./p.mjs: check id "ignored-auth" is also defined by Assay itself',
    );
  });

  it('sends the target’s headers and bearer token', async () => {
    const result = await run(
      `${base}target: local\ntargets:\n  local:\n    mock: true\n    auth: {bearer: "\${TOKEN}"}\n    headers: {X-Tenant: acme}\n`,
      ['--operation', 'adminStats'],
      { TOKEN: 'tok-from-env' },
    );
    expect(result.wire.length).toBeGreaterThan(0);
    for (const entry of result.wire) {
      expect(entry.headers['x-tenant']).toBe('acme');
    }
    expect(result.wire.some((w) => w.headers.authorization === 'Bearer tok-from-env')).toBe(true);
  });
});

describe('per-operation parameters', () => {
  it('makes a fixed value the only one sent, so requests reach a real resource', async () => {
    const hits = (wire: readonly WireEntry[]) => detailRequests(wire).filter((w) => w.status === 200);
    const without = await run(base, ['--operation', 'getThing']);
    const fixed = await run(`${base}operations:\n  getThing:\n    parameters: {id: 3}\n`, [
      '--operation',
      'getThing',
    ]);
    expect(fixed.code).toBe(0);
    // Random ids often miss; the fixed one exists.
    expect(hits(fixed.wire).length).toBeGreaterThan(hits(without.wire).length + 5);
    expect(new Set(hits(fixed.wire).map(idOf))).toEqual(new Set(['3']));
    expect(new Set(hits(without.wire).map(idOf)).size).toBeGreaterThan(1);
  });

  it('draws from examples, selected by "METHOD /path"', async () => {
    const config = `${base}operations:\n  "GET /things/{id}/":\n    parameters:\n      id: {examples: [2, 5, 7]}\n`;
    const result = await run(config, ['--operation', 'getThing']);
    const found = detailRequests(result.wire).filter((w) => w.status === 200);
    expect(new Set(found.map(idOf))).toEqual(new Set(['2', '5', '7']));
    // Every request for one of them with the run's credentials found it (the auth probes have none).
    const authorized = detailRequests(result.wire).filter(
      (w) => ['2', '5', '7'].includes(idOf(w)) && w.headers.authorization === 'Bearer assay-mock-token',
    );
    expect(authorized.length).toBeGreaterThan(5);
    expect(authorized.every((w) => w.status === 200)).toBe(true);
  });

  it('rejects a parameter the selected operations do not have', async () => {
    const result = await run(`${base}operations:\n  tag:things:\n    parameters: {tenant: acme}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'assay.config.yaml:8:18: operations.tag:things.parameters.tenant: no operation',
    );
  });
});

describe('per-operation list', () => {
  it('describes a pagination the loader cannot detect, so its walks are judged', async () => {
    // The mock repeats items across pages: only a walk that knows the pagination can see it.
    const faulty = `${base}faults: [duplicates-across-pages]\n`;
    const argv = ['--operation', 'listThings'];
    const without = await run(faulty, argv);
    expect(without.code).toBe(0);
    const withList = await run(
      `${faulty}operations:\n  listThings:\n    list: {style: limit-offset, limitParam: take, offsetParam: skip, countPath: total}\n`,
      argv,
    );
    expect(withList.code).toBe(1);
    expect(withList.stdout).toContain('pagination-no-duplicates');
  });

  it('names the key when the loader refuses the description', async () => {
    const result = await run(`${base}operations:\n  adminStats:\n    list: {style: cursor}\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^assay: config: assay\.config\.yaml:8:5: operations\.adminStats\.list: .*list/,
    );
  });
});
