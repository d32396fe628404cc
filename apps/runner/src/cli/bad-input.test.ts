import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { identificationSpec } from '../_test/paths.js';
import { hostileDocument, startHostileTarget } from '../hostile/_test/hostile-target.js';
import { runCli } from './run-cli.js';

const run = ['run', identificationSpec];
const mock = [...run, '--mock', '--max-examples', '1', '--seed', '1'];

let plainFile: string;
let stealing: string;
let bomb: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assay-bad-'));
  plainFile = join(dir, 'a-file');
  await writeFile(plainFile, 'not a folder');
  stealing = join(dir, 'steal.yaml');
  await writeFile(
    stealing,
    "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /p:\n    get:\n      responses:\n        '200': {$ref: '/etc/passwd'}\n",
  );
  bomb = join(dir, 'bomb.yaml');
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  await writeFile(bomb, `openapi: 3.0.3\n${lines.join('\n')}\n`);
});

/** Each bad input, what the one line on stderr must say. */
const cases: Array<[string, () => string[], RegExp]> = [
  ['an unknown long flag', () => [...mock, '--frobnicate'], /^assay: usage: unknown option --frobnicate/],
  ['an unknown short flag', () => [...mock, '-z'], /^assay: usage: unknown option -z/],
  ['a flag missing its value', () => [...mock, '--seed'], /^assay: usage: --seed: a value is required/],
  ['a negative number read as a flag', () => [...mock, '--timeout', '-5'], /--timeout=<value>/],
  ['a base URL that is no URL', () => [...run, '--base-url', 'localhost 9000'], /is not an absolute URL/],
  [
    'a base URL without a host',
    () => [...run, '--base-url', 'http://'],
    /is not an absolute URL|has no host/,
  ],
  ['a base URL of another scheme', () => [...run, '--base-url', 'ftp://h/api'], /must use http or https/],
  ['a base URL with a query', () => [...run, '--base-url', 'http://h/api?x=1'], /must not carry a query/],
  [
    'a base URL with a password',
    () => [...run, '--base-url', 'http://me:hunter2-secret@h/api'],
    /must not embed credentials/,
  ],
  ['a report path under a file', () => [...mock, '--report', `json=${plainFile}/r.json`], /not a folder/],
  ['a report path that is a folder', () => [...mock, '--report', `json=${tmpdir()}`], /is a folder/],
  ['a report path that cannot be created', () => [...mock, '--report', 'html=/proc/assay/r.html'], /cannot/],
  ['a report of an unknown kind', () => [...mock, '--report', 'xml=r.xml'], /expected json=<path>/],
  [
    'a spec whose $ref reaches for /etc/passwd',
    () => ['run', stealing, '--mock'],
    /^assay: spec-ref-refused: .*\/etc\/passwd.* leaves the spec's folder/,
  ],
  ['a spec that is a YAML alias bomb', () => ['run', bomb, '--mock'], /^assay: spec-parse: .*alias bomb/],
  [
    'a --header without its colon, which never echoes the value',
    () => [...mock, '--header', 'Authorization Bearer hunter2-secret'],
    /--header: expected "Name: value", but there is no colon/,
  ],
  ['shard 0', () => [...mock, '--shard', '0/2'], /--shard: expected <i>\/<n> with 1 <= i <= n/],
  ['a shard past the count', () => [...mock, '--shard', '3/2'], /--shard: expected/],
  ['a shard of zero slices', () => [...mock, '--shard', '1/0'], /--shard: expected/],
  ['a shard that is no fraction', () => [...mock, '--shard', 'half'], /--shard: expected/],
];

describe('bad command lines: one clear line on stderr, exit 2, no stack trace', () => {
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const out = captureIo();
      expect(await runCli(argv(), out.io)).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\n\s+at |Error:|hunter2/);
      expect(out.stdout).toBe('');
    });
  }
});

describe('a report that cannot be written when the run ends', () => {
  it('still prints the summary, then one error line, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-late-'));
    const spec = join(dir, 'api.json');
    await writeFile(spec, JSON.stringify(hostileDocument));
    const target = await startHostileTarget((_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}'), 20);
    });
    try {
      const report = join(dir, 'report.json');
      const out = captureIo({ ASSAY_BEARER: 'hostile-secret-token' });
      const running = runCli(
        [
          'run',
          spec,
          '--base-url',
          target.url.href,
          '--max-examples',
          '20',
          '--seed',
          '1',
          '--report',
          `json=${report}`,
        ],
        out.io,
      );
      // The path was writable when the run started; now a folder stands in the way.
      setTimeout(() => void mkdir(join(report, 'in-the-way'), { recursive: true }), 100);
      expect(await running).toBe(2);
      expect(out.stdout).toMatch(/operations? tested/);
      expect(out.stderr).toMatch(/^assay: report-write: Cannot write the json report to .*report\.json/);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      await target.close();
    }
  });
});
