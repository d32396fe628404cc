import type { ApiModel, HttpMethod, HttpRequest, HttpResponse, Operation } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationWith, responseSpec } from '../_test/exchange-builder.js';
import { createChecks } from '../checks/create-checks.js';
import { unsupportedMethod } from './unsupported-method.js';
import { unsupportedMethodRequest } from './unsupported-method-request.js';

const ALL: HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

function apiWith(methods: readonly HttpMethod[]): ApiModel {
  const operations: Operation[] = methods.map((method) =>
    operationWith([responseSpec('200', { 'application/json': { type: 'object' } })], {
      id: `${method.toLowerCase()}Thing`,
      method,
      path: '/things/{id}',
      pointer: `/paths/~1things~1{id}/${method.toLowerCase()}`,
    }),
  );
  return {
    title: 't',
    version: '1',
    format: 'openapi-3.1',
    specVersion: '3.1.0',
    source: '<memory>',
    servers: [],
    operations,
    securitySchemes: {},
    schemas: {},
    problems: [],
  };
}

type Server = (request: HttpRequest) => HttpResponse;
const respond = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: '',
  truncated: false,
  durationMs: 1,
});

/** Routes the documented methods; answers anything else the RFC 9110 way. */
const correct =
  (api: ApiModel): Server =>
  (request) => {
    const methods = api.operations.map((o) => o.method);
    return methods.includes(request.method) ? respond(200) : respond(405, { allow: methods.join(', ') });
  };
/** Express's default: an unrouted method is a 404. */
const notFound =
  (api: ApiModel): Server =>
  (request) =>
    api.operations.some((o) => o.method === request.method) ? respond(200) : respond(404);
/** Routes by path only: every method runs the handler. */
const anyMethod: Server = () => respond(200);
/** 405 but no Allow header. */
const noAllow =
  (api: ApiModel): Server =>
  (request) =>
    api.operations.some((o) => o.method === request.method) ? respond(200) : respond(405);

const base: HttpRequest = {
  method: 'GET',
  path: '/things/7',
  query: 'expand=1',
  headers: { 'content-type': 'application/json', 'x-tenant': 'a' },
  body: '{}',
  operationId: 'x',
  mode: 'positive',
};
const documented = fc.subarray(ALL, { minLength: 1 });

function judge(api: ApiModel, server: Server, unsafe: boolean) {
  const operation = api.operations[0]!;
  const probe = unsupportedMethodRequest(api, operation, base, { unsafe });
  if (probe === undefined) return undefined;
  const exchange = { operation, request: probe, response: server(probe) };
  return { probe, violations: createChecks(api).checks.flatMap((check) => check.verify(exchange)) };
}

describe('unsupportedMethodRequest', () => {
  it('picks a method no operation of the path documents; safe ones unless unsafe is allowed', () => {
    fc.assert(
      fc.property(documented, fc.boolean(), (methods, unsafe) => {
        const api = apiWith(methods);
        const probe = unsupportedMethodRequest(api, api.operations[0]!, base, { unsafe });
        if (probe === undefined) {
          expect(methods).toContain('GET');
          if (unsafe) expect(methods).toHaveLength(ALL.length);
          return;
        }
        expect(methods).not.toContain(probe.method);
        if (!unsafe) expect(probe.method).toBe('GET');
        expect(probe).toMatchObject({
          path: '/things/7',
          query: '',
          mode: 'method',
          headers: { 'x-tenant': 'a' },
        });
        expect(probe.body).toBeUndefined();
        expect(probe.headers['content-type']).toBeUndefined();
      }),
    );
  });
});

describe('unsupported-method', () => {
  it('says nothing of a server answering 405 with an Allow header, and no other check judges the probe', () => {
    fc.assert(
      fc.property(documented, fc.boolean(), (methods, unsafe) => {
        const api = apiWith(methods);
        expect(judge(api, correct(api), unsafe)?.violations ?? []).toEqual([]);
      }),
    );
  });

  it('finds a server that runs any method, or answers 404, or leaves out Allow', () => {
    fc.assert(
      fc.property(documented, fc.boolean(), (methods, unsafe) => {
        const api = apiWith(methods);
        for (const [server, keyword] of [
          [anyMethod, 'status'],
          [notFound(api), 'status'],
          [noAllow(api), 'allow'],
        ] as const) {
          const judged = judge(api, server, unsafe);
          if (judged === undefined) return;
          expect(judged.violations.map((v) => [v.check, v.keyword])).toEqual([
            ['unsupported-method', keyword],
          ]);
        }
      }),
    );
  });

  it('warns when Allow leaves out a documented method; accepts statuses the config allows', () => {
    const api = apiWith(['PUT', 'DELETE']);
    const operation = api.operations[0]!;
    const probe = unsupportedMethodRequest(api, operation, base)!;
    const check = unsupportedMethod(api, { allowedStatuses: () => [404] });
    expect(
      check.verify({ operation, request: probe, response: respond(405, { allow: 'PUT' }) }),
    ).toMatchObject([{ severity: 'warning', expected: ['DELETE', 'PUT'] }]);
    expect(check.verify({ operation, request: probe, response: respond(404) })).toEqual([]);
    expect(check.verify({ operation, request: probe, response: respond(500) })).toEqual([]);
    expect(
      check.verify({ operation, request: { ...probe, mode: 'positive' }, response: respond(200) }),
    ).toEqual([]);
  });
});

describe('a concrete path matched by several templates', () => {
  it('is not probed with a method another matching template documents', () => {
    const api = apiWith(['GET']);
    const exportOp = operationWith([responseSpec('200')], {
      id: 'exportThings',
      method: 'POST',
      path: '/things/export',
    });
    const both: ApiModel = { ...api, operations: [...api.operations, exportOp] };
    const request = { ...base, path: '/things/export' };
    // `/things/{id}` documents GET for `/things/export` as well: no safe method is left to try.
    expect(unsupportedMethodRequest(both, exportOp, request)).toBeUndefined();
    expect(unsupportedMethodRequest(both, exportOp, request, { unsafe: true })?.method).toBe('DELETE');
    const get = {
      operation: exportOp,
      request: { ...request, method: 'GET', mode: 'method' as const },
      response: respond(200),
    };
    expect(unsupportedMethod(both).verify(get)).toEqual([]);
  });
});
