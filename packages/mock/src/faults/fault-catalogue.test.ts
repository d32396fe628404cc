import { readFileSync } from 'node:fs';
import type { ApiModel } from '@assay/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareValues } from '../_internals/apply-ordering.js';
import { bookstoreApi, call, createBook, listedBooks } from '../_test/bookstore.js';
import { conformanceProblems, get, send } from '../_test/exchange.js';
import { identificationApi } from '../_test/identification-api.js';
import { walk } from '../_test/walk.js';
import { createMock, DEFAULT_MOCK_TOKEN, type Mock } from '../mock/create-mock.js';
import { type FaultName, faultCatalogue } from './fault-catalogue.js';

/** The check ids of @assay/checks (COMMON.md); a fault must name one of them. */
const CHECK_IDS = new Set([
  'not-a-server-error',
  'status-code-conformance',
  'content-type-conformance',
  'response-schema-conformance',
  'response-headers-conformance',
  'negative-data-rejection',
  'positive-data-acceptance',
  'ignored-auth',
  'pagination-page-size',
  'pagination-metadata',
  'pagination-full-pages',
  'pagination-walk-terminates',
  'pagination-stable-count',
  'pagination-no-duplicates',
  'pagination-complete',
  'pagination-walk-order',
  'pagination-page-size-invariance',
  'pagination-past-last',
  'query-filter',
  'query-ordering',
  'query-search',
  'query-filter-subset',
  'use-after-free',
  'ensure-resource-availability',
  'created-resource-matches',
  'update-persisted',
  'partial-update-preserves',
  'list-reflects-writes',
]);

let api: ApiModel;
let books: ApiModel;
beforeAll(async () => {
  api = await identificationApi();
  books = await bookstoreApi();
});

/** The faults of writes, shown on the bookstore (the identification spec has no writes). */
const WRITE_FAULTS = new Set<FaultName>([
  'delete-keeps-item',
  'create-unreadable',
  'create-answer-differs',
  'update-not-kept',
  'patch-drops-fields',
  'create-not-listed',
  'count-ignores-writes',
]);

