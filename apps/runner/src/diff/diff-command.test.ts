import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statefulChecks } from '@assay/checks';
import { createMock, faultCatalogue, type MockServer } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import { runCli } from '../cli/run-cli.js';

const TOKEN = 'diff-token';
let api: ApiModel;
const servers: MockServer[] = [];

/** The identification API served over HTTP on 127.0.0.1 by the mock, with the given faults. */
async function serve(faults: string[] = [], seed = 3): Promise<string> {
  const server = await createMock(api, { seed, token: TOKEN, faults }).listen();
  servers.push(server);
  return `${server.url}/api/v3`;
}

async function diff(a: string, b: string, seed: number, extra: string[] = []) {
  const capture = captureIo();
  const code = await runCli(
    [
      'diff',
      identificationSpec,
      '--base-url',
      a,
      '--against',
      b,
      '--auth-bearer',
      TOKEN,
      '--seed',
      String(seed),
      '--max-examples',
      '8',
      ...extra,
    ],
    capture.io,
  );
  return { code, stdout: capture.stdout, stderr: capture.stderr };
}

beforeAll(async () => {
  api = await loadApi(identificationSpec);
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe('assay diff', () => {
  it('finds no difference between an implementation and itself, over several seeds', async () => {
    const a = await serve();
    const b = await serve();
    for (const seed of [1, 2, 3]) {
      const result = await diff(a, b, seed);
      expect(result.stdout, result.stderr).toMatch(/✓ no difference · \d+ requests to each side/);
      expect(result.code).toBe(0);
    }
  });

  it('shows a schema break on B as a difference that B breaks the spec, with both answers and a curl for each', async () => {
    const a = await serve();
    const b = await serve(['schema-break']);
    const result = await diff(a, b, 5);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ GET \/stages\/identification\/ \(stages_identification_list\) · body · B breaks the spec/,
    );
    expect(result.stdout).toMatch(/B: 200 application\/json .* \(fails [^)]*response-schema-conformance/);
    expect(result.stdout).toMatch(
      /curl A: curl -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/api\/v3\/stages\/identification\//,
    );
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('shows every catalogue fault served by B against a clean A', async () => {
    const a = await serve();
    const shown: string[] = [];
    const unseen: string[] = [];
    // The stateful faults need writes (--unsafe) and a spec with a create: not this read-only one.
    const stateful = new Set(statefulChecks.map((check) => check.id));
    for (const fault of faultCatalogue.filter((f) => !stateful.has(f.catches))) {
      const b = await serve([fault.name]);
      const result = await diff(a, b, 7);
      (result.code === 1 ? shown : unseen).push(fault.name);
    }
    // An order that changes from request to request is no difference when neither side was asked
    // for an ordering (lists compare as multisets), and the same items in another order per page
    // keep every page's set: both are for `assay run`'s ordering checks to find.
    expect(unseen.filter((name) => !['unstable-order', 'per-page-ordering'].includes(name))).toEqual([]);
    expect(shown.length).toBeGreaterThan(20);
  }, 300_000);

  it('writes the differences to a JSON report, secrets removed', async () => {
    const a = await serve();
    const b = await serve(['wrong-count']);
    const path = join(tmpdir(), `assay-diff-${process.pid}.json`);
    try {
      const result = await diff(a, b, 5, ['--report', `json=${path}`]);
      expect(result.code).toBe(1);
      const text = await readFile(path, 'utf8');
      expect(text).not.toContain(TOKEN);
      const report = JSON.parse(text);
      expect(report.command).toBe('diff');
      expect(report.differences[0]).toMatchObject({
        operationId: 'stages_identification_list',
        difference: { kind: 'body' },
        responseA: { status: 200 },
        responseB: { status: 200 },
      });
    } finally {
      await rm(path, { force: true });
    }
  });

  it('exits 3 when B answers nothing, and 2 naming the flag for a bad --against', async () => {
    const a = await serve();
    const dead = await serve();
    await servers.pop()?.close();
    const result = await diff(a, dead, 1);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /target-unreachable: B \(http:\/\/127\.0\.0\.1:\d+\/api\/v3\) gave no usable answer/,
    );
    const bad = await diff(a, 'ftp://nowhere', 1);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--against: .*must use http or https/);
  });
});
