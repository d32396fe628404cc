import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import { CLEAR_LINE } from '../report/progress-line.js';
import { type PetsServer, startPetsServer, writePetsSpec } from './_test/pets-api.js';
import { runCli } from './run-cli.js';

const TOKEN = 'pets-token-5f2c9a';
let server: PetsServer;
let dir: string;
let spec: string;

beforeAll(async () => {
  ({ dir, spec } = await writePetsSpec());
  server = await startPetsServer({ token: TOKEN });
});
afterAll(() => server.close());

const quick = ['--max-examples', '10', '--seed', '5'];

interface JsonOperation {
  operationId: string;
  state: string;
  reason?: string;
  checks: Array<{ check: string; state: string; judged: number; failed: number; reason?: string }>;
}

describe('one run, every report: the same states and the same counts', () => {
  let out: ReturnType<typeof captureIo>;
  let code: number;
  let json: {
    summary: Record<string, number>;
    operations: JsonOperation[];
    checks: Array<{ check: string; judged: number; passed: number; failed: number }>;
    failures: Array<Record<string, unknown> & { reproduce: string; operationId: string; check: string }>;
  };
  let junit: string;
  let html: string;
  let events: Array<Record<string, unknown>>;
  let stepSummary: string;

  beforeAll(async () => {
    const summaryFile = join(dir, 'step-summary.md');
    await writeFile(summaryFile, '');
    out = captureIo({
      ASSAY_BEARER: TOKEN,
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_WORKSPACE: dir,
    });
    const reports = ['json', 'junit', 'html', 'ndjson'].flatMap((kind) => [
      '--report',
      `${kind}=${join(dir, `r.${kind}`)}`,
    ]);
    code = await runCli(['run', spec, '--base-url', server.url, ...quick, ...reports], out.io);
    json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
    junit = await readFile(join(dir, 'r.junit'), 'utf8');
    html = await readFile(join(dir, 'r.html'), 'utf8');
    events = (await readFile(join(dir, 'r.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    stepSummary = await readFile(summaryFile, 'utf8');
  });

  it('fails the run, and says which operation failed, which passed, which was not tested and why', () => {
    expect(code).toBe(1);
    const states = Object.fromEntries(json.operations.map((o) => [o.operationId, o.state]));
    expect(states).toEqual({ list_pets: 'failed', create_pet: 'not-tested', get_pet: 'passed' });
    const create = json.operations.find((o) => o.operationId === 'create_pet')!;
    expect(create.reason).toBe('POST is not sent without --unsafe');
    expect(create.checks.every((c) => c.state === 'not-tested' && c.judged === 0)).toBe(true);
    expect(json.summary).toMatchObject({ operations: 3, tested: 2, notTested: 1, failed: 1 });
  });

  it('makes one finding of one defect, and counts its occurrences in requests', () => {
    const schema = json.failures.filter(
      (f) => f.operationId === 'list_pets' && f.check === 'response-schema-conformance',
    );
    // `genre: 7` against an enum of strings breaks `type` and `enum` at one place: one defect.
    expect(schema).toHaveLength(1);
    expect(schema[0]!.message).toMatch(/genre/);
    const list = json.operations.find((o) => o.operationId === 'list_pets')! as JsonOperation & {
      requests: number;
    };
    const judged = list.checks.find((c) => c.check === 'response-schema-conformance')!;
    expect(schema[0]!.occurrences).toBeLessThanOrEqual(list.requests);
    expect(schema[0]!.occurrences).toBe(judged.failed);
  });

  it('prints the header first, one line per failing or untested operation, the check table and the counts', () => {
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe(`assay 0.1.0 · seed 5 · ${spec} → ${server.url}`);
    expect(out.stdout).toMatch(
      /\n✗ GET \/pets {2}list_pets: \d+ requests, failed response-schema-conformance\n/,
    );
    expect(out.stdout).toContain(
      '\n○ POST /pets  create_pet: not tested (POST is not sent without --unsafe)\n',
    );
    // A passing operation gets no line of its own outside a terminal.
    expect(out.stdout).not.toMatch(/\n✓ GET \/pets\/\{id\}/);
    expect(out.stdout).toMatch(/\n {2}response-schema-conformance +\d+ +\d+ +[1-9]\d*\n/);
    expect(out.stdout).toContain('\n✗ 2 of 3 operations tested, 1 not tested, 1 failed · ');
    expect(out.stdout).not.toContain(TOKEN);
  });

  it('counts the same in JUnit: a failed suite per failed operation, every untested check skipped with why', () => {
    const suites = [
      ...junit.matchAll(
        /<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g,
      ),
    ];
    expect(suites).toHaveLength(json.summary.operations!);
    const failedSuites = suites.filter((s) => Number(s[3]) + Number(s[4]) > 0);
    expect(failedSuites.map((s) => s[1])).toEqual(['GET /pets']);
    const create = suites.find((s) => s[1] === 'POST /pets')!;
    expect(create[2]).toBe(create[5]);
    expect(junit).toContain('<skipped message="not tested: POST is not sent without --unsafe"/>');
    // Per check: JUnit's failing testcases are the operations the check failed on.
    for (const check of json.checks) {
      const failing = json.operations.filter((o) =>
        o.checks.some((c) => c.check === check.check && c.state === 'failed'),
      );
      const cases = [
        ...junit.matchAll(new RegExp(`<testcase name="${check.check}" [^>]*>\\s*<(failure|error) `, 'g')),
      ];
      expect(cases.length, check.check).toBe(failing.length);
    }
  });

  it('counts the same in HTML, the step summary and the event stream', () => {
    expect(html).toContain(`<b class="failure">${json.summary.failed}</b>failed`);
    expect(html).toContain(`<b class="skip">${json.summary.notTested}</b>not tested`);
    expect(html).toMatch(/create_pet<\/code>.*<td class="skip">not tested/);
    expect(stepSummary).toContain('## ❌ Assay: 2 of 3 operations tested, 1 not tested, 1 failed');
    const finished = events.filter((e) => e.event === 'operation-finished');
    expect(Object.fromEntries(finished.map((e) => [e.operationId, e.state]))).toEqual(
      Object.fromEntries(json.operations.map((o) => [o.operationId, o.state])),
    );
    expect(events[0]!.event).toBe('run-started');
    expect(events.at(-1)).toMatchObject({ event: 'run-finished', summary: json.summary });
    expect(events.filter((e) => e.event === 'failure')).toHaveLength(json.failures.length);
    for (const check of json.checks) {
      const row = new RegExp(
        `\\| \`${check.check}\` \\| ${check.judged} \\| ${check.passed} \\| ${check.failed} \\|`,
      );
      expect(stepSummary).toMatch(row);
    }
    const all = JSON.stringify(events) + html + junit + stepSummary;
    expect(all).not.toContain(TOKEN);
  });

  it('annotates the spec file at the line of the failing operation, for GitHub', async () => {
    const text = await readFile(spec, 'utf8');
    const line =
      text.split('\n').findIndex((l, i, all) => l.trim() === '"get": {' && all[i - 1]!.includes('"/pets"')) +
      1;
    expect(line).toBeGreaterThan(1);
    const annotations = out.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(json.failures.length);
    expect(annotations[0]).toMatch(
      new RegExp(
        `^::error file=${relative(dir, spec)},line=${line},title=assay%3A response-schema-conformance::GET /pets \\(list_pets\\): `,
      ),
    );
  });

  it('reproduces the failure when its curl line is pasted into a shell with the token in ASSAY_BEARER', async () => {
    const failure = json.failures.find(
      (f) => f.operationId === 'list_pets' && f.check === 'response-schema-conformance',
    )!;
    expect(failure.reproduce).not.toContain(TOKEN);
    expect(failure.reproduce).toContain('"$ASSAY_BEARER"');
    const seen = server.authorizations.length;
    // Asynchronously: the server answering curl runs in this process.
    const result = await promisify(execFile)('bash', ['-c', failure.reproduce], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env.PATH ?? '', ASSAY_BEARER: TOKEN },
    });
    expect(result.stdout).toMatch(/^HTTP\/1\.1 200 /);
    expect(result.stdout).toContain('"genre":7');
    expect(server.authorizations.slice(seen)).toEqual([`Bearer ${TOKEN}`]);
  });

  it('replays the failure with assay replay: still failing, then no longer once the server is fixed', async () => {
    const report = join(dir, 'r.json');
    const index = json.failures.findIndex((f) => f.check === 'response-schema-conformance') + 1;
    const still = captureIo({ ASSAY_BEARER: TOKEN });
    expect(await runCli(['replay', report, '--failure', String(index)], still.io)).toBe(1);
    expect(still.stdout).toContain(
      `failure ${index} of ${json.failures.length}: response-schema-conformance on GET /pets`,
    );
    expect(still.stdout).toContain('✗ still fails, the same way');
    server.broken = false;
    try {
      const fixed = captureIo({ ASSAY_BEARER: TOKEN });
      expect(await runCli(['replay', report, '--failure', String(index)], fixed.io)).toBe(0);
      expect(fixed.stdout).toContain('✓ no longer fails');
      expect(fixed.stdout).not.toContain(TOKEN);
    } finally {
      server.broken = true;
    }
  });
});

describe('the console outside and inside a terminal', () => {
  it('prints passing operations with --verbose, and neither operations nor table with --quiet', async () => {
    const verbose = captureIo({ ASSAY_BEARER: TOKEN });
    await runCli(['run', spec, '--base-url', server.url, ...quick, '--verbose'], verbose.io);
    expect(verbose.stdout).toMatch(/\n✓ GET \/pets\/\{id\} {2}get_pet: \d+ requests, \d+ checks passed\n/);
    const quiet = captureIo({ ASSAY_BEARER: TOKEN });
    await runCli(['run', spec, '--base-url', server.url, ...quick, '--quiet'], quiet.io);
    expect(quiet.stdout).not.toContain('list_pets: ');
    expect(quiet.stdout).not.toContain('judged');
    expect(quiet.stdout).toContain('✗ 2 of 3 operations tested');
  });

  it('keeps every progress line within the terminal width, redrawn in place', async () => {
    const out = captureIo({}, {});
    out.io.stdout.isTTY = true;
    (out.io.stdout as { columns?: number }).columns = 42;
    await runCli(
      ['run', identificationSpec, '--mock', '--max-examples', '30', '--seed', '1', '--no-color'],
      out.io,
    );
    const frames = out.stdout.split(CLEAR_LINE).slice(1, -1);
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) {
      const live = frame.split('\n')[0]!;
      expect([...live].length).toBeLessThanOrEqual(41);
      expect(live).toMatch(/^assay \d+\/1 operations/);
    }
  });

  it('writes json=- alone on stdout and moves the console to stderr', async () => {
    const out = captureIo();
    await runCli(
      ['run', identificationSpec, '--mock', ...quick, '--report', 'json=-', '--report', 'ndjson=-'],
      out.io,
    );
    const lines = out.stdout.split('\n');
    // The event lines come first (as they happen), then the pretty-printed report.
    const firstBrace = lines.indexOf('{');
    for (const line of lines.slice(0, firstBrace)) expect(JSON.parse(line).event).toBeDefined();
    const report = JSON.parse(lines.slice(firstBrace).join('\n'));
    expect(report.summary.tested).toBe(1);
    expect(out.stderr.split('\n')[0]).toMatch(/^assay 0\.1\.0 · seed 5 · /);
    expect(out.stderr).toContain('✓ 1 of 1 operation tested');
  });

  it('stops after --max-failures distinct failures, says so, and shows no ✓', async () => {
    const dir2 = join(dir, 'max');
    const out = captureIo();
    const report = join(dir2, 'r.json');
    const argv = [
      'run',
      identificationSpec,
      '--mock',
      '--max-examples',
      '200',
      '--seed',
      '1',
      '--fault',
      'wrong-content-type',
    ];
    expect(await runCli([...argv, '--max-failures', '1', '--report', `json=${report}`], out.io)).toBe(1);
    const json = JSON.parse(await readFile(report, 'utf8'));
    expect(json.incomplete).toBe(true);
    expect(json.incompleteReason).toBe('stopped after 1 distinct failures (--max-failures)');
    expect(json.failures.length).toBeLessThan(3);
    expect(out.stdout).toContain('✗ stopped early (stopped after 1 distinct failures (--max-failures))');
    expect(out.stdout.split('--max-failures)')).toHaveLength(2);
  });

  it('colours as other Node CLIs do: --color, --no-color, FORCE_COLOR, NO_COLOR', async () => {
    const run = async (env: Record<string, string>, tty: boolean, flags: string[] = []) => {
      const out = captureIo(env);
      out.io.stdout.isTTY = tty;
      await runCli(
        ['run', identificationSpec, '--mock', '--max-examples', '3', '--seed', '1', ...flags],
        out.io,
      );
      return out.stdout.includes('\u001b[3');
    };
    expect(await run({}, false)).toBe(false);
    expect(await run({}, false, ['--color'])).toBe(true);
    expect(await run({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(await run({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await run({ FORCE_COLOR: '1' }, true, ['--no-color'])).toBe(false);
  });
});

describe('assay replay of a mock run', () => {
  it('starts the same mock again and finds every failure still there', async () => {
    const report = join(dir, 'mock.json');
    const argv = ['run', identificationSpec, '--mock', ...quick, '--fault', 'wrong-content-type'];
    expect(await runCli([...argv, '--report', `json=${report}`], captureIo().io)).toBe(1);
    const count = JSON.parse(await readFile(report, 'utf8')).failures.length;
    const out = captureIo();
    expect(await runCli(['replay', report], out.io)).toBe(1);
    expect(out.stdout).toContain(`\n${count} still failing, 0 no longer failing\n`);
    expect(out.stdout).toContain('GET http://assay.mock/api/v3/stages/identification/');
    const bad = captureIo();
    expect(await runCli(['replay', report, '--failure', String(count + 1)], bad.io)).toBe(2);
    expect(bad.stderr).toContain(`--failure ${count + 1}: `);
  });
});

describe('a base URL that answers 404 to everything', () => {
  it('warns that the base URL is probably wrong', async () => {
    const lost = await startPetsServer({ token: TOKEN, notFound: true });
    try {
      const out = captureIo({ ASSAY_BEARER: TOKEN });
      await runCli(['run', spec, '--base-url', lost.url.replace(/\/v1$/, ''), ...quick], out.io);
      expect(out.stdout).toMatch(
        /! warning: \d+ of \d+ responses were 404 Not Found: the base URL is probably wrong/,
      );
    } finally {
      await lost.close();
    }
  });
});
