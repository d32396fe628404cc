import { createSchemaValidator } from '@assay/checks';
import { loadApi } from '@assay/spec';
import { it } from 'vitest';
import { coverageRequests, exampleRequests } from '../src/index.js';
import { CORPUS } from './corpus.js';

it('dbg', async () => {
  for (const f of [
    'stripe-spec3-2023-09-12.yaml',
    'authentik-schema.yml',
    'github-api.github.com-octokit-openapi-23.0.2.min.json',
  ]) {
    const api = await loadApi(`${CORPUS}/${f}`);
    const { isValid } = createSchemaValidator(api.schemas);
    let total = 0,
      max = 0,
      maxId = '',
      ex = 0;
    const t = Date.now();
    for (const op of api.operations) {
      try {
        const n = coverageRequests(op, { defs: api.schemas, isValid }).length;
        total += n;
        if (n > max) {
          max = n;
          maxId = op.id;
        }
        ex += exampleRequests(op, { defs: api.schemas, isValid }).length;
      } catch (e) {}
    }
    console.log(
      f,
      api.operations.length,
      'coverage total',
      total,
      'max',
      max,
      maxId,
      'examples',
      ex,
      Date.now() - t,
      'ms',
    );
  }
}, 300000);
