// Child process: checked requests per second of `assay run` (generation, HTTP, every check) against
// a minimal node:http server in another process, next to a bare undici loop that sends the very
// same requests (recorded from a run with the same seed) with no generation and no checking, both
// at the same concurrency over a Pool of as many connections. Two targets: one answering every
// request with the same page, and one whose page differs on every response (so nothing the client
// remembers of a body it saw before can help). Rounds alternate; medians count.
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

async function startServer(vary) {
  const server = spawn(
    process.execPath,
    [new URL('./target-server.mjs', import.meta.url).pathname, bodyFile, vary ? 'vary' : 'same'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const { port } = JSON.parse(
    await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve)),
  );
  const origin = `http://127.0.0.1:${port}`;
  const pool = new Pool(origin, { connections: concurrency, keepAliveTimeout: 10_000 });
  return { server, origin, pool };
}
const fixed = await startServer(false);
const varied = await startServer(true);
const { origin, pool } = fixed;

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

async function bareLoop({ origin, pool }) {
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

async function assayRun(target) {
  const cpu = cpuMs();
  const result = await executeRun(api, {
    ...options,
    baseUrl: new URL(`${target.origin}/api/v3`),
    dispatcher: target.pool,
  });
  return {
    requests: result.requests,
    ms: result.durationMs,
    failures: result.failures.length,
    cpu: cpuMs() - cpu,
  };
}

await bareLoop(fixed); // warm-up (JIT, connections)
await bareLoop(varied);
const figures = (target) => ({ target, bare: [], assay: [], bareCpu: [], assayCpu: [], last: undefined });
const sides = [figures(fixed), figures(varied)];
for (let round = 0; round < rounds; round++) {
  for (const side of sides) {
    const b = await bareLoop(side.target);
    side.bare.push((b.requests * 1000) / b.ms);
    side.bareCpu.push((b.cpu * 1000) / b.requests);
    side.last = await assayRun(side.target);
    side.assay.push((side.last.requests * 1000) / side.last.ms);
    side.assayCpu.push((side.last.cpu * 1000) / side.last.requests);
  }
}
for (const { target } of sides) {
  await target.pool.close();
  target.server.kill('SIGTERM');
}
const summary = (side) => ({
  failures: side.last.failures,
  runRequests: side.last.requests,
  bareRate: median(side.bare),
  assayRate: median(side.assay),
  // Client CPU per request (µs): what the client process spends, whatever the machine's load.
  bareCpuUs: median(side.bareCpu),
  assayCpuUs: median(side.assayCpu),
});
process.stdout.write(
  JSON.stringify({
    concurrency,
    maxExamples,
    rounds,
    requests: recorded.length,
    bodyBytes: Buffer.byteLength(page.body),
    ...summary(sides[0]),
    varied: summary(sides[1]),
  }),
);
