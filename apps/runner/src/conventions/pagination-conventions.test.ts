import { createChecks } from '@assay/checks';
import type { ApiModel, Exchange, HttpRequest, Operation, Violation } from '@assay/model';
import { loadApi } from '@assay/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentOf } from '../_test/convention-document.js';
import { type ConventionCase, FAULTS, type Fault, serveConvention } from '../_test/convention-server.js';
import { PAGE_CASES } from '../_test/page-convention-cases.js';
import { TOKEN_CASES } from '../_test/token-convention-cases.js';
import { listSequence } from '../engine/list-sequence.js';

// Each convention served as its framework documents it: the correct server draws no finding from
// any check, and each single fault is caught by the check that owns its rule.
const CATCHES: Record<Fault, readonly string[]> = {
  overlap: ['pagination-no-duplicates'],
  skip: ['pagination-complete', 'pagination-page-size-invariance', 'pagination-metadata'],
  'wrong-total': ['pagination-metadata', 'pagination-complete', 'pagination-walk-terminates'],
  'next-on-last': [
    'pagination-metadata',
    'pagination-full-pages',
    'pagination-walk-terminates',
    'pagination-past-last',
  ],
  'size-ignored': ['pagination-page-size'],
  'ordering-ignored': ['query-ordering'],
};

async function findings(api: ApiModel, c: ConventionCase, fault?: Fault): Promise<Violation[]> {
  const operation = api.operations.find((o) => o.id === 'things_list') as Operation;
  const { checks, sequenceChecks, validator } = createChecks(api, { basePath: '' });
  const send = async (request: HttpRequest): Promise<Exchange> => ({
    operation,
    request,
    response: serveConvention(c, request, fault),
  });
  const { exchanges, walks } = await listSequence(operation, () => ({}), send, {
    basePath: '',
    isAborted: () => false,
    isValid: (schema, value) => validator.isValid(schema, value),
  });
  expect(exchanges.length).toBeGreaterThan(1);
  const out: Violation[] = [];
  for (const exchange of exchanges) for (const check of checks) out.push(...check.verify(exchange));
  for (const check of sequenceChecks) out.push(...check.verify(exchanges, walks));
  return out;
}

describe.each([...PAGE_CASES, ...TOKEN_CASES])('$convention', (c) => {
  let api: ApiModel;
  beforeAll(async () => {
    api = await loadApi(documentOf(c));
  });

  it('is detected, with its identifier from the item operation', () => {
    const list = api.operations.find((o) => o.id === 'things_list')!.list;
    expect(list?.pagination?.convention).toBe(c.convention);
    expect(list?.identifier).toBe('id');
    expect(list?.ordering).toMatchObject({
      param: c.ordering.param,
      fields: ['name', 'rank'],
      syntax: c.ordering.syntax,
    });
  });

  it('a correct server draws no finding', async () => {
    expect(await findings(api, c)).toEqual([]);
  });

  it.each(
    FAULTS.filter((f) => (c.hasTotal || f !== 'wrong-total') && (!c.countsOnly || f !== 'next-on-last')),
  )('%s is caught by its check', async (fault) => {
    const found = await findings(api, c, fault);
    const ids = [...new Set(found.map((v) => v.check))];
    expect(
      ids.filter((id) => CATCHES[fault].includes(id)),
      `${fault}: found ${ids.join(', ') || 'nothing'}`,
    ).not.toEqual([]);
  });
});

describe('the totals a convention offers, against what a walk sees', () => {
  const kubernetes = TOKEN_CASES.find((c) => c.convention === 'Kubernetes continue')!;
  const gitlab = TOKEN_CASES.find((c) => c.headers?.['X-Next-Page'] !== undefined)!;

  it('Kubernetes remainingItemCount: the items after each page, as the walk saw them', async () => {
    const api = await loadApi(documentOf(kubernetes));
    expect(api.operations[0]!.list?.pagination?.remainingPath).toEqual(['metadata', 'remainingItemCount']);
    const wrong = (await findings(api, kubernetes, 'wrong-total')).filter((v) => v.keyword === 'remaining');
    // One per walk (the first, the page-size variant, each ordering), on pagination-complete, as a warning.
    expect(wrong.length).toBeGreaterThan(0);
    for (const v of wrong) expect([v.check, v.severity]).toEqual(['pagination-complete', 'warning']);
    expect(wrong[0]!.message).toMatch(
      /page 1 of the walk says 21 items remain, but the walk saw 18 after it/,
    );
  });

  it('GitLab X-Next-Page: the page after this one, empty on the last', async () => {
    const api = await loadApi(documentOf(gitlab));
    expect(api.operations[0]!.list?.pagination?.nextPageHeader).toBe('x-next-page');
    const onLast = await findings(api, gitlab, 'next-on-last');
    expect(
      onLast.filter((v) => v.check === 'pagination-metadata' && /x-next-page says \d+$/.test(v.message)),
    ).not.toEqual([]);
    // The walk follows the header to the page it names, which is empty.
    expect(onLast.map((v) => v.check)).toContain('pagination-full-pages');
  });
});
