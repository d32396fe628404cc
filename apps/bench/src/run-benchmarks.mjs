// `npm run bench` (root, through turbo) runs this after building every package: each benchmark in
// its own child process (so peak RSS is its own), then the tables go into ../BENCHMARKS.md between
// the generated-section markers. Every figure is a ratio measured in the same run, next to its
// absolute value, since the machine is shared and noisy. BENCH_ONLY=throughput,long-run runs a subset.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, repoRoot, specsDir } from './bench-kit.mjs';

const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name) => only === undefined || only.includes(name);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const output = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const fmt = (n, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (n) => `${n.toFixed(2)}x`;
const benchStarted = performance.now();

function child(script, env = {}, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, here(script)], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

function timed(name, run) {
  if (!wanted(name)) return undefined;
  const started = performance.now();
  process.stdout.write(`bench: ${name}...`);
  const section = run();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(` ${seconds.toFixed(0)} s\n`);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `<!-- section:${name} -->\n${section}\n\n_(${name}: measured ${when} UTC, took ${seconds.toFixed(0)} s)_\n<!-- /section:${name} -->\n`;
}

/** The sections of the last written file, by name: a partial run (BENCH_ONLY) keeps the others. */
function previousSections(text) {
  const out = new Map();
  for (const m of text.matchAll(/<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->\n/g))
    out.set(m[1], m[0]);
  return out;
}

const sections = [];
const names = [
  'throughput',
  'in-process',
  'validation',
  'spec-load',
  'authentik-full',
  'long-run',
  'hostile-memory',
];

sections.push(
  timed('throughput', () => {
    const r = child('throughput.mjs');
    return [
      `### Throughput against a local node:http server (concurrency ${r.concurrency})`,
      '',
      `A minimal node:http server in a separate process on 127.0.0.1 answers every request with a valid`,
      `identification page (${fmt(r.bodyBytes)} bytes, 20 items). The server and the client each have their own`,
      `process, so they share the ${availableParallelism()} cores as a client and a server would. The bare loop sends`,
      `the very requests of an \`assay run\` with the same seed (${fmt(r.requests)} requests: examples, coverage,`,
      `${fmt(r.maxExamples)} positive and ${fmt(r.maxExamples)} negative, walks and probes) through an undici Pool of`,
      `${r.concurrency} connections, ${r.concurrency} in flight, and only reads each body. Two targets: the *same page*`,
      "one sends the very same bytes every time; the *varied page* one puts a counter in the first item's name,",
      'so every body differs from all before it and nothing Assay remembers of a body seen before (its text, its',
      `parse, its schema verdict) can help. Median of ${r.rounds} alternating rounds.`,
      '',
      '| target | bare undici loop | `assay run` (generation, HTTP, every check) | ratio | target ratio |',
      '| --- | ---: | ---: | ---: | --- |',
      `| same page | ${fmt(r.bareRate)}/s | ${fmt(r.assayRate)}/s | ${ratio(r.assayRate / r.bareRate)} | >= 0.80x |`,
      `| varied page | ${fmt(r.varied.bareRate)}/s | ${fmt(r.varied.assayRate)}/s | ${ratio(r.varied.assayRate / r.varied.bareRate)} | >= 0.80x |`,
      '',
      'Client CPU time per request (user + system of the client process; steadier than wall time when other',
      'work shares the machine):',
      '',
      '| target | bare undici loop | `assay run` | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| same page | ${fmt(r.bareCpuUs)} µs | ${fmt(r.assayCpuUs)} µs | ${ratio(r.assayCpuUs / r.bareCpuUs)} |`,
      `| varied page | ${fmt(r.varied.bareCpuUs)} µs | ${fmt(r.varied.assayCpuUs)} µs | ${ratio(r.varied.assayCpuUs / r.varied.bareCpuUs)} |`,
      '',
      `The page does not honour page sizes or reject invalid input, so each run reports the same distinct failures (${r.failures} against the same page, ${r.varied.failures} against the varied one): as intended, every response is fully checked.`,
    ].join('\n');
  }),
);

sections.push(
  timed('in-process', () => {
    const r = child('in-process.mjs');
    return [
      '### In-process path (the mock as an undici dispatcher)',
      '',
      `A whole \`assay run\` of \`spec/identification.yaml\` against the in-process mock (${fmt(r.requests)} requests,`,
      `--max-examples ${fmt(r.maxExamples)}, concurrency 8, no shrinking), next to the mock's layers alone for the first`,
      `page of the list (45 items, 20 a page): \`mock.handle\`, and an undici request through \`mock.dispatcher\`.`,
      `Median of ${r.rounds} alternating rounds.`,
      '',
      '| measure | per second | ratio to `mock.handle` alone | target |',
      '| --- | ---: | ---: | --- |',
      `| \`mock.handle\` alone | ${fmt(r.handleRate)} | 1.00x | |`,
      `| undici request via \`mock.dispatcher\` | ${fmt(r.dispatcherRate)} | ${ratio(r.dispatcherRate / r.handleRate)} | |`,
      `| \`assay run --mock\`: checked exchanges | ${fmt(r.runRate)} | ${ratio(r.runRate / r.handleRate)} | >= 20,000/s (${ratio(r.runRate / 20_000)} of it) |`,
      '',
      `CPU time per checked exchange of the run: ${fmt(r.runCpuUs)} µs (${fmt(1e6 / r.runCpuUs)} exchanges per CPU-second; the wall-time rate above also counts time the process waited for the CPU).`,
    ].join('\n');
  }),
);

sections.push(
  timed('validation', () => {
    // The checks package's own benchmark (vitest, on the sources), run as it is.
    const out = execFileSync('npx', ['vitest', 'run'], {
      cwd: join(repoRoot, 'packages/checks'),
      encoding: 'utf8',
      env: { ...process.env, ASSAY_BENCH: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const rows = [
      ...out.matchAll(
        /(\d+) items \(([\d.]+) KiB\): ([\d,]+) validated\/s, ([\d,]+) JSON\.parse\/s; validation costs ([\d.]+)x[^;\n]*(?:; the same body repeated: ([\d,]+) validated\/s)?/g,
      ),
    ];
    if (rows.length === 0) throw new Error(`no figures in the checks bench output:\n${out}`);
    return [
      '### Response validation alone',
      '',
      "`packages/checks`' benchmark: every exchange check of `createChecks` on a fresh response object",
      '(parse, status, content type, schema, headers, pagination, filter, ordering, search), against a bare',
      '`JSON.parse` of the same body; median of alternating rounds. Each validated response carries a body',
      'text not among the last few, so the memo of recent bodies cannot help; the last column is the same',
      'body sent again and again (the memo hits: no parse, no schema validation).',
      '',
      '| page | validated/s | JSON.parse/s | validated / parse | same body repeated: validated/s |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows.map(
        ([, items, kib, v, p, , again]) =>
          `| ${items} items (${kib} KiB) | ${v} | ${p} | ${ratio(Number(v.replaceAll(',', '')) / Number(p.replaceAll(',', '')))} | ${again ?? 'n/a'} |`,
      ),
    ].join('\n');
  }),
);

const loadOne = join(repoRoot, 'packages/spec/bench/load-one.mjs');
const specCases = [
  { name: 'authentik', file: 'authentik-schema.yml' },
  { name: 'Stripe', file: 'stripe-spec3-2023-09-12.yaml' },
  { name: 'GitHub', file: 'github-api.github.com-octokit-openapi-23.0.2.min.json' },
];
let authentikLoadMs;
sections.push(
  timed('spec-load', () => {
    const rows = [];
    for (const { name, file } of specCases) {
      const path = specsDir + file;
      if (!existsSync(path)) {
        rows.push(`| ${name} | not found | | | | |`);
        continue;
      }
      const runs = [];
      for (let i = 0; i < 3; i++) {
        runs.push(JSON.parse(execFileSync(process.execPath, [loadOne, path], { encoding: 'utf8' })));
      }
      const loadMs = median(runs.map((r) => r.loadMs));
      const parseMs = median(runs.map((r) => r.parseMs));
      const rss = Math.max(...runs.map((r) => r.peakRssMb));
      if (name === 'authentik') authentikLoadMs = loadMs;
      rows.push(
        `| ${name} | ${runs[0].operations} | ${fmt(loadMs)} ms | ${fmt(parseMs)} ms | ${ratio(loadMs / parseMs)} | ${fmt(rss)} MB |`,
      );
    }
    return [
      '### Spec load',
      '',
      "`packages/spec`' loader benchmark (`bench/load-one.mjs`): `loadApi` in a fresh process, median of 3;",
      'the baseline is reading and parsing the same text alone (js-yaml or JSON.parse) in that process.',
      '',
      '| spec | operations | loadApi | parse alone | load / parse | peak RSS |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
  }),
);

sections.push(
  timed('authentik-full', () => {
    const spec = `${specsDir}authentik-schema.yml`;
    const report = join(mkdtempSync(join(tmpdir(), 'assay-bench-')), 'report.json');
    const bin = join(repoRoot, 'apps/runner/dist/bin.js');
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'BENCH_TIME %M %e',
        process.execPath,
        bin,
        'run',
        spec,
        '--mock',
        '--max-examples',
        '100',
        '--seed',
        '1',
        '--quiet',
        '--report',
        `json=${report}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    // Exit code 1 (failures found) is a finished run; anything else is a broken benchmark.
    const stderr = run.stderr ?? '';
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`assay run exited ${run.status}: ${stderr.slice(-2000)}`);
    const match = /BENCH_TIME (\d+) ([\d.]+)/.exec(stderr);
    if (match === null) throw new Error(`no timing in: ${stderr.slice(-2000)}`);
    const rssMb = Number(match[1]) / 1024;
    const wallS = Number(match[2]);
    const summary = JSON.parse(readFileSync(report, 'utf8')).summary;
    return [
      '### The full authentik schema against the mock',
      '',
      '`assay run authentik-schema.yml --mock --max-examples 100 --seed 1` (the built CLI, default concurrency 4,',
      'shrinking on), every operation selected by default (safe methods). Wall time and peak RSS of the process.',
      '',
      '| measure | value | ratio to target | ratio to loading the spec alone |',
      '| --- | ---: | ---: | ---: |',
      `| wall time (${fmt(summary.requests)} requests, ${summary.operations} operations, ${summary.failures} failures) | ${wallS.toFixed(1)} s | ${ratio(wallS / 60)} of 60 s | ${authentikLoadMs === undefined ? 'n/a' : ratio((wallS * 1000) / authentikLoadMs)} |`,
      `| peak RSS | ${fmt(rssMb)} MB | ${ratio(rssMb / 500)} of 500 MB | |`,
      `| requests/s over the whole process | ${fmt(summary.requests / wallS)} | | |`,
    ].join('\n');
  }),
);

sections.push(
  timed('long-run', () => {
    const r = child('long-run.mjs', {}, ['--expose-gc']);
    const at = (fraction) =>
      r.samples[Math.min(r.samples.length - 1, Math.round(fraction * (r.samples.length - 1)))];
    const start = at(0.05); // after the warm-up of the first twentieth
    const middle = at(0.5);
    const end = r.samples[r.samples.length - 1];
    return [
      '### Memory over a long run',
      '',
      `One \`assay run --mock\` of \`spec/identification.yaml\` with ${fmt(r.requests)} requests (positive and negative`,
      `phases of ${fmt(Math.ceil(Number(process.env.BENCH_LONG_REQUESTS ?? 1_000_000) / 2))} each), RSS and the live heap (after a forced full GC) sampled every twentieth of the run.`,
      `It took ${(r.durationMs / 1000).toFixed(0)} s (${fmt((r.requests * 1000) / r.durationMs)} requests/s); peak RSS ${fmt(r.peakRssMb)} MB.`,
      '',
      '| point | requests | RSS | RSS / start | live heap after GC | heap / start |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...[
        ['start (after the first twentieth)', start],
        ['middle', middle],
        ['end', end],
      ].map(
        ([label, s]) =>
          `| ${label} | ${fmt(s.requests)} | ${fmt(s.rssMb)} MB | ${ratio(s.rssMb / start.rssMb)} | ${fmt(s.heapMb, 1)} MB | ${ratio(s.heapMb / start.heapMb)} |`,
      ),
    ].join('\n');
  }),
);

sections.push(
  timed('hostile-memory', () => {
    const r = child('hostile-memory.mjs');
    const label = {
      big: '300 MB body (Content-Length)',
      endless: 'endless chunked body',
      'gzip-bomb': 'gzip bomb (300 MB inflated)',
    };
    return [
      '### Memory against hostile bodies',
      '',
      '`assay run spec/identification.yaml --max-examples 10 --concurrency 4` (the built CLI, default',
      '`--max-body` of 10 MiB) against a node:http server in its own process that answers every request with',
      'the same hostile body; peak RSS of the CLI process (`/usr/bin/time`). The baseline is the same run',
      `against the in-process mock (${fmt(r.baseline.requests)} requests, bodies it can judge).`,
      '',
      '| server | requests | peak RSS | ratio to target (200 MB) | ratio to the mock run |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| in-process mock (baseline) | ${fmt(r.baseline.requests)} | ${fmt(r.baseline.peakRssMb)} MB | ${ratio(r.baseline.peakRssMb / 200)} | 1.00x |`,
      ...r.hostile.map(
        (h) =>
          `| ${label[h.name]} | ${fmt(h.requests)} | ${fmt(h.peakRssMb)} MB | ${ratio(h.peakRssMb / 200)} | ${ratio(h.peakRssMb / r.baseline.peakRssMb)} |`,
      ),
    ].join('\n');
  }),
);

const totalS = (performance.now() - benchStarted) / 1000;
const previous = existsSync(output) ? readFileSync(output, 'utf8') : '';
const kept = previousSections(previous);
const merged = names.map((name, i) => sections[i] ?? kept.get(name)).filter((s) => s !== undefined);
const generated = [
  '<!-- bench:start (generated by `npm run bench`; edit outside these markers) -->',
  `## Latest run`,
  '',
  `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}). This run took ${totalS.toFixed(0)} s (${only === undefined ? 'every section' : `sections ${only.join(', ')}; the others are kept from an earlier run`}); each section says when it was measured and how long it took.`,
  '',
  ...merged,
  '<!-- bench:end -->',
].join('\n');

const begin = previous.indexOf('<!-- bench:start');
const end = previous.indexOf('<!-- bench:end -->');
const next =
  begin >= 0 && end > begin
    ? `${previous.slice(0, begin)}${generated}${previous.slice(end + '<!-- bench:end -->'.length)}`
    : `# Benchmarks\n\nWritten by \`npm run bench\` (apps/bench). Each figure is a ratio measured in the same run, next to its absolute value.\n\n${generated}\n`;
writeFileSync(output, next);
console.log(`bench: wrote ${output} in ${totalS.toFixed(0)} s`);
