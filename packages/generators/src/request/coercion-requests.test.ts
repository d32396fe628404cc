import { createSchemaValidator } from '@assay/checks';
import type { HttpRequest, JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operation } from '../_test/operation.js';
import { coercionRequests } from './coercion-requests.js';
import { requestArbitrary } from './request-arbitrary.js';

const defs: Record<string, JsonSchema> = {
  Pet: {
    type: 'object',
    required: ['name', 'age'],
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      age: { type: 'integer', minimum: 0 },
      vaccinated: { type: 'boolean' },
      weight: { type: 'number' },
      note: { type: ['string', 'null'] },
    },
  },
};
const { isValid } = createSchemaValidator(defs);
const schema: JsonSchema = { $ref: '#/$defs/Pet' };
const createPet = operation({
  method: 'POST',
  requestBody: {
    required: true,
    content: { 'application/json': { mediaType: 'application/json', schema, examples: [] } },
  },
});

/** A server that validates what it is sent, as the spec says. */
const strict = (request: HttpRequest) => (isValid(schema, JSON.parse(String(request.body))) ? 201 : 422);
/** A lenient framework: unknown fields dropped, "7" read as 7, 1 as true, null as a default. */
const lenient = (request: HttpRequest) => {
  const body = JSON.parse(String(request.body)) as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of ['name', 'age', 'vaccinated', 'weight', 'note']) if (key in body) kept[key] = body[key];
  if (typeof kept.age === 'string') kept.age = Number(kept.age);
  if (typeof kept.weight === 'string') kept.weight = Number(kept.weight);
  if (typeof kept.vaccinated === 'number') kept.vaccinated = kept.vaccinated === 1;
  if (kept.name === null) kept.name = 'unnamed';
  if (kept.age === null) kept.age = 0;
  return isValid(schema, kept) ? 201 : 422;
};

const valid = fc.sample(requestArbitrary(createPet, 'positive', { defs, isValid }), { seed: 4, numRuns: 30 });

describe('coercionRequests', () => {
  it('each probe differs from a valid body in exactly one place and breaks the schema', () => {
    for (const request of valid) {
      const before = JSON.parse(String(request.body)) as Record<string, unknown>;
      for (const probe of coercionRequests(createPet, request, { defs, isValid })) {
        const after = JSON.parse(String(probe.body)) as Record<string, unknown>;
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
        );
        expect(changed).toEqual([probe.reason!.name.slice(1)]);
        expect(isValid(schema, after)).toBe(false);
        expect(probe.mode).toBe('negative');
      }
    }
  });

  it('a strict server rejects every probe; a lenient one accepts the extra property and each coercion', () => {
    const kinds = new Set<string>();
    for (const request of valid) {
      expect(strict(request)).toBe(201);
      for (const probe of coercionRequests(createPet, request, { defs, isValid })) {
        expect(strict(probe)).toBe(422);
        const { keyword, name, value } = probe.reason!;
        if (lenient(probe) === 201) kinds.add(`${keyword} ${name} ${value === null ? 'null' : typeof value}`);
      }
    }
    expect([...kinds].sort()).toEqual([
      'additionalProperties /assay_unexpected string',
      'type /age null',
      'type /age string',
      'type /name null',
      'type /vaccinated number',
      'type /weight string',
    ]);
  });

  it('leaves bodies alone whose schema it cannot read plainly', () => {
    const composed = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: {
          'application/json': { mediaType: 'application/json', schema: { allOf: [schema] }, examples: [] },
        },
      },
    });
    expect(coercionRequests(composed, valid[0]!, { defs, isValid })).toEqual([]);
  });
});
