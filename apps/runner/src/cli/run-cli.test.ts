import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import { runCli } from './run-cli.js';

const quick = ['--max-examples', '5', '--seed', '1'];

describe('runCli: the exit-code contract', () => {
  it('exits 0 against the mock without faults', async () => {
    const out = captureIo();
    expect(await runCli(['run', identificationSpec, '--mock', ...quick], out.io)).toBe(0);
    expect(out.stdout).toContain('0 failures');
    expect(out.stderr).toBe('');
  });

  it('prints a schema no value satisfies as a warning about the spec, not as a bug in assay', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-cli-'));
    const spec = join(dir, 'overlap.json');
    // Every value matches both oneOf branches, so no value matches exactly one.
    const overlap = { oneOf: [{ type: 'string' }, { type: 'string' }] };
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 't', version: '1' },
        paths: {
          '/things': {
            get: {
              operationId: 'list_things',
              parameters: [{ name: 'q', in: 'query', required: true, schema: overlap }],
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    const out = captureIo();
    await runCli(['run', spec, '--mock', ...quick], out.io);
    expect(out.stderr).toContain('list_things');
    expect(out.stderr).toContain('oneOf');
    expect(out.stderr).not.toContain('a bug in assay');
  });

  it('exits 1 and names the check when the mock has a fault', async () => {
    const out = captureIo();
    const code = await runCli(
      ['run', identificationSpec, '--mock', ...quick, '--fault', 'wrong-content-type'],
      out.io,
    );
    expect(code).toBe(1);
    expect(out.stdout).toContain('content-type-conformance');
  });

  it.each([
    [['run', identificationSpec, '--mock', '--bogus'], '--bogus'],
    [['run', identificationSpec, '--base-url', 'localhost:8080'], '--base-url'],
    [['run', identificationSpec, '--mock', '--shard', '4/3'], '--shard'],
    [['run', identificationSpec, '--mock', '--concurrency', 'many'], '--concurrency'],
    [['run', identificationSpec, '--mock', '--checks', 'no-such-check'], 'no-such-check'],
    [['run', identificationSpec, '--mock', '--fault', 'no-such-fault'], 'no-such-fault'],
    [['run', identificationSpec, '--mock', '--operation', 'nope'], 'nope'],
    [['run', '/nonexistent/spec.yaml', '--mock'], 'spec.yaml'],
    [['run', identificationSpec, '--mock', '--report', `json=${identificationSpec}/r.json`], '--report'],
    [['frobnicate'], 'frobnicate'],
  ])('exits 2 on %j with one line naming %s and no stack trace', async (argv, named) => {
    const out = captureIo();
    expect(await runCli(argv, out.io)).toBe(2);
    expect(out.stderr).toContain(named);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 when nothing listens at the base URL', async () => {
    const out = captureIo();
    const code = await runCli(
      ['run', identificationSpec, '--base-url', 'http://127.0.0.1:9/api/v3', ...quick],
      out.io,
    );
    expect(code).toBe(3);
    expect(out.stderr).toContain('target-unreachable');
  });

  it('runs only the selected checks and operations', async () => {
    const fault = ['--fault', 'wrong-content-type'];
    const run = (...extra: string[]) =>
      runCli(['run', identificationSpec, '--mock', ...quick, ...fault, ...extra], captureIo().io);
    expect(await run('--exclude-checks', 'content-type-conformance,response-schema-conformance')).toBe(0);
    expect(await run('--checks', 'not-a-server-error')).toBe(0);
    expect(await run('--checks', 'content-type-conformance')).toBe(1);
    expect(await run('--operation', 'GET /stages/identification/')).toBe(1);
    const shards = await Promise.all([run('--shard', '1/2'), run('--shard', '2/2')]);
    expect(shards.sort()).toEqual([0, 1]);
  });

  it('takes the bearer token from ASSAY_BEARER and never prints it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-cli-'));
    const report = join(dir, 'report.json');
    const secret = 'env-secret-token-1234';
    const headerSecret = 'tenant-secret-5678';
    const out = captureIo({ ASSAY_BEARER: secret });
    const argv = [
      ...['run', identificationSpec, '--mock', ...quick, '--fault', 'schema-break'],
      ...['--report', `json=${report}`, '--header', `X-Tenant: ${headerSecret}`],
    ];
    expect(await runCli(argv, out.io)).toBe(1);
    const json = await readFile(report, 'utf8');
    // The mock was given the env token: had it not been used, every request would be a 401 and the
    // schema fault would not show.
    expect(json).toContain('response-schema-conformance');
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual([
      'tool',
      'version',
      'seed',
      'spec',
      'target',
      'summary',
      'operations',
      'failures',
    ]);
    const failure = parsed.failures[0];
    expect(Object.keys(failure)).toEqual(
      expect.arrayContaining([
        'operationId',
        'check',
        'message',
        'severity',
        'request',
        'response',
        'reproduce',
      ]),
    );
    expect(failure).toMatchObject({ seed: expect.any(Number), occurrences: expect.any(Number) });
    expect(failure.reproduce).toMatch(/^curl /);
    expect(failure.request.headers.authorization).toBe('Bearer [REDACTED]');
    for (const text of [json, out.stdout, out.stderr]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(headerSecret);
    }
  });

  it('writes JSON and JUnit reports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-cli-'));
    const out = captureIo();
    const argv = [
      'run',
      identificationSpec,
      '--mock',
      ...quick,
      '--report',
      `json=${join(dir, 'r.json')}`,
      '--report',
      `junit=${join(dir, 'r.xml')}`,
    ];
    expect(await runCli(argv, out.io)).toBe(0);
    const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    expect(json).toMatchObject({ tool: 'assay', seed: 1, summary: { operations: 1, failures: 0 } });
    expect(json.summary.requests).toBeGreaterThan(10);
    expect(await readFile(join(dir, 'r.xml'), 'utf8')).toContain('<testsuite');
  });

  it('sends POST only with --unsafe, and says why nothing was tested without it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-cli-'));
    const spec = join(dir, 'post.yaml');
    await writeFile(
      spec,
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /things:\n    post:\n      operationId: create\n' +
        '      requestBody: {content: {application/json: {schema: {type: object}}}}\n' +
        '      responses: {"201": {description: ok}, "400": {description: bad}}\n',
    );
    const safe = captureIo();
    expect(await runCli(['run', spec, '--mock', ...quick], safe.io)).toBe(0);
    expect(safe.stderr).toContain('--unsafe');
    const unsafe = captureIo();
    const report = join(dir, 'r.json');
    await runCli(['run', spec, '--mock', ...quick, '--unsafe', '--report', `json=${report}`], unsafe.io);
    expect(JSON.parse(await readFile(report, 'utf8')).summary.requests).toBeGreaterThan(5);
  });

  it('prints help with exit 0', async () => {
    const out = captureIo();
    expect(await runCli(['--help'], out.io)).toBe(0);
    expect(out.stdout).toContain('--time-budget');
  });

  it('prints the version of package.json for --version and -V, exit 0', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const out = captureIo();
      expect(await runCli([flag], out.io)).toBe(0);
      expect(out.stdout).toBe(`${version}\n`);
    }
  });
});

