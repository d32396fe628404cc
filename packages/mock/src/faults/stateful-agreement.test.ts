import { nextPageRequest, statefulChecks } from '@assay/checks';
import type { ApiModel, ApiResource, Exchange, HttpMethod, HttpRequest, ResourceStep } from '@assay/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookstoreApi } from '../_test/bookstore.js';
import { createMock, type Mock } from '../mock/create-mock.js';
import { faultCatalogue } from './fault-catalogue.js';

let api: ApiModel;
let resource: ApiResource;
beforeAll(async () => {
  api = await bookstoreApi();
  resource = api.resources?.[0] as ApiResource;
});

const STATEFUL = new Set(statefulChecks.map((check) => check.id));

/**
 * What the stateful phase does with a resource, in miniature: one fixed sequence of creates,
 * reads, updates, list walks and deletes on the bookstore, recorded as the trace the checks read.
 */
function trace(mock: Mock): ResourceStep[] {
  const steps: ResourceStep[] = [];
  const operation = (id: string | undefined) => api.operations.find((o) => o.id === id)!;
  const send = (
    operationId: string | undefined,
    method: HttpMethod,
    path: string,
    body?: unknown,
    query = '',
  ) => {
    const request: HttpRequest = {
      method,
      path,
      query,
      headers:
        body === undefined
          ? { host: 'localhost' }
          : { host: 'localhost', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      operationId: operationId ?? '',
      mode: 'positive',
    };
    return { operation: operation(operationId), request, response: mock.handle(request) } satisfies Exchange;
  };
  const item = (id: string) => `/api/books/${id}`;
  const create = (book: Record<string, unknown>) => {
    const exchange = send(resource.create, 'POST', '/api/books/', book);
    const id = String((JSON.parse(exchange.response.body) as { id: number }).id);
    steps.push({ action: 'create', id, exchange });
    return id;
  };
  const act = (action: 'read' | 'replace' | 'patch' | 'delete', id: string, body?: unknown) => {
    const method = ({ read: 'GET', replace: 'PUT', patch: 'PATCH', delete: 'DELETE' } as const)[action];
    steps.push({ action, id, exchange: send(resource[action], method, item(id), body) });
  };
  const list = () => {
    let exchange: Exchange | undefined = send(resource.list, 'GET', '/api/books/', undefined, 'page_size=13');
    const first = exchange;
    const ids: string[] = [];
    let pages = 0;
    while (exchange !== undefined && exchange.response.status === 200 && pages++ < 30) {
      const body = JSON.parse(exchange.response.body) as { results: { id: number }[] };
      ids.push(...body.results.map((book) => String(book.id)));
      const next = nextPageRequest(exchange, { basePath: '/api' });
      exchange =
        next === undefined ? undefined : { ...send(resource.list, 'GET', next.path, undefined, next.query) };
    }
    const total = (JSON.parse(first.response.body) as { count: number }).count;
    steps.push({ action: 'list', exchange: first, walk: { ids, complete: exchange === undefined, total } });
  };

  list();
  const a = create({ title: 'Dune', author: 'Herbert', in_print: true, pages: 412 });
  act('read', a);
  act('patch', a, { title: 'Dune Messiah' });
  act('read', a);
  act('replace', a, { title: 'Children of Dune', author: 'F. Herbert', in_print: false });
  act('read', a);
  const b = create({ title: 'Emma', author: 'Austen', in_print: false });
  list();
  act('delete', a);
  act('read', a);
  list();
  act('delete', b);
  return steps;
}

function reported(mock: Mock): string[] {
  const steps = trace(mock);
  const t = { resource, steps, volatile: ['id', 'created_at'], certain: true };
  return statefulChecks.flatMap((check) =>
    check.verify(t).map((v) => `${v.violation.check}: ${v.violation.message}`),
  );
}

describe('the stateful checks of @assay/checks against the mock', () => {
  it('find nothing wrong with the mock without faults, over several seeds', () => {
    for (const seed of [1, 2, 3, 4, 5, 6])
      expect(reported(createMock(api, { seed })), `seed ${seed}`).toEqual([]);
  });

  it.each(faultCatalogue.filter((f) => STATEFUL.has(f.catches)).map((f) => [f.name, f.catches] as const))(
    'fault %s is caught by %s',
    (name, catches) => {
      for (const seed of [1, 2, 3]) {
        const fired = reported(createMock(api, { seed, faults: [name] })).map((line) => line.split(':')[0]);
        expect(fired, `seed ${seed}`).toContain(catches);
      }
    },
  );
});