const LIST = '/api/v3/stages/identification/';
const bearer = { authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` };
type Item = Record<string, unknown>;
interface Meta {
  next: number;
  previous: number;
  count: number;
  current: number;
  total_pages: number;
  start_index: number;
  end_index: number;
}

function page(mock: Mock, query: string, headers: Record<string, string> = bearer) {
  const { response, body } = send(mock, get(LIST, query, headers));
  const b = body as { pagination?: Meta; results?: Item[] } | undefined;
  return { response, status: response.status, meta: b?.pagination as Meta, items: b?.results ?? [] };
}

function pages(mock: Mock, query: string) {
  return walk(mock, api.operations[0]!, get(LIST, query, bearer), 60);
}

const ids = (items: readonly Item[]) => items.map((i) => i.pk);
const sortedBy = (items: readonly Item[], field: string) =>
  items.every((item, i) => i === 0 || compareValues(items[i - 1]?.[field], item[field]) <= 0);

/**
 * For each fault: whether the invariant its check guards is broken in what the mock serves. It must
 * be false without the fault and true with it, so each fault is shown to break exactly what it names.
 */
const breaks: Record<FaultName, (mock: Mock) => boolean> = {
  'schema-break': (mock) => conformanceProblems(api, api.operations[0]!, page(mock, '').response).length > 0,
  'wrong-content-type': (mock) =>
    !page(mock, '').response.headers['content-type']?.startsWith('application/json'),
  'server-error-on-input': (mock) =>
    page(mock, 'search=a%20b').status >= 500 && page(mock, 'page_size=0').status >= 500,
  'ignored-auth': (mock) =>
    page(mock, '', {}).status === 200 || page(mock, '', { authorization: 'Bearer x' }).status === 200,
  'accepts-invalid-input': (mock) => page(mock, 'page=abc').status === 200,
  'rejects-valid-input': (mock) => {
    const rejected = [page(mock, 'page_size=101'), page(mock, 'show_matched_user=false')];
    return rejected.every(
      (r) => r.status === 400 && conformanceProblems(api, api.operations[0]!, r.response).length === 0,
    );
  },
  'undocumented-status': (mock) =>
    api.operations[0]!.responses[String(page(mock, 'page=abc').status)] === undefined,
  'page-size-ignored': (mock) => page(mock, 'page_size=5').items.length > 5,
  'wrong-count': (mock) => page(mock, '').meta.count !== pages(mock, '').flatMap((p) => p.items).length,
  'wrong-total-pages': (mock) => {
    const { meta } = page(mock, 'page_size=20');
    return meta.total_pages !== Math.max(1, Math.ceil(meta.count / 20));
  },
  'wrong-start-index': (mock) => page(mock, 'page=2&page_size=10').meta.start_index !== 11,
  'wrong-end-index': (mock) => {
    const { meta, items } = page(mock, 'page=2&page_size=10');
    return meta.end_index - meta.start_index + 1 !== items.length;
  },
  'wrong-current': (mock) => page(mock, 'page=2').meta.current !== 2,
  'wrong-next': (mock) => page(mock, 'page=1&page_size=10').meta.next !== 2,
  'wrong-previous': (mock) => page(mock, 'page=2&page_size=10').meta.previous !== 1,
  'next-on-last-page': (mock) => page(mock, 'page=3&page_size=20').meta.next !== 0,
  'short-middle-page': (mock) => page(mock, 'page=1&page_size=10').items.length < 10,
  'unstable-count': (mock) =>
    new Set(pages(mock, 'page_size=10').map((p) => page(mock, p.request.query).meta.count)).size > 1,
  'duplicates-across-pages': (mock) => {
    const all = ids(pages(mock, 'page_size=10').flatMap((p) => p.items));
    return new Set(all).size < all.length;
  },
  'missing-items-across-pages': (mock) => {
    const all = new Set(ids(pages(mock, 'page_size=10').flatMap((p) => p.items)));
    const reference = ids(page(mock, 'page_size=100').items);
    return reference.some((id) => !all.has(id));
  },
  'endless-walk': (mock) => pages(mock, 'page_size=20').length >= 60,
  'per-page-ordering': (mock) => {
    const walked = pages(mock, 'page_size=10&ordering=name');
    return (
      walked.every((p) => sortedBy(p.items, 'name')) &&
      !sortedBy(
        walked.flatMap((p) => p.items),
        'name',
      )
    );
  },
  'page-size-dependent-items': (mock) => {
    const byDefault = new Set(ids(pages(mock, '').flatMap((p) => p.items)));
    const bySeven = new Set(ids(pages(mock, 'page_size=7').flatMap((p) => p.items)));
    return byDefault.size !== bySeven.size || [...byDefault].some((id) => !bySeven.has(id));
  },
  'past-last-returns-last-page': (mock) => {
    const past = page(mock, 'page=4&page_size=20');
    return past.status === 200 && past.items.length > 0;
  },
  'ignored-filter': (mock) =>
    page(mock, 'show_matched_user=true&page_size=100').items.some((i) => i.show_matched_user !== true),
  'ignored-ordering': (mock) => !sortedBy(page(mock, 'ordering=name&page_size=100').items, 'name'),
  'ignored-search': (mock) => {
    const term = String(page(mock, 'page_size=1').items[0]?.name).slice(0, 2).toLowerCase();
    const found = page(mock, `search=${encodeURIComponent(term)}&page_size=100`).items;
    return found.some(
      (i) => !Object.values(i).some((v) => typeof v === 'string' && v.toLowerCase().includes(term)),
    );
  },
  'filter-leaks-hidden-items': (mock) => {
    const all = new Set(ids(page(mock, 'page_size=100').items));
    return ['true', 'false'].some((value) =>
      page(mock, `show_matched_user=${value}&page_size=100`).items.some((i) => !all.has(i.pk)),
    );
  },
  'unstable-order': (mock) => {
    const all = ids(pages(mock, 'page_size=10').flatMap((p) => p.items));
    return new Set(all).size < all.length;
  },
  'delete-keeps-item': (mock) => {
    const id = createBook(mock).body?.id;
    const deleted = call(mock, 'DELETE', `/books/${id}`).status;
    return (
      deleted === 204 &&
      (call(mock, 'GET', `/books/${id}`).status !== 404 || listedBooks(mock).ids.includes(id))
    );
  },
  'create-unreadable': (mock) => call(mock, 'GET', `/books/${createBook(mock).body?.id}`).status === 404,
  'create-answer-differs': (mock) => {
    const created = createBook(mock).body;
    return JSON.stringify(call(mock, 'GET', `/books/${created?.id}`).body) !== JSON.stringify(created);
  },
  'update-not-kept': (mock) => {
    const id = createBook(mock).body?.id;
    const answered = call(mock, 'PATCH', `/books/${id}`, { title: 'Changed' }).body?.title;
    return answered === 'Changed' && call(mock, 'GET', `/books/${id}`).body?.title !== 'Changed';
  },
  'patch-drops-fields': (mock) => {
    const id = createBook(mock).body?.id;
    call(mock, 'PATCH', `/books/${id}`, { title: 'Changed' });
    return call(mock, 'GET', `/books/${id}`).body?.pages !== 412;
  },
  'create-not-listed': (mock) => {
    const id = createBook(mock).body?.id;
    return call(mock, 'GET', `/books/${id}`).status === 200 && !listedBooks(mock).ids.includes(id);
  },
  'count-ignores-writes': (mock) => {
    const before = listedBooks(mock).count;
    createBook(mock);
    const after = listedBooks(mock);
    return after.count !== before + 1 && after.ids.length === before + 1;
  },
};

describe('faultCatalogue', () => {
  it('has unique names, each declaring a known check id and a description', () => {
    const names = faultCatalogue.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fault of faultCatalogue) {
      expect(CHECK_IDS.has(fault.catches), `${fault.name} catches ${fault.catches}`).toBe(true);
      expect(fault.description.length).toBeGreaterThan(20);
    }
    expect(names.sort()).toEqual(Object.keys(breaks).sort());
  });

  it('is the table in the README, row for row', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `[a-z-]+` \| `[a-z-]+` \|/.test(line));
    expect(rows.map((row) => row.split('`')[1])).toEqual(faultCatalogue.map((f) => f.name));
    for (const fault of faultCatalogue) {
      expect(rows).toContain(`| \`${fault.name}\` | \`${fault.catches}\` | ${fault.description} |`);
    }
  });

  it.each(faultCatalogue.map((f) => [f.name, f.catches] as const))(
    '%s breaks the invariant %s guards, and nothing breaks it without the fault',
    (name) => {
      const target = WRITE_FAULTS.has(name) ? books : api;
      for (const seed of [1, 2, 3]) {
        expect(breaks[name](createMock(target, { seed })), `seed ${seed} without ${name}`).toBe(false);
        expect(breaks[name](createMock(target, { seed, faults: [name] })), `seed ${seed} with ${name}`).toBe(
          true,
        );
      }
    },
  );
});
