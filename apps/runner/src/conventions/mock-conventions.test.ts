import { createChecks } from '@assay/checks';
import { createMock } from '@assay/mock';
import type { ApiModel, Exchange, HttpRequest, Operation, Violation } from '@assay/model';
import { loadApi } from '@assay/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentOf } from '../_test/convention-document.js';
import type { ConventionCase } from '../_test/convention-server.js';
import { PAGE_CASES } from '../_test/page-convention-cases.js';
import { TOKEN_CASES } from '../_test/token-convention-cases.js';
import { listSequence } from '../engine/list-sequence.js';

// `assay mock` serves every convention from its description alone: a walk over the mock draws no
// finding, and the mock's own pagination faults are caught on each convention.
const FAULTS: Record<string, readonly string[]> = {
  'duplicates-across-pages': ['pagination-no-duplicates'],
  'missing-items-across-pages': [
    'pagination-complete',
    'pagination-page-size-invariance',
    'pagination-metadata',
  ],
  'page-size-ignored': ['pagination-page-size'],
};

async function findings(api: ApiModel, faults: readonly string[]): Promise<Violation[]> {
  const operation = api.operations.find((o) => o.id === 'things_list') as Operation;
  const mock = createMock(api, { seed: 7, items: 23, faults });
  const { checks, sequenceChecks, validator } = createChecks(api, { basePath: '' });
  const send = async (request: HttpRequest): Promise<Exchange> => ({
    operation,
    request,
    response: mock.handle(request),
  });
  const { exchanges, walks } = await listSequence(operation, () => ({}), send, {
    basePath: '',
    isAborted: () => false,
    isValid: (schema, value) => validator.isValid(schema, value),
  });
  const out: Violation[] = [];
  for (const exchange of exchanges) for (const check of checks) out.push(...check.verify(exchange));
  for (const check of sequenceChecks) out.push(...check.verify(exchanges, walks));
  return out;
}

describe.each([...PAGE_CASES, ...TOKEN_CASES])('the mock serving $convention', (c: ConventionCase) => {
  let api: ApiModel;
  beforeAll(async () => {
    api = await loadApi(documentOf(c));
  });

  it('draws no finding', async () => {
    const found = await findings(api, []);
    expect(found.map((v) => `${v.check}: ${v.message}`)).toEqual([]);
  });

  it.each(Object.keys(FAULTS))('with %s, is caught', async (fault) => {
    const ids = [...new Set((await findings(api, [fault])).map((v) => v.check))];
    expect(
      ids.filter((id) => FAULTS[fault]!.includes(id)),
      `found ${ids.join(', ') || 'nothing'}`,
    ).not.toEqual([]);
  });
});

describe('the mock serving the totals a convention offers', () => {
  it('writes Kubernetes remainingItemCount from the count it serves, so a wrong count shows in it', async () => {
    const api = await loadApi(documentOf(TOKEN_CASES.find((c) => c.convention === 'Kubernetes continue')!));
    expect((await findings(api, [])).filter((v) => v.keyword === 'remaining')).toEqual([]);
    const wrong = (await findings(api, ['wrong-count'])).filter((v) => v.keyword === 'remaining');
    expect(wrong.map((v) => v.check)).toContain('pagination-complete');
  });

  it('sends GitLab X-Next-Page, naming a page past the end with next-on-last-page', async () => {
    const api = await loadApi(documentOf(TOKEN_CASES.find((c) => c.headers?.['X-Next-Page'] !== undefined)!));
    const onLast = await findings(api, ['next-on-last-page']);
    expect(onLast.filter((v) => /x-next-page says \d+$/.test(v.message))).not.toEqual([]);
  });
});
