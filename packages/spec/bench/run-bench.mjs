// Loads each large spec in its own child process (so peak RSS is that spec's alone) and prints
// wall time and peak RSS against the targets. Run with `npm run bench` (builds first).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const specs = fileURLToPath(new URL('../../../../shared/specs/', import.meta.url));
const child = fileURLToPath(new URL('./load-one.mjs', import.meta.url));
const RUNS = Number(process.env.ASSAY_BENCH_RUNS ?? 3);
const cases = [
  { name: 'authentik', file: 'authentik-schema.yml', targetMs: 1000 },
  { name: 'github', file: 'github-api.github.com-octokit-openapi-23.0.2.min.json', targetMs: 3000 },
  { name: 'stripe', file: 'stripe-spec3-2023-09-12.yaml', targetMs: undefined },
];
const TARGET_RSS_MB = 400;

// A hostile-sized spec, generated: 50,000 operations sharing one schema.
const wide = join(tmpdir(), 'assay-bench-wide-50000.json');
const paths = {};
for (let i = 0; i < 50_000; i++) {
  paths[`/r${i}/{id}`] = {
    get: {
      operationId: `get${i}`,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
      responses: {
        200: {
          description: 'ok',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
        },
      },
    },
  };
}
writeFileSync(
  wide,
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'wide', version: '1' },
    paths,
    components: { schemas: { Item: { type: 'object', properties: { id: { type: 'integer' } } } } },
  }),
);
cases.push({ name: 'wide-50k', file: wide, targetMs: undefined });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let failed = false;
console.log(`@assay/spec bench: median of ${RUNS} runs, one child process per run`);
for (const { name, file, targetMs } of cases) {
  const path = file.startsWith('/') ? file : specs + file;
  if (!existsSync(path)) {
    console.log(`${name.padEnd(10)} skipped: ${path} not found`);
    continue;
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const out = execFileSync(process.execPath, [child, path], { encoding: 'utf8' });
    runs.push({ ...JSON.parse(out), wallMs: performance.now() - started });
  }
  const loadMs = median(runs.map((r) => r.loadMs));
  const wallMs = median(runs.map((r) => r.wallMs));
  const parseMs = median(runs.map((r) => r.parseMs));
  const cpuMs = median(runs.map((r) => r.loadCpuMs));
  const importMs = median(runs.map((r) => r.importMs));
  const rss = Math.max(...runs.map((r) => r.peakRssMb));
  const { operations, schemas, lists } = runs[0];
  const timeOk = targetMs === undefined || loadMs < targetMs;
  const rssOk = rss < TARGET_RSS_MB;
  failed ||= !timeOk || !rssOk;
  console.log(
    `${name.padEnd(10)} loadApi ${loadMs.toFixed(0).padStart(5)} ms` +
      (targetMs === undefined
        ? ''
        : ` (${((loadMs / targetMs) * 100).toFixed(0)}% of ${targetMs} ms target)`) +
      ` [cpu ${cpuMs.toFixed(0)} ms], import ${importMs.toFixed(0)} ms, process wall ${wallMs.toFixed(0)} ms, parse alone ${parseMs.toFixed(0)} ms (load/parse ${(loadMs / parseMs).toFixed(1)}x)` +
      `, peak RSS ${rss.toFixed(0)} MB (${((rss / TARGET_RSS_MB) * 100).toFixed(0)}% of ${TARGET_RSS_MB} MB)` +
      ` | ${operations} operations, ${schemas} schemas, ${lists} lists${timeOk && rssOk ? '' : '  << OVER TARGET'}`,
  );
}
// A benchmark reports; it does not fail the build (timings on a shared machine vary with its load).
if (failed)
  console.log(
    'some figures are over target; compare the load/parse ratio, which the machine load affects less',
  );