describe('runCli: interruption and the mock server', () => {
  it('stops on interrupt and still writes the report, marked incomplete', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-cli-'));
    const report = join(dir, 'partial.json');
    const interrupt = new AbortController();
    const out = captureIo({}, { signal: interrupt.signal });
    setTimeout(() => interrupt.abort(), 300);
    const started = performance.now();
    const code = await runCli(
      ['run', identificationSpec, '--mock', '--max-examples', '100000', '--report', `json=${report}`],
      out.io,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(code).toBe(130);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.incomplete).toBe(true);
    expect(json.summary.requests).toBeGreaterThan(0);
    expect(out.stdout).toContain('incomplete');
  });

  it('serves the mock over HTTP until interrupted', async () => {
    const interrupt = new AbortController();
    const out = captureIo({}, { signal: interrupt.signal });
    const serving = runCli(
      ['mock', identificationSpec, '--port', '0', '--token', 'tok-123', '--seed', '2'],
      out.io,
    );
    let url: string | undefined;
    for (let i = 0; i < 100 && url === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout)?.[1];
    }
    expect(url).toBeDefined();
    const authorized = await fetch(`${url}/api/v3/stages/identification/?page_size=2`, {
      headers: { authorization: 'Bearer tok-123' },
    });
    expect(authorized.status).toBe(200);
    expect(((await authorized.json()) as { results: unknown[] }).results).toHaveLength(2);
    const anonymous = await fetch(`${url}/api/v3/stages/identification/`);
    expect(anonymous.status).toBe(403);
    interrupt.abort();
    expect(await serving).toBe(0);
  });
});
