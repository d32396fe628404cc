// Requests per second of a whole run (generation, transport, checks) against the in-process mock
// for spec/identification.yaml, next to the mock answering alone and a run over a 127.0.0.1 port.
// Run with `npm run bench` (builds dist first). Figures are from one process, in the same run.
import { fileURLToPath } from 'node:url';
import { createMock } from '@assay/mock';
import { loadApi } from '@assay/spec';
import { Pool } from 'undici';
import { executeRun } from '../dist/index.js';

const spec = fileURLToPath(new URL('../../../spec/identification.yaml', import.meta.url));
const api = await loadApi(spec);
const options = {
  spec,
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: Number(process.env.BENCH_EXAMPLES ?? 1000),
  seed: 1,
  excludeChecks: [],
  concurrency: 4,
  timeoutMs: 10_000,
  unsafe: false,
  shrink: false,
  maxBodyBytes: 10 * 1024 * 1024,
  faults: [],
};

function rate(requests, ms) {
  return Math.round((requests * 1000) / ms);
}

await executeRun(api, { ...options, maxExamples: 50 }); // warm-up: compile validators, JIT

const inProcess = await executeRun(api, options);
const inProcessRate = rate(inProcess.requests, inProcess.durationMs);

const mock = createMock(api, { seed: 1 });
const request = {
  method: 'GET',
  path: '/api/v3/stages/identification/',
  query: 'page_size=20',
  headers: { authorization: `Bearer ${mock.token}` },
  operationId: 'stages_identification_list',
  mode: 'positive',
};
const n = 2000;
const started = performance.now();
for (let i = 0; i < n; i++) mock.handle(request);
const handleRate = rate(n, performance.now() - started);

const server = await mock.listen({ port: 0 });
const pool = new Pool(server.url, { connections: 4 });
const overPort = await executeRun(api, {
  ...options,
  mock: false,
  baseUrl: new URL(`${server.url}/api/v3`),
  dispatcher: pool,
  bearer: mock.token,
});
const portRate = rate(overPort.requests, overPort.durationMs);
await pool.close();
await server.close();

console.log(
  `assay run, in-process mock:   ${inProcessRate} requests/s (${inProcess.requests} requests in ${Math.round(inProcess.durationMs)} ms)`,
);
console.log(
  `assay run, 127.0.0.1 socket:  ${portRate} requests/s (${overPort.requests} requests in ${Math.round(overPort.durationMs)} ms)`,
);
console.log(`mock.handle alone (20 items): ${handleRate} responses/s`);
console.log(
  `ratios: socket/in-process ${(portRate / inProcessRate).toFixed(2)}, in-process run/mock alone ${(inProcessRate / handleRate).toFixed(2)}`,
);
