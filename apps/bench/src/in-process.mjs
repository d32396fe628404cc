// Child process: checked exchanges per second of a whole run against the in-process mock (the mock
// as an undici dispatcher: no sockets), next to the mock's two layers alone, measured in the same
// process: `mock.handle` (answering) and an undici request through `mock.dispatcher` (answering
// plus the dispatcher's plumbing). Rounds alternate; medians count.
import { createMock } from '@assay/mock';
import { executeRun } from '@assay/runner';
import { loadApi } from '@assay/spec';
import { request } from 'undici';
import {
  cpuMs,
  identificationSpec,
  listPath,
  median,
  perSecond,
  perSecondAsync,
  runOptions,
} from './bench-kit.mjs';

const maxExamples = Number(process.env.BENCH_EXAMPLES ?? 5000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const api = await loadApi(identificationSpec);
const options = runOptions({ mock: true, maxExamples });
const mock = createMock(api, { seed: 1 });
const headers = { authorization: `Bearer ${mock.token}` };
const firstPage = {
  method: 'GET',
  path: listPath,
  query: '',
  headers,
  operationId: 'stages_identification_list',
  mode: 'positive',
};
const dispatched = async () => {
  const response = await request(`http://assay.mock${listPath}`, { headers, dispatcher: mock.dispatcher });
  await response.body.text();
};

await executeRun(api, { ...options, maxExamples: 200 }); // warm-up
perSecond(() => mock.handle(firstPage), 300);
await perSecondAsync(dispatched, 300, 8);
const run = [];
const runCpu = [];
const handle = [];
const dispatcher = [];
let last;
for (let round = 0; round < rounds; round++) {
  const cpu = cpuMs();
  last = await executeRun(api, options);
  runCpu.push(((cpuMs() - cpu) * 1000) / last.requests);
  run.push((last.requests * 1000) / last.durationMs);
  handle.push(perSecond(() => mock.handle(firstPage), 1000));
  dispatcher.push(await perSecondAsync(dispatched, 1000, 8));
}
process.stdout.write(
  JSON.stringify({
    maxExamples,
    rounds,
    requests: last.requests,
    failures: last.failures.length,
    runRate: median(run),
    runCpuUs: median(runCpu),
    handleRate: median(handle),
    dispatcherRate: median(dispatcher),
  }),
);
