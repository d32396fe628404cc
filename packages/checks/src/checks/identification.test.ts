import type { ApiModel, Exchange, Operation } from '@assay/model';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  identificationExchange,
  identificationPage,
  loadIdentification,
} from '../_test/identification-page.js';
import { nextPageRequest } from '../pagination/next-page-request.js';
import { createChecks } from './create-checks.js';

let api: ApiModel;
let operation: Operation;
beforeAll(async () => {
  ({ api, operation } = await loadIdentification());
});

/** The exchanges as one walk, page after page. */
function verifyAll(exchanges: Exchange[]) {
  const { checks, sequenceChecks } = createChecks(api);
  return [
    ...exchanges.flatMap((exchange) => checks.flatMap((check) => check.verify(exchange))),
    ...sequenceChecks.flatMap((check) => check.verify(exchanges, [{ pages: exchanges, pastLast: [] }])),
  ];
}

describe('the identification list (spec/identification.yaml, loaded by @assay/spec)', () => {
  it('is read as authentik page-object pagination', () => {
    expect(operation.list?.pagination?.style).toBe('page-object');
    expect(operation.list?.identifier).toBe('pk');
  });

  it('accepts a walk over realistic pages', () => {
    const exchanges: Exchange[] = [];
    let query = 'page_size=7';
    for (let page = 1; page <= 4; page++) {
      const exchange = identificationExchange(operation, identificationPage(23, 7, page), query);
      exchanges.push(exchange);
      const next = nextPageRequest(exchange, { basePath: '/api/v3' });
      if (next === undefined) break;
      query = next.query;
    }
    expect(exchanges).toHaveLength(4);
    expect(verifyAll(exchanges)).toEqual([]);
  });

  it('reports a stage whose pk is not a uuid, once per bug across items', () => {
    const body = identificationPage(20, 20, 1) as { results: Record<string, unknown>[] };
    body.results[3]!.pk = 'not-a-uuid';
    body.results[9]!.pk = 'also-not';
    const violations = verifyAll([identificationExchange(operation, body, '')]);
    const schema = violations.filter((v) => v.check === 'response-schema-conformance');
    expect(schema.map((v) => v.pointer)).toEqual(['/results/3/pk', '/results/9/pk']);
    expect(schema[0]).toMatchObject({ keyword: 'format', expected: 'uuid', actual: 'not-a-uuid' });
    expect(new Set(schema.map((v) => v.fingerprint)).size).toBe(1);
  });

  it('reports a flow slug breaking its pattern deep inside an item', () => {
    const body = identificationPage(5, 20, 1) as { results: { flow_set: Record<string, unknown>[] }[] };
    body.results[2]!.flow_set[0]!.slug = 'has spaces';
    const [violation] = verifyAll([identificationExchange(operation, body, '')]);
    expect(violation).toMatchObject({
      check: 'response-schema-conformance',
      pointer: '/results/2/flow_set/0/slug',
      keyword: 'pattern',
    });
  });
});
