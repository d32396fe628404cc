// Child process: checked requests per second of `assay run` (generation, HTTP, every check) against
// a minimal node:http server in another process, next to a bare undici loop that sends the very
// same requests (recorded from a run with the same seed) with no generation and no checking, both
// at the same concurrency over a Pool of as many connections. Rounds alternate; medians count.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createMock } from '@assay/mock';
import { executeRun } from '@assay/runner';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { cpuMs, identificationSpec, listPath, median, runOptions } from './bench-kit.mjs';

const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const maxExamples = Number(process.env.BENCH_EXAMPLES ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

const api = await loadApi(identificationSpec);
// The fixed page: the mock's own first page over 20 items, so it is valid and complete.
const mock = createMock(api, { seed: 1, items: 20 });
const page = mock.handle({
  method: 'GET',
  path: listPath,
  query: '',
  headers: { authorization: `Bearer ${mock.token}` },
  operationId: 'stages_identification_list',
  mode: 'positive',
});
if (page.status !== 200) throw new Error(`the mock gave ${page.status} for the first page`);
const bodyFile = join(mkdtempSync(join(tmpdir(), 'assay-bench-')), 'page.json');
writeFileSync(bodyFile, page.body);

const server = spawn(process.execPath, [new URL('./target-server.mjs', import.meta.url).pathname, bodyFile], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { port } = JSON.parse(
  await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve)),
);
const origin = `http://127.0.0.1:${port}`;
const pool = new Pool(origin, { connections: concurrency, keepAliveTimeout: 10_000 });

const options = runOptions({
  baseUrl: new URL(`${origin}/api/v3`),
  dispatcher: pool,
  bearer: 'bench-token',
  concurrency,
  maxExamples,
});

// The requests of a run, as they went on the wire.
const recorded = [];
await executeRun(api, {
  ...options,
  wrapDispatcher: (inner) =>
    inner.compose((dispatch) => (opts, handler) => {
      recorded.push({ path: opts.path, method: opts.method, headers: opts.headers, body: opts.body });
      return dispatch(opts, handler);
    }),
});

async function bareLoop() {
  let next = 0;
  const cpu = cpuMs();
  const started = performance.now();
  const worker = async () => {
    while (next < recorded.length) {
      const r = recorded[next++];
      const response = await pool.request({
        origin,
        path: r.path,
        method: r.method,
        headers: r.headers,
        body: r.body,
      });
      await response.body.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests: recorded.length, ms: performance.now() - started, cpu: cpuMs() - cpu };
}

async function assayRun() {
  const cpu = cpuMs();
  const result = await executeRun(api, options);
  return {
    requests: result.requests,
    ms: result.durationMs,
    failures: result.failures.length,
    cpu: cpuMs() - cpu,
  };
}

await bareLoop(); // warm-up (JIT, connections)
const bare = [];
const assay = [];
const bareCpu = [];
const assayCpu = [];
let last;
for (let round = 0; round < rounds; round++) {
  const b = await bareLoop();
  bare.push((b.requests * 1000) / b.ms);
  bareCpu.push((b.cpu * 1000) / b.requests);
  last = await assayRun();
  assay.push((last.requests * 1000) / last.ms);
  assayCpu.push((last.cpu * 1000) / last.requests);
}
await pool.close();
server.kill('SIGTERM');
process.stdout.write(
  JSON.stringify({
    concurrency,
    maxExamples,
    rounds,
    requests: recorded.length,
    runRequests: last.requests,
    failures: last.failures,
    bodyBytes: Buffer.byteLength(page.body),
    bareRate: median(bare),
    assayRate: median(assay),
    // Client CPU per request (µs): what the client process spends, whatever the machine's load.
    bareCpuUs: median(bareCpu),
    assayCpuUs: median(assayCpu),
  }),
);
