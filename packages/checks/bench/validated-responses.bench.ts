// Validated responses per second for identification pages of 20 and 100 items, against a bare
// JSON.parse of the same body, measured in the same run. One "validated response" is a fresh
// response object (so the parse cache cannot help) run through every exchange check of
// createChecks: parse, status, content type, schema, headers, pagination metadata, page size,
// full pages, filter, ordering and search. Rounds of both alternate and the median round counts,
// so a busy machine slows both sides alike.
import type { Exchange } from '@assay/model';
import { loadApi } from '@assay/spec';
import { expect, it } from 'vitest';
import {
  IDENTIFICATION_SPEC,
  identificationExchange,
  identificationPage,
} from '../src/_test/identification-page.js';
import { createChecks } from '../src/checks/create-checks.js';

const ROUNDS = 15;
const ROUND_MS = 200;

function perSecond(work: () => void): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let i = 0; i < 20; i++) work();
    n += 20;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

it('validated identification pages per second, against JSON.parse', async () => {
  const api = await loadApi(IDENTIFICATION_SPEC);
  const operation = api.operations.find((o) => o.id === 'stages_identification_list')!;
  const { checks } = createChecks(api);
  const rows: string[] = [];
  for (const items of [20, 100]) {
    const exchange: Exchange = identificationExchange(
      operation,
      identificationPage(items * 3, items, 2),
      `page=2&page_size=${items}`,
    );
    // The page must be valid, or the benchmark would time error reporting instead.
    expect(checks.flatMap((check) => check.verify(exchange))).toEqual([]);
    const body = exchange.response.body;
    const parse = () => {
      JSON.parse(body);
    };
    const validate = () => {
      const fresh = { ...exchange, response: { ...exchange.response } };
      for (const check of checks) check.verify(fresh);
    };
    perSecond(parse);
    perSecond(validate);
    const parsed: number[] = [];
    const validated: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      parsed.push(perSecond(parse));
      validated.push(perSecond(validate));
    }
    const p = median(parsed);
    const v = median(validated);
    rows.push(
      `${items} items (${(body.length / 1024).toFixed(1)} KiB): ${Math.round(v).toLocaleString('en')} validated/s, ` +
        `${Math.round(p).toLocaleString('en')} JSON.parse/s; validation costs ${(p / v).toFixed(2)}x a bare parse`,
    );
  }
  console.log(
    `\nvalidated responses (median of ${ROUNDS} alternating rounds of ${ROUND_MS} ms)\n${rows.join('\n')}`,
  );
});
