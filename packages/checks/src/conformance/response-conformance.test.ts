import { createSchemaValidator } from '@assay/json-schema';
import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { contentTypeConformance } from './content-type-conformance.js';
import { matchResponse } from './match-response.js';
import { notAServerError } from './not-a-server-error.js';
import { responseHeadersConformance } from './response-headers-conformance.js';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { statusCodeConformance } from './status-code-conformance.js';

const thing: JsonSchema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } };

describe('matchResponse', () => {
  const op = operationWith([
    responseSpec('200'),
    responseSpec('4XX'),
    responseSpec('404'),
    responseSpec('default'),
  ]);
  it('prefers the exact code, then the range, then default', () => {
    expect(matchResponse(op, 200)?.status).toBe('200');
    expect(matchResponse(op, 404)?.status).toBe('404');
    expect(matchResponse(op, 422)?.status).toBe('4XX');
    expect(matchResponse(op, 503)?.status).toBe('default');
  });
  it('reads lower-case ranges too, and finds nothing without a default', () => {
    const lower = operationWith([responseSpec('2xx')]);
    expect(matchResponse(lower, 201)?.status).toBe('2xx');
    expect(matchResponse(lower, 500)).toBeUndefined();
  });
});

describe('not-a-server-error', () => {
  it('reports a 5xx and nothing else', () => {
    const op = operationWith([responseSpec('200')]);
    expect(notAServerError.verify(exchangeWith(op, { status: 500 }))).toHaveLength(1);
    expect(notAServerError.verify(exchangeWith(op, { status: 599 }))[0]).toMatchObject({ actual: 599 });
    for (const status of [200, 302, 404, 499])
      expect(notAServerError.verify(exchangeWith(op, { status }))).toEqual([]);
  });
  it('fingerprints by operation and status, not by request', () => {
    const op = operationWith([]);
    const a = notAServerError.verify(exchangeWith(op, { status: 500, query: 'a=1' }))[0]!;
    const b = notAServerError.verify(exchangeWith(op, { status: 500, query: 'a=2' }))[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe('status-code-conformance', () => {
  it('accepts exact codes, ranges and default', () => {
    expect(
      statusCodeConformance.verify(exchangeWith(operationWith([responseSpec('201')]), { status: 201 })),
    ).toEqual([]);
    expect(
      statusCodeConformance.verify(exchangeWith(operationWith([responseSpec('4XX')]), { status: 418 })),
    ).toEqual([]);
    expect(
      statusCodeConformance.verify(exchangeWith(operationWith([responseSpec('default')]), { status: 502 })),
    ).toEqual([]);
  });
  it('reports an undocumented status with the documented ones as expected', () => {
    const [v] = statusCodeConformance.verify(
      exchangeWith(operationWith([responseSpec('200'), responseSpec('400')]), { status: 404 }),
    );
    expect(v).toMatchObject({
      check: 'status-code-conformance',
      expected: ['200', '400'],
      actual: 404,
      keyword: 'status',
    });
  });
  it('says nothing for an operation that documents no response', () => {
    expect(statusCodeConformance.verify(exchangeWith(operationWith([]), { status: 404 }))).toEqual([]);
  });
  it('accepts a client error to invalid input only where the document names no validation error', () => {
    const silent = operationWith([responseSpec('200'), responseSpec('404')]);
    for (const status of [400, 422, 409])
      expect(statusCodeConformance.verify(exchangeWith(silent, { status, mode: 'negative' }))).toEqual([]);
    // The same answer to a valid request is still undocumented.
    expect(statusCodeConformance.verify(exchangeWith(silent, { status: 400 }))).toHaveLength(1);
    // A document that names its validation error holds the server to it.
    const named = operationWith([responseSpec('200'), responseSpec('422')]);
    expect(statusCodeConformance.verify(exchangeWith(named, { status: 400, mode: 'negative' }))).toHaveLength(
      1,
    );
  });
  it('accepts 401 or 403 to missing credentials only where the document names neither', () => {
    const silent = operationWith([responseSpec('200'), responseSpec('400')]);
    for (const status of [401, 403])
      expect(statusCodeConformance.verify(exchangeWith(silent, { status, mode: 'auth' }))).toEqual([]);
    expect(statusCodeConformance.verify(exchangeWith(silent, { status: 418, mode: 'auth' }))).toHaveLength(1);
    const named = operationWith([responseSpec('200'), responseSpec('403')]);
    expect(statusCodeConformance.verify(exchangeWith(named, { status: 401, mode: 'auth' }))).toHaveLength(1);
  });
});

describe('content-type-conformance', () => {
  const op = operationWith([
    responseSpec('200', { 'application/json': thing }),
    responseSpec('400', { 'application/*': {} }),
    responseSpec('500', { '*/*': {} }),
    responseSpec('204'),
    responseSpec('202', { 'application/problem+json': {} }),
  ]);
  it('accepts the documented type with parameters, and ranges', () => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    expect(contentTypeConformance.verify(exchangeWith(op, { headers: json, body: { id: 1 } }))).toEqual([]);
    const xml = { 'content-type': 'application/xml' };
    expect(
      contentTypeConformance.verify(exchangeWith(op, { status: 400, headers: xml, body: '<a/>' })),
    ).toEqual([]);
    const html = { 'content-type': 'text/html' };
    expect(
      contentTypeConformance.verify(exchangeWith(op, { status: 500, headers: html, body: '<p>x</p>' })),
    ).toEqual([]);
  });
  it('reports an undocumented media type and a missing Content-Type', () => {
    const [wrong] = contentTypeConformance.verify(
      exchangeWith(op, { headers: { 'content-type': 'text/plain' }, body: 'x' }),
    );
    expect(wrong).toMatchObject({
      keyword: 'content-type',
      expected: ['application/json'],
      actual: 'text/plain',
    });
    const [missing] = contentTypeConformance.verify(exchangeWith(op, { headers: {}, body: '{}' }));
    expect(missing).toMatchObject({ keyword: 'content-type', actual: undefined });
  });
  it('reports a JSON or +json body that does not parse', () => {
    const [v] = contentTypeConformance.verify(exchangeWith(op, { body: '{"id": 1' }));
    expect(v).toMatchObject({ keyword: 'parse' });
    const problem = { 'content-type': 'application/problem+json' };
    expect(
      contentTypeConformance.verify(exchangeWith(op, { status: 202, headers: problem, body: 'nope' })),
    ).toHaveLength(1);
    expect(
      contentTypeConformance.verify(exchangeWith(op, { status: 202, headers: problem, body: '{}' })),
    ).toEqual([]);
  });
  it('does not judge empty bodies, HEAD, 204, truncated bodies or responses documented without content', () => {
    expect(contentTypeConformance.verify(exchangeWith(op, { headers: {}, body: '' }))).toEqual([]);
    expect(
      contentTypeConformance.verify(exchangeWith(op, { method: 'HEAD', headers: {}, body: 'x' })),
    ).toEqual([]);
    expect(
      contentTypeConformance.verify(
        exchangeWith(op, { status: 204, headers: { 'content-type': 'text/plain' }, body: 'x' }),
      ),
    ).toEqual([]);
    const truncated = exchangeWith(op, { body: '{"id": 1, "more' });
    truncated.response.truncated = true;
    expect(contentTypeConformance.verify(truncated)).toEqual([]);
  });
});

describe('response-schema-conformance', () => {
  const validator = createSchemaValidator({ Thing: thing });
  const check = responseSchemaConformance(validator);
  const op = operationWith([
    responseSpec('200', { 'application/json': { type: 'array', items: { $ref: '#/$defs/Thing' } } }),
    responseSpec('4XX', { 'application/json': { type: 'object', required: ['detail'] } }),
  ]);
  it('accepts a matching body and reports each schema error with pointer, keyword, expected and actual', () => {
    expect(check.verify(exchangeWith(op, { body: [{ id: 1 }] }))).toEqual([]);
    const violations = check.verify(exchangeWith(op, { body: [{ id: 1 }, { id: 'x' }, {}] }));
    expect(violations.map((v) => [v.pointer, v.keyword])).toEqual([
      ['/1/id', 'type'],
      ['/2/id', 'required'],
    ]);
    expect(violations[0]).toMatchObject({
      expected: 'integer',
      actual: 'x',
      check: 'response-schema-conformance',
    });
  });
  it('gives the same rule broken by different items or values one fingerprint', () => {
    const a = check.verify(exchangeWith(op, { body: [{ id: 'x' }] }))[0]!;
    const b = check.verify(exchangeWith(op, { body: [{ id: 1 }, { id: true }] }))[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
  it('validates a range response against the range schema', () => {
    expect(check.verify(exchangeWith(op, { status: 422, body: { detail: 'bad' } }))).toEqual([]);
    expect(check.verify(exchangeWith(op, { status: 422, body: { message: 'bad' } }))).toHaveLength(1);
  });
  it('leaves unparseable or undocumented bodies to content-type-conformance', () => {
    expect(check.verify(exchangeWith(op, { body: '[{' }))).toEqual([]);
    expect(
      check.verify(exchangeWith(op, { headers: { 'content-type': 'text/plain' }, body: '[{"id":"x"}]' })),
    ).toEqual([]);
    expect(check.verify(exchangeWith(op, { status: 500, body: { id: 'x' } }))).toEqual([]);
  });
});

describe('response-headers-conformance', () => {
  const validator = createSchemaValidator({});
  const check = responseHeadersConformance(validator);
  const op = operationWith([
    responseSpec(
      '200',
      {},
      {
        'x-rate-limit': { name: 'x-rate-limit', required: true, schema: { type: 'integer', minimum: 0 } },
        'x-flag': { name: 'x-flag', required: false, schema: { type: 'boolean' } },
        'x-ids': { name: 'x-ids', required: false, schema: { type: 'array', items: { type: 'integer' } } },
        'x-either': { name: 'x-either', required: false, schema: { type: ['integer', 'string'] } },
      },
    ),
  ]);
  it('reads header strings as their schema type before validating', () => {
    const headers = { 'x-rate-limit': '42', 'x-flag': 'true', 'x-ids': '1, 2,3', 'x-either': 'abc' };
    expect(check.verify(exchangeWith(op, { headers }))).toEqual([]);
  });
  it('reports a missing required header and an invalid value', () => {
    const [missing] = check.verify(exchangeWith(op, { headers: {} }));
    expect(missing).toMatchObject({ keyword: 'required', expected: 'x-rate-limit' });
    const invalid = check.verify(
      exchangeWith(op, { headers: { 'x-rate-limit': '-1', 'x-flag': 'maybe', 'x-ids': '1,b' } }),
    );
    expect(invalid.map((v) => v.keyword).sort()).toEqual(['minimum', 'type', 'type']);
    expect(invalid.find((v) => v.keyword === 'minimum')).toMatchObject({ actual: '-1' });
  });
});

describe('a page breaking one rule on every item', () => {
  it('is reported a bounded number of times', () => {
    const check = responseSchemaConformance(createSchemaValidator({}));
    const op = operationWith([
      responseSpec('200', { 'application/json': { type: 'array', items: { type: 'integer' } } }),
    ]);
    const violations = check.verify(exchangeWith(op, { body: Array.from({ length: 500 }, () => 'x') }));
    expect(violations).toHaveLength(20);
    expect(violations[19]!.pointer).toBe('/19');
  });
});
