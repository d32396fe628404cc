import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import { type PetsServer, startPetsServer, writePetsSpec } from './_test/pets-api.js';
import { runCli } from './run-cli.js';

const TOKEN = 'pets-token-77';
let pets: PetsServer;
let dir: string;
let spec: string;

beforeAll(async () => {
  ({ dir, spec } = await writePetsSpec());
  pets = await startPetsServer({ token: TOKEN });
  pets.broken = false;
});
afterAll(() => pets.close());

interface JsonReport {
  summary: { operations: number; tested: number; notTested: number };
  operations: Array<{ operationId: string; state: string; reason?: string }>;
  failures: Array<{ operationId: string; check: string }>;
  incomplete?: boolean;
  incompleteReason?: string;
}

async function run(name: string, argv: string[]) {
  const out = captureIo({ ASSAY_BEARER: TOKEN });
  const reports = ['json', 'junit', 'ndjson'].flatMap((kind) => [
    '--report',
    `${kind}=${join(dir, `${name}.${kind}`)}`,
  ]);
  const code = await runCli(['run', ...argv, ...reports], out.io);
  const read = (kind: string) => readFile(join(dir, `${name}.${kind}`), 'utf8');
  return {
    code,
    stdout: out.stdout,
    json: JSON.parse(await read('json')) as JsonReport,
    junit: await read('junit'),
    events: (await read('ndjson'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('operations the selection leaves out are reported as not tested, with the reason', () => {
  it('--operation: in the JSON, JUnit, NDJSON and the console summary', async () => {
    const result = await run('one', [
      spec,
      '--base-url',
      pets.url,
      '--operation',
      'get_pet',
      '--max-examples',
      '5',
    ]);
    expect(result.code).toBe(0);
    const { json } = result;
    expect(json.summary).toMatchObject({ operations: 3, tested: 1, notTested: 2 });
    expect(json.operations.map((o) => [o.operationId, o.state, o.reason])).toEqual([
      ['get_pet', 'passed', undefined],
      ['list_pets', 'not-tested', 'not selected (--operation)'],
      ['create_pet', 'not-tested', 'not selected (--operation)'],
    ]);
    expect(result.junit).toMatch(
      /classname="list_pets"[^>]*>\s*<skipped message="not tested: not selected \(--operation\)"/,
    );
    const finished = result.events.filter((e) => e.event === 'operation-finished');
    expect(finished.map((e) => [e.operationId, e.state])).toEqual(
      expect.arrayContaining([
        ['list_pets', 'not-tested'],
        ['create_pet', 'not-tested'],
      ]),
    );
    expect(result.stdout).toContain('○ 2 operations not tested');
    expect(result.stdout).toContain('not selected (--operation) (2): GET /pets, POST /pets');
    expect(result.stdout).toMatch(/○ 1 of 3 operations tested, 2 not tested, 0 failed/);
    // Counted and listed once in the summary, not given a line each as the run goes.
    expect(result.stdout.split('GET /pets').length).toBe(2);
  });

  it('--shard: every operation is in exactly one shard, and the others name where it is', async () => {
    const ids = new Map<string, string[]>();
    for (const index of [1, 2, 3]) {
      const result = await run(`shard${index}`, [
        identificationSpec,
        '--mock',
        '--max-examples',
        '2',
        '--shard',
        `${index}/3`,
        '--unsafe',
      ]);
      for (const op of result.json.operations) {
        const list = ids.get(op.operationId) ?? [];
        list.push(op.state === 'not-tested' ? (op.reason ?? '') : `tested in ${index}`);
        ids.set(op.operationId, list);
      }
    }
    for (const [, seen] of ids) {
      expect(seen).toHaveLength(3);
      const tested = seen.filter((s) => s.startsWith('tested in'));
      expect(tested).toHaveLength(1);
      const shard = tested[0]!.slice('tested in '.length);
      for (const reason of seen.filter((s) => !s.startsWith('tested in')))
        expect(reason).toBe(`not selected (in shard ${shard} of 3, --shard)`);
    }
  });
});

describe('--max-failures', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // The list answers once, then drops every connection (Assay cannot test it: errors); the item
    // answers with a genre the spec does not allow (a contract failure).
    let lists = 0;
    server = createServer((req, res) => {
      if (req.url?.startsWith('/v1/pets?') || req.url === '/v1/pets') {
        lists += 1;
        if (lists > 1) {
          req.socket.destroy();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id":1,"genre":"cat"}]');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1,"genre":7}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('counts contract failures, not errors: a run with an untestable operation goes on to the next', async () => {
    const result = await run('max', [
      spec,
      '--base-url',
      url,
      '--max-failures',
      '1',
      '--max-examples',
      '20',
      '--seed',
      '2',
    ]);
    const found = result.json.failures.map((f) => `${f.operationId} ${f.check}`);
    expect(found).toContain('list_pets transport-error');
    expect(found).toContain('get_pet response-schema-conformance');
    expect(result.json.incompleteReason).toBe('stopped after 1 distinct failures (--max-failures)');
    expect(result.code).toBe(1);
  });
});
