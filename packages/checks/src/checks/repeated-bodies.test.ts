import type { ApiModel, Exchange, Operation } from '@assay/model';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsedBody } from '../_internals/parsed-body.js';
import {
  identificationExchange,
  identificationPage,
  loadIdentification,
} from '../_test/identification-page.js';
import { createChecks } from './create-checks.js';

let api: ApiModel;
let operation: Operation;
beforeAll(async () => {
  ({ api, operation } = await loadIdentification());
});

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** A small pool of pages, valid and broken, so that a sequence drawn from it repeats bodies. */
function pool(): unknown[] {
  const broken = identificationPage(20, 20, 1, 2) as { results: Record<string, unknown>[] };
  broken.results[4]!.pk = 'not-a-uuid';
  broken.results[7]!.name = 12;
  const short = identificationPage(3, 20, 1, 3) as { pagination: Record<string, unknown> };
  short.pagination.count = 40;
  return [identificationPage(20, 20, 1), identificationPage(45, 20, 2), broken, short];
}

const queries = ['', 'page_size=5', 'page=2', 'name=default', 'ordering=-name', 'search=flow', 'pk=nope'];

describe('checking a body the server sent before', () => {
  it('gives the verdicts of checking it afresh, and no check writes to the shared parse', () => {
    const pages = pool();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: pages.length - 1 }), fc.constantFrom(...queries)), {
          minLength: 1,
          maxLength: 12,
        }),
        (draws) => {
          const exchanges = draws.map(([page, query]) =>
            identificationExchange(operation, pages[page], query),
          );
          // Afresh: every body a text never seen (trailing spaces of its own length), fresh checks.
          const fresh = exchanges.map((exchange, index): Exchange => {
            const pad = ' '.repeat(3000 + index * 7);
            return { ...exchange, response: { ...exchange.response, body: exchange.response.body + pad } };
          });
          const expected = fresh.map((exchange) =>
            createChecks(api).checks.flatMap((check) => check.verify(exchange)),
          );
          // Repeated: one set of checks over the same texts, the shared parses frozen.
          const { checks } = createChecks(api);
          const actual = exchanges.map((exchange) => {
            const parsed = parsedBody(exchange.response);
            if (parsed.ok) deepFreeze(parsed.value);
            return checks.flatMap((check) => check.verify(exchange));
          });
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
