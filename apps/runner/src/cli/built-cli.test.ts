import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identificationSpec } from '../_test/paths.js';
import { buildCli, builtBin, spawnCli } from '../hostile/_test/built-cli.js';
import { type HostileTarget, hostileDocument, startHostileTarget } from '../hostile/_test/hostile-target.js';
import { startBodyBomb } from '../hostile/_test/start-body-bomb.js';

// Every test of the CLI as a process lives in this one file: it builds dist/ once, and no other
// test file rebuilds it while these spawn it.
let target: HostileTarget;
let dir: string;

beforeAll(async () => {
  await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'assay-sigint-'));
  await writeFile(join(dir, 'api.json'), JSON.stringify(hostileDocument));
  // A slow but correct server: the run would take minutes, so only Ctrl-C ends it.
  target = await startHostileTarget((_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}'), 20);
  });
}, 240_000);
afterAll(() => target.close());

describe('Ctrl-C on a real process', () => {
  it('stops gracefully, writes every report marked incomplete, exits 130', async () => {
    const reports = ['json', 'junit', 'html'].map((kind) => `${kind}=${join(dir, `report.${kind}`)}`);
    const argv = [
      ...['run', join(dir, 'api.json'), '--base-url', target.url.href, '--max-examples', '100000'],
      ...['--seed', '3', '--concurrency', '1'],
      ...reports.flatMap((report) => ['--report', report]),
    ];
    let interruptedAt = 0;
    const result = await spawnCli(
      argv,
      { env: { PATH: process.env.PATH ?? '', ASSAY_BEARER: 'hostile-secret-token' } },
      (child) => {
        const poll = setInterval(() => {
          if (target.victimHits < 10) return;
          clearInterval(poll);
          interruptedAt = performance.now();
          child.kill('SIGINT');
        }, 20);
      },
    );
    expect(interruptedAt).toBeGreaterThan(0);
    // Graceful: in-flight requests are abandoned, the reports written, then the process ends.
    expect(performance.now() - interruptedAt).toBeLessThan(5000);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toContain('○ stopped early (interrupted)');
    expect(result.stdout).not.toContain('✓');

    const json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(json).toMatchObject({ incomplete: true, incompleteReason: 'interrupted' });
    expect(json.summary.requests).toBeGreaterThanOrEqual(10);
    const victim = json.operations.find((op: { operationId: string }) => op.operationId === 'victim');
    expect(victim.requests).toBeGreaterThanOrEqual(10);
    const junit = await readFile(join(dir, 'report.junit'), 'utf8');
    expect(junit).toContain('name="incomplete" value="true"');
    expect(junit).toContain('name="incompleteReason" value="interrupted"');
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain(
      'This run is incomplete (interrupted)',
    );
    for (const text of [result.stdout, result.stderr, JSON.stringify(json)]) {
      expect(text).not.toContain('hostile-secret-token');
    }
  });
});

