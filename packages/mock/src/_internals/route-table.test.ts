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
});
