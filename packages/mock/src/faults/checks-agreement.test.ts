import {
  createChecks,
  nextPageRequest,
  pageSizeVariantRequest,
  pastLastPageRequest,
  requestKey,
  statefulChecks,
  unfilteredRequest,
} from '@assay/checks';
import type {
  ApiModel,
  Exchange,
  HttpRequest,
  Operation,
  PaginationStyle,
  Violation,
  Walk,
} from '@assay/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { identificationApi } from '../_test/identification-api.js';
import { WIDGET_TOKEN, widgetApi } from '../_test/widget-api.js';
import { createMock, DEFAULT_MOCK_TOKEN, type Mock } from '../mock/create-mock.js';
import { faultCatalogue } from './fault-catalogue.js';

/** The checks of writes: the identification spec has none, the bookstore test below shows them. */
const WRITE_CHECKS = new Set(statefulChecks.map((check) => check.id));

let api: ApiModel;
let operation: Operation;
beforeAll(async () => {
  api = await identificationApi();
  operation = api.operations.find((o) => o.id === 'stages_identification_list')!;
});

const PATH = '/api/v3/stages/identification/';
const BASE = { basePath: '/api/v3' };
const bearer = { authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` };

function req(
  query: string,
  mode: HttpRequest['mode'] = 'pagination',
  headers: Record<string, string> = bearer,
): HttpRequest {
  return { method: 'GET', path: PATH, query, headers, operationId: operation.id, mode };
}

/**
 * What an engine does with a list operation, in miniature: walks from a few first pages (with the
 * page-size variant, the past-last probe and the unfiltered walk of each), plus auth, negative and
 * positive probes; every exchange in the order sent, and the walks recorded as they were made.
 */
function exercise(mock: Mock): { exchanges: Exchange[]; walks: Walk[] } {
  const out: Exchange[] = [];
  const walks: { pages: Exchange[]; pastLast: Exchange[] }[] = [];
  const send = (request: HttpRequest): Exchange => {
    const exchange = { operation, request, response: mock.handle(request) };
    out.push(exchange);
    return exchange;
  };
  const walk = (first: HttpRequest): { first: Exchange; last: Exchange; pastLast: Exchange[] } => {
    const seen = new Set<string>();
    const head = send(first);
    const made = { pages: [head], pastLast: [] as Exchange[] };
    walks.push(made);
    let last = head;
    seen.add(requestKey(first));
    for (let i = 0; i < 30; i++) {
      const next = nextPageRequest(last, BASE);
      if (next === undefined) break;
      last = send(next);
      made.pages.push(last);
      if (seen.has(requestKey(next))) break;
      seen.add(requestKey(next));
    }
    return { first: head, last, pastLast: made.pastLast };
  };
  const fullWalk = (first: HttpRequest) => {
    const w = walk(first);
    const past = pastLastPageRequest(w.last, BASE);
    if (past !== undefined) w.pastLast.push(send(past));
    return w;
  };
  const sample = mock.handle(req('page_size=100')).body;
  const items = (JSON.parse(sample) as { results: Record<string, unknown>[] }).results;
  const stage = items.find((i) => typeof i.password_stage === 'string')?.password_stage as string;
  const term = String(items[0]?.name ?? 'a').slice(0, 2);
  const queries = [
    '',
    'page_size=10',
    'page_size=7&ordering=name',
    // One key each way: a check must not need the multi-key form to see that -name is honoured.
    'ordering=name',
    'ordering=-name',
    'page_size=7&ordering=-name',
    'ordering=-name,pk',
    'show_matched_user=true&page_size=10',
    `password_stage=${stage}`,
    `search=${encodeURIComponent(term)}&page_size=5`,
    `name=${encodeURIComponent(String(items[1]?.name ?? ''))}&ordering=pk`,
  ];
  for (const query of queries) {
    const w = fullWalk(req(query));
    const variant = pageSizeVariantRequest(w.first);
    if (variant !== undefined) fullWalk(variant);
    const unfiltered = unfilteredRequest(w.first);
    if (unfiltered !== undefined) walk(unfiltered);
  }
  send(req('', 'auth', {}));
  send(req('', 'auth', { authorization: 'Bearer wrong' }));
  send({
    ...req('page=abc', 'negative'),
    reason: {
      location: 'query',
      name: 'page',
      keyword: 'type',
      value: 'abc',
      message: 'page: abc is not an integer',
    },
  });
  for (const query of [
    'page_size=101',
    'show_matched_user=false',
    'search=a%20b',
    'name=x%27y',
    'page_size=3',
  ]) {
    send(req(query, 'positive'));
  }
  return { exchanges: out, walks };
}

function violationsOf(mock: Mock): Violation[] {
  const { checks, sequenceChecks } = createChecks(api);
  const { exchanges, walks } = exercise(mock);
  return [
    ...exchanges.flatMap((exchange) => checks.flatMap((check) => check.verify(exchange))),
    ...sequenceChecks.flatMap((check) => check.verify(exchanges, walks)),
  ];
}

const describeViolations = (violations: Violation[]) => violations.map((v) => `${v.check}: ${v.message}`);

describe('the checks of @assay/checks against the mock', () => {
  it('find nothing wrong with the mock without faults, over several seeds', () => {
    for (const seed of [1, 2, 3, 4]) {
      expect(describeViolations(violationsOf(createMock(api, { seed }))), `seed ${seed}`).toEqual([]);
    }
  });

  it.each(
    faultCatalogue.filter((f) => !WRITE_CHECKS.has(f.catches)).map((f) => [f.name, f.catches] as const),
  )('fault %s is caught by %s', (name, catches) => {
    for (const seed of [1, 2]) {
      const fired = new Set(violationsOf(createMock(api, { seed, faults: [name] })).map((v) => v.check));
      expect([...fired], `seed ${seed}`).toContain(catches);
    }
  });
});

describe('the checks of @assay/checks against the mock, other pagination styles', () => {
  const sizeParam: Record<PaginationStyle, string | undefined> = {
    'page-object': 'page_size',
    'page-number': 'page_size',
    'limit-offset': 'limit',
    cursor: 'limit',
    'link-header': 'per_page',
    'content-range': undefined,
  };

  it.each(Object.keys(sizeParam) as PaginationStyle[])('find nothing wrong with a %s list', (style) => {
    const widgets = widgetApi(style);
    const list = widgets.operations[0]!;
    const key = { 'x-api-key': WIDGET_TOKEN };
    const { checks, sequenceChecks } = createChecks(widgets);
    for (const seed of [1, 2]) {
      const mock = createMock(widgets, { seed, token: WIDGET_TOKEN });
      const out: Exchange[] = [];
      const send = (request: HttpRequest): Exchange => {
        const exchange = { operation: list, request, response: mock.handle(request) };
        out.push(exchange);
        return exchange;
      };
      const sized = (query: string, size: number): HttpRequest => {
        const param = sizeParam[style];
        const q = param === undefined ? query : [query, `${param}=${size}`].filter((x) => x !== '').join('&');
        const headers = param === undefined ? { ...key, range: `0-${size - 1}` } : key;
        return {
          method: 'GET',
          path: '/v1/widgets',
          query: q,
          headers,
          operationId: list.id,
          mode: 'pagination',
        };
      };
      const walks: Walk[] = [];
      const walkFrom = (first: HttpRequest) => {
        const head = send(first);
        const pages = [head];
        let last = head;
        for (let i = 0; i < 30; i++) {
          const next = nextPageRequest(last, { basePath: '/v1' });
          if (next === undefined) break;
          last = send(next);
          pages.push(last);
        }
        const past = pastLastPageRequest(last, { basePath: '/v1' });
        walks.push({ pages, pastLast: past === undefined ? [] : [send(past)] });
        return head;
      };
      for (const [query, size] of [
        ['', 10],
        ['ordering=name', 7],
        ['ordering=-name', 6],
        ['ordering=-weight,id', 20],
        ['active=true', 10],
        ['color=red&q=e', 4],
      ] as const) {
        const head = walkFrom(sized(query, size));
        const variant = pageSizeVariantRequest(head);
        if (variant !== undefined) walkFrom(variant);
        const unfiltered = unfilteredRequest(head);
        if (unfiltered !== undefined) walkFrom(unfiltered);
      }
      const violations = [
        ...out.flatMap((exchange) => checks.flatMap((check) => check.verify(exchange))),
        ...sequenceChecks.flatMap((check) => check.verify(out, walks)),
      ];
      expect(describeViolations(violations), `seed ${seed}`).toEqual([]);
      expect(out.length).toBeGreaterThan(20);
    }
  });
});
