// Validated responses per second for identification pages of 20 and 100 items, against a bare
// JSON.parse of the same body, measured in the same run. One "validated response" is a fresh
// response object with a body text not among the last few (so neither the parse cache nor the
// memo of recent bodies can help) run through every exchange check of
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
    // 16 texts of the same JSON (trailing spaces), taken in turn: more than the checks remember.
    const bodies = Array.from({ length: 16 }, (_, i) => body + ' '.repeat(i));
    let turn = 0;
    const parse = () => {
      JSON.parse(bodies[turn++ % bodies.length]!);
    };
    const validate = () => {
      const text = bodies[turn++ % bodies.length]!;
      const fresh = { ...exchange, response: { ...exchange.response, body: text } };
      for (const check of checks) check.verify(fresh);
    };
    // The same text again and again, as a server repeating one page sends it: the memo's case.
    const repeated = () => {
      const fresh = { ...exchange, response: { ...exchange.response } };
      for (const check of checks) check.verify(fresh);
    };
    perSecond(parse);
    perSecond(validate);
    perSecond(repeated);
    const parsed: number[] = [];
    const validated: number[] = [];
    const again: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      parsed.push(perSecond(parse));
      validated.push(perSecond(validate));
      again.push(perSecond(repeated));
    }
    const p = median(parsed);
    const v = median(validated);
    const r = median(again);
    rows.push(
      `${items} items (${(body.length / 1024).toFixed(1)} KiB): ${Math.round(v).toLocaleString('en')} validated/s, ` +
        `${Math.round(p).toLocaleString('en')} JSON.parse/s; validation costs ${(p / v).toFixed(2)}x a bare parse; ` +
        `the same body repeated: ${Math.round(r).toLocaleString('en')} validated/s`,
    );
  }
  console.log(
    `\nvalidated responses (median of ${ROUNDS} alternating rounds of ${ROUND_MS} ms)\n${rows.join('\n')}`,
  );
});
