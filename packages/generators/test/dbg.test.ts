import { createSchemaValidator } from '@assay/checks';
import { loadApi } from '@assay/spec';
import fc from 'fast-check';
import { it } from 'vitest';
import { coverageRequests, requestArbitrary } from '../src/index.js';

it('dbg', async () => {
  const api = await loadApi('../../spec/identification.yaml');
  const op = api.operations[0]!;
  console.log(JSON.stringify(op.list));
  const { isValid } = createSchemaValidator(api.schemas);
  const opts = { defs: api.schemas, isValid, seen: { name: ['default-identification'] } };
  for (const r of fc.sample(requestArbitrary(op, 'positive', opts), { numRuns: 6, seed: 1 }))
    console.log(r.query);
  for (const r of fc.sample(requestArbitrary(op, 'negative', opts), { numRuns: 6, seed: 1 }))
    console.log(r.query, r.reason?.message);
  console.log(coverageRequests(op, opts).length);
}, 60000);
