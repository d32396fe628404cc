// Child process: peak RSS of the built CLI (`assay run spec/identification.yaml --max-examples 10
// --concurrency 4`, default --max-body of 10 MiB) against each hostile server of hostile-server.mjs,
// next to the peak RSS of the same CLI against the in-process mock (the baseline: the process with
// the same spec and options, and bodies it can judge). Peak RSS is the kernel's (/usr/bin/time %M).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { identificationSpec, repoRoot } from './bench-kit.mjs';

const bin = join(repoRoot, 'apps/runner/dist/bin.js');
const serverScript = fileURLToPath(new URL('./hostile-server.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'assay-bench-hostile-'));
const common = ['--max-examples', '10', '--concurrency', '4', '--seed', '1', '--quiet'];

function measured(args, name) {
  const report = join(dir, `${name}.json`);
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'BENCH_TIME %M',
      process.execPath,
      bin,
      'run',
      identificationSpec,
      ...args,
      ...common,
      '--report',
      `json=${report}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
  );
  const wallS = (performance.now() - started) / 1000;
  const stderr = run.stderr ?? '';
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`assay run exited ${run.status}: ${stderr.slice(-2000)}`);
  const match = /BENCH_TIME (\d+)/.exec(stderr);
  if (match === null) throw new Error(`no peak RSS in: ${stderr.slice(-2000)}`);
  const summary = JSON.parse(readFileSync(report, 'utf8')).summary;
  return {
    name,
    peakRssMb: Number(match[1]) / 1024,
    wallS,
    requests: summary.requests,
    failures: summary.failures,
  };
}

async function withServer(kind, work) {
  const server = spawn(process.execPath, [serverScript, kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { port } = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (data) => resolve(JSON.parse(String(data))));
  });
  try {
    return work(`http://127.0.0.1:${port}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

const baseline = measured(['--mock'], 'mock');
const hostile = [];
for (const kind of ['big', 'endless', 'gzip-bomb']) {
  hostile.push(await withServer(kind, (url) => measured(['--base-url', url], kind)));
}
process.stdout.write(JSON.stringify({ baseline, hostile }));
