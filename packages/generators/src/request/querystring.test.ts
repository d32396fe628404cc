import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operation, parameter } from '../_test/operation.js';
import { requestArbitrary } from './request-arbitrary.js';

const defs: Record<string, JsonSchema> = {};
const { isValid } = createSchemaValidator(defs);
const filter: JsonSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1 }, limit: { type: 'integer', minimum: 1 } },
  additionalProperties: false,
};

describe('an OpenAPI 3.2 querystring parameter', () => {
  it('is the whole query string: the percent-encoded JSON text of a valid value', () => {
    const op = operation({
      parameters: [
        parameter('filter', 'querystring', filter, { required: true, contentType: 'application/json' }),
      ],
    });
    fc.assert(
      fc.property(requestArbitrary(op, 'positive', { defs, isValid }), (request) => {
        expect(request.query).not.toMatch(/^filter=/);
        expect(isValid(filter, JSON.parse(decodeURIComponent(request.query)))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('is form pairs when its media type is application/x-www-form-urlencoded', () => {
    const form: JsonSchema = {
      type: 'object',
      required: ['q'],
      properties: { q: { type: 'string', enum: ['a b', 'c&d'] } },
    };
    const op = operation({
      parameters: [
        parameter('form', 'querystring', form, {
          required: true,
          contentType: 'application/x-www-form-urlencoded',
        }),
      ],
    });
    fc.assert(
      fc.property(requestArbitrary(op, 'positive', { defs, isValid }), (request) => {
        const params = new URLSearchParams(request.query.replaceAll('+', '%2B'));
        expect(['a b', 'c&d']).toContain(params.get('q'));
      }),
      { numRuns: 30 },
    );
  });

  it('missing, when required, is a negative request', () => {
    const op = operation({
      parameters: [
        parameter('filter', 'querystring', filter, { required: true, contentType: 'application/json' }),
      ],
    });
    const missing = fc
      .sample(requestArbitrary(op, 'negative', { defs, isValid }), 60)
      .filter((request) => request.reason?.keyword === 'required');
    expect(missing.length).toBeGreaterThan(0);
    for (const request of missing) expect(request.query).toBe('');
  });
});
