import type { HttpRequest, HttpResponse, Operation, Parameter } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationWith, responseSpec } from '../_test/exchange-builder.js';
import { apiOf } from '../_test/run-all.js';
import { createChecks } from '../checks/create-checks.js';
import { missingHeaderRequests } from './missing-header-requests.js';

const header = (name: string, required: boolean): Parameter => ({
  name,
  in: 'header',
  required,
  style: 'simple',
  explode: false,
  allowReserved: false,
  schema: { type: 'string' },
  deprecated: false,
  examples: [],
});

const names = fc.uniqueArray(
  fc.constantFrom('X-Tenant', 'X-Request-Id', 'If-Match', 'Accept', 'Authorization'),
  { minLength: 1 },
);

function operationOf(required: readonly string[], optional: readonly string[]): Operation {
  return operationWith([responseSpec('200'), responseSpec('400')], {
    parameters: [...required.map((n) => header(n, true)), ...optional.map((n) => header(n, false))],
  });
}

function valid(operation: Operation): HttpRequest {
  const headers = Object.fromEntries(operation.parameters.map((p) => [p.name.toLowerCase(), 'v']));
  return { method: 'GET', path: '/things', query: '', headers, operationId: operation.id, mode: 'positive' };
}

const respond = (status: number): HttpResponse => ({
  status,
  headers: {},
  body: '',
  truncated: false,
  durationMs: 1,
});
/** Validates its required headers, as the spec says. */
const correct = (operation: Operation) => (request: HttpRequest) =>
  respond(
    operation.parameters.every((p) => !p.required || request.headers[p.name.toLowerCase()] !== undefined)
      ? 200
      : 400,
  );
/** Reads the header if it is there and carries on with a default when it is not. */
const lenient = () => respond(200);

function violations(operation: Operation, server: (r: HttpRequest) => HttpResponse) {
  const { checks } = createChecks(apiOf(operation));
  return missingHeaderRequests(operation, valid(operation)).flatMap((request) => {
    const exchange = { operation, request, response: server(request) };
    return checks.flatMap((check) => check.verify(exchange));
  });
}

describe('missingHeaderRequests and missing-required-header', () => {
  it('probe each required header (but Accept, Content-Type, Authorization) once, leaving the rest as they were', () => {
    fc.assert(
      fc.property(names, fc.boolean(), (list, half) => {
        const required = half ? list : list.slice(0, 1);
        const operation = operationOf(
          required,
          list.filter((n) => !required.includes(n)),
        );
        const probes = missingHeaderRequests(operation, valid(operation));
        const judged = required.filter((n) => !['Accept', 'Authorization'].includes(n));
        expect(probes.map((p) => p.reason?.name)).toEqual(judged);
        for (const probe of probes) {
          expect(probe.headers[probe.reason!.name.toLowerCase()]).toBeUndefined();
          expect(Object.keys(probe.headers)).toHaveLength(operation.parameters.length - 1);
        }
      }),
    );
  });

  it('say nothing of a server that rejects the missing header, and find one that lets it through, once per header', () => {
    fc.assert(
      fc.property(names, (required) => {
        const operation = operationOf(required, []);
        expect(violations(operation, correct(operation))).toEqual([]);
        const found = violations(operation, lenient);
        const judged = required.filter((n) => !['Accept', 'Authorization'].includes(n));
        expect(found.map((v) => v.check)).toEqual(judged.map(() => 'missing-required-header'));
        expect(found.map((v) => v.fingerprint)).toEqual(
          judged.map((n) => `missing-required-header|op|${n.toLowerCase()}`),
        );
      }),
    );
  });
});
