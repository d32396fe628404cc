// Child process of run-bench.mjs: loads one spec from the built package and reports time and peak RSS.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.argv[2];
const started = performance.now();
const cpuStart = process.cpuUsage();
const { loadApi } = await import('../dist/index.js');
const imported = performance.now();
const cpuImported = process.cpuUsage(cpuStart);
const api = await loadApi(file);
const loaded = performance.now();
const cpu = process.cpuUsage(cpuStart);

// Baseline in the same process: reading and parsing the text alone, the floor any loader pays.
const { load } = await import('js-yaml');
const parseStart = performance.now();
const text = readFileSync(file, 'utf8');
if (file.endsWith('.json')) JSON.parse(text);
else load(text);
const parseMs = performance.now() - parseStart;

process.stdout.write(
  JSON.stringify({
    operations: api.operations.length,
    schemas: Object.keys(api.schemas).length,
    lists: api.operations.filter((o) => o.list !== undefined).length,
    importMs: imported - started,
    loadMs: loaded - imported,
    // CPU time of loadApi alone (user + system): steadier than wall time on a shared machine.
    loadCpuMs: (cpu.user + cpu.system - cpuImported.user - cpuImported.system) / 1000,
    parseMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