describe('an error nothing caught', () => {
  it('ends the process with one line and exit 2, the stack only with ASSAY_DEBUG', async () => {
    const stray = join(dir, 'stray.mjs');
    await writeFile(stray, "setTimeout(() => { throw new Error('boom from a stray callback'); }, 1500);\n");
    const argv = ['run', join(dir, 'api.json'), '--base-url', target.url.href, '--max-examples', '100000'];
    const env = {
      PATH: process.env.PATH ?? '',
      ASSAY_BEARER: 'hostile-secret-token',
      NODE_OPTIONS: `--import=${stray}`,
    };
    const quiet = await spawnCli(argv, { env });
    expect(quiet.code, quiet.stderr).toBe(2);
    expect(quiet.stderr).toBe(
      'assay: internal error: boom from a stray callback (this is a bug in assay; please report it)\n',
    );
    const debug = await spawnCli(argv, { env: { ...env, ASSAY_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('a reproduction from a mock run, pasted into a shell', () => {
  it('starts the same mock with assay mock and fails the same way under curl', async () => {
    // A port nothing listens on, for the mock the reproduction starts.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const report = join(dir, 'mock-run.json');
    const argv = ['run', identificationSpec, '--mock', '--max-examples', '5', '--seed', '4'];
    const env = { PATH: process.env.PATH ?? '', ASSAY_MOCK_PORT: String(port) };
    const run = await spawnCli([...argv, '--fault', 'wrong-content-type', '--report', `json=${report}`], {
      env,
    });
    expect(run.code, run.stderr).toBe(1);
    const failure = JSON.parse(await readFile(report, 'utf8')).failures.find(
      (f: { check: string; response: { status: number } }) =>
        f.check === 'content-type-conformance' && f.response.status === 200,
    );
    // The console prints the same two commands.
    expect(run.stdout).toContain(`${failure.serve} &`);
    expect(run.stdout).toContain(failure.reproduce);
    expect(failure.reproduce).toContain(`http://127.0.0.1:${port}/api/v3/`);
    expect(failure.reproduce).not.toContain('assay.mock');
    // `assay` on the PATH is this build, as an installed one would be.
    const bin = join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'assay'),
      `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(builtBin)} "$@"\n`,
      {
        mode: 0o755,
      },
    );
    const script = [
      `${failure.serve} &`,
      'mock=$!',
      `for i in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:${port}/ && break; sleep 0.1; done`,
      failure.reproduce,
      'kill $mock',
    ].join('\n');
    const shell = await promisify(execFile)('bash', ['-c', script], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    });
    expect(shell.stdout).toMatch(/^HTTP\/1\.1 200 /m);
    expect(shell.stdout).toMatch(/^content-type: text\/html/im);
  });
});

describe('bad command lines through the built CLI', () => {
  it('exit 2 with one line on stderr and no stack trace', async () => {
    const run = ['run', identificationSpec];
    const cases: Array<[string[], RegExp]> = [
      [[...run, '--mock', '--frobnicate'], /^assay: usage: unknown option --frobnicate/],
      [[...run, '--base-url', 'http://'], /--base-url: .* (is not an absolute URL|has no host)/],
      [[...run, '--base-url', 'http://me:hunter2@h/api'], /must not embed credentials/],
      [[...run, '--mock', '--report', 'html=/proc/assay/r.html'], /^assay: report-write: .*cannot/],
      [[...run, '--mock', '--shard', '3/2'], /--shard: expected <i>\/<n> with 1 <= i <= n/],
    ];
    const runs = await Promise.all(cases.map(([argv]) => spawnCli(argv)));
    for (const [index, result] of runs.entries()) {
      const [argv, message] = cases[index]!;
      const name = argv.slice(2).join(' ');
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr.trimEnd().split('\n'), name).toHaveLength(1);
      expect(result.stderr, name).not.toMatch(/\n\s+at |hunter2/);
    }
  });
});

describe('memory against hostile bodies', () => {
  // Peak RSS as the kernel counts it, reported by the child itself as it exits: a bound on a child
  // process, so it measures this run alone and can fail. Generous (400 MB; the benchmark holds the
  // 200 MB target): without a streamed cap the run peaked at 640-730 MB.
  it.each(['big', 'endless', 'gzip-bomb'] as const)(
    'a %s body on every response, concurrency 4: peak RSS under 400 MB',
    async (kind) => {
      const preload = join(dir, 'report-max-rss.mjs');
      await writeFile(
        preload,
        "process.on('exit', () => process.stderr.write(`\\nMAX_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n",
      );
      const server = await startBodyBomb(kind);
      try {
        const argv = ['run', identificationSpec, '--base-url', server.url.href, '--max-examples', '10'];
        const result = await spawnCli([...argv, '--concurrency', '4', '--seed', '1'], {
          env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: `--import=${preload}` },
          timeoutMs: 60_000,
        });
        expect(result.code, result.stderr).toBe(1);
        expect(result.stdout).toMatch(/longer than the read cap of 10485760 bytes/);
        const maxRssKb = Number(/MAX_RSS_KB (\d+)/.exec(result.stderr)?.[1]);
        expect(maxRssKb).toBeGreaterThan(0);
        expect(maxRssKb / 1024, `peak RSS ${Math.round(maxRssKb / 1024)} MB`).toBeLessThan(400);
      } finally {
        await server.close();
      }
    },
    90_000,
  );
});
