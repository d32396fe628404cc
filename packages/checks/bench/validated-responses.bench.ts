// Validated responses per second for identification pages of 20 and 100 items, against a bare
// JSON.parse of the same body in the same run (vitest prints the ratios in its summary).
// One "validated response" is a fresh response object (so the parse cache does not help) run
// through every exchange check of createChecks: parse, status, content type, schema, headers,
// pagination metadata, page size, full pages, filter, ordering and search.
import type { Exchange } from '@assay/model';
import { loadApi } from '@assay/spec';
import { bench, describe } from 'vitest';
import {
  IDENTIFICATION_SPEC,
  identificationExchange,
  identificationPage,
} from '../src/_test/identification-page.js';
import { createChecks } from '../src/checks/create-checks.js';

const api = await loadApi(IDENTIFICATION_SPEC);
const operation = api.operations.find((o) => o.id === 'stages_identification_list')!;
const { checks } = createChecks(api);

function prepare(items: number): Exchange {
  const exchange = identificationExchange(
    operation,
    identificationPage(items * 3, items, 2),
    `page=2&page_size=${items}`,
  );
  const violations = checks.flatMap((check) => check.verify(exchange));
  if (violations.length > 0)
    throw new Error(`the benchmark page is not valid: ${JSON.stringify(violations[0])}`);
  return exchange;
}

function validate(exchange: Exchange): number {
  const fresh = { ...exchange, response: { ...exchange.response } };
  let n = 0;
  for (const check of checks) n += check.verify(fresh).length;
  return n;
}

for (const items of [20, 100]) {
  const exchange = prepare(items);
  describe(`identification page, ${items} items (${exchange.response.body.length} bytes)`, () => {
    bench('JSON.parse only', () => {
      JSON.parse(exchange.response.body);
    });
    bench('all exchange checks (validated response)', () => {
      validate(exchange);
    });
  });
}
