import type { ApiModel, HttpMethod, Operation } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeTable } from './route-table.js';

function operation(id: string, method: HttpMethod, path: string): Operation {
  return {
    id,
    method,
    path,
    pointer: '',
    tags: [],
    deprecated: false,
    parameters: [],
    responses: {},
    security: [],
    extensions: {},
  };
}

const api = {
  servers: ['https://api.example.com/api/v3/', '/other'],
  operations: [
    operation('list', 'GET', '/users/'),
    operation('me', 'GET', '/users/me/'),
    operation('one', 'GET', '/users/{id}/'),
    operation('delete', 'DELETE', '/users/{id}/'),
    operation('nested', 'GET', '/users/{id}/keys/{key}'),
  ],
} as unknown as ApiModel;

describe('routeTable', () => {
  const table = routeTable(api);
  const id = (method: HttpMethod, path: string) => {
    const found = table.match(method, path);
    return typeof found === 'object' ? found.operation.id : found;
  };

  it('matches with or without any server base path', () => {
    expect(id('GET', '/users/')).toBe('list');
    expect(id('GET', '/api/v3/users/')).toBe('list');
    expect(id('GET', '/other/users/')).toBe('list');
    expect(id('GET', '/users')).toBe(404);
  });

  it('prefers literal segments to templates, and tells 405 from 404', () => {
    expect(id('GET', '/users/me/')).toBe('me');
    expect(id('GET', '/users/42/')).toBe('one');
    expect(id('DELETE', '/users/42/')).toBe('delete');
    expect(id('PUT', '/users/42/')).toBe(405);
    expect(id('GET', '/nothing')).toBe(404);
  });

  it('captures each path parameter raw, for any segment text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[^/]+$/), fc.stringMatching(/^[^/]+$/), (a, b) => {
        const found = table.match('GET', `/api/v3/users/${a}/keys/${b}`);
        expect(found).toEqual({ operation: api.operations[4], pathParams: { id: a, key: b } });
      }),
    );
  });

  it('finds what trying every route in turn finds, for any paths and templates', () => {
    const segment = fc.constantFrom('a', 'b', 'me', '{x}', '{y}.json', 'v{z}');
    const template = fc
      .array(segment, { minLength: 0, maxLength: 3 })
      .chain((segments) => fc.constantFrom(`/${segments.join('/')}`, `/${segments.join('/')}/`));
    const request = fc
      .array(fc.constantFrom('a', 'b', 'me', '7', 'q.json', 'v1', ''), { maxLength: 4 })
      .map((segments) => `/${segments.join('/')}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom<HttpMethod>('GET', 'PUT'), template), { maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom<HttpMethod>('GET', 'PUT', 'DELETE'), request), { maxLength: 10 }),
        (routes, requests) => {
          const ops = routes.map(([method, path], i) => operation(`op${i}`, method, path));
          const table = routeTable({ servers: [], operations: ops } as unknown as ApiModel);
          for (const [method, path] of requests)
            expect(table.match(method, path)).toEqual(linear(ops, method, path));
        },
      ),
    );
  });
});

/** The reference: every template's pattern tried in turn, literal routes first. */
function linear(ops: Operation[], method: HttpMethod, path: string) {
  const routes = ops
    .map((op) => {
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const source = op.path
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('([^/]+)');
      return { op, names, pattern: new RegExp(`^${source}$`) };
    })
    .sort((a, b) => a.names.length - b.names.length || b.op.path.length - a.op.path.length);
  let exists = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m === null) continue;
    if (route.op.method !== method) {
      exists = true;
      continue;
    }
    return {
      operation: route.op,
      pathParams: Object.fromEntries(route.names.map((name, i) => [name, m[i + 1] ?? ''])),
    };
  }
  return exists ? 405 : 404;
}
