// Requests generated per second, for the canonical list operation and for body-heavy Stripe
// operations, measured in the same run so the ratio between them is meaningful.
// Run from the repository root with `npm run bench` (turbo builds the dependencies' dist first).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchemaValidator } from '@assay/checks';
import { loadApi } from '@assay/spec';
import fc from 'fast-check';
import { requestArbitrary } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
const corpus = join(repo, '../shared/specs');
const MIN_MS = 1500;

function measure(arbitrary) {
  // Warm-up draws build every cached arbitrary and let the JIT settle.
  fc.sample(arbitrary, { numRuns: 50, seed: 1 });
  let count = 0;
  let bytes = 0;
  const start = performance.now();
  let seed = 2;
  while (performance.now() - start < MIN_MS) {
    const requests = fc.sample(arbitrary, { numRuns: 200, seed: seed++ });
    count += requests.length;
    for (const r of requests) bytes += r.query.length + (r.body?.length ?? 0);
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: count / seconds, meanBytes: bytes / count };
}

const cases = [
  [join(repo, 'spec/identification.yaml'), 'stages_identification_list'],
  [join(corpus, 'stripe-spec3-2023-09-12.yaml'), 'PostCustomers'],
  [join(corpus, 'stripe-spec3-2023-09-12.yaml'), 'PostPaymentIntents'],
];

const rows = [];
const apis = new Map();
for (const [source, id] of cases) {
  if (!apis.has(source)) apis.set(source, await loadApi(source));
  const api = apis.get(source);
  const operation = api.operations.find((o) => o.id === id);
  const { isValid } = createSchemaValidator(api.schemas);
  for (const mode of ['positive', 'negative']) {
    const buildStart = performance.now();
    // Form-field negatives are on so the Stripe (urlencoded) rows measure negative bodies too.
    const arbitrary = requestArbitrary(operation, mode, {
      defs: api.schemas,
      isValid,
      formBodyNegatives: true,
    });
    const buildMs = performance.now() - buildStart;
    const { perSecond, meanBytes } = measure(arbitrary);
    rows.push({ id, mode, perSecond, meanBytes, buildMs });
  }
}

const base = rows.find((r) => r.id === 'stages_identification_list' && r.mode === 'positive').perSecond;
console.log(
  'operation                   mode      requests/s  ÷ list positive   mean query+body bytes  build ms',
);
for (const r of rows) {
  console.log(
    `${r.id.padEnd(27)} ${r.mode.padEnd(9)} ${r.perSecond.toFixed(0).padStart(10)}   ${(r.perSecond / base).toFixed(3).padStart(17)}  ${r.meanBytes.toFixed(0).padStart(21)}  ${r.buildMs.toFixed(1).padStart(8)}`,
  );
}
