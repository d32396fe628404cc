import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSchema } from '../_internals/matches-schema.js';
import { schemaArbitrary } from './schema-arbitrary.js';

const validator = createSchemaValidator({});

// Each schema is one that drawing free values and keeping the valid ones would almost never
// satisfy (a random string equal to "x", a random key equal to "key"): that values come at all, and
// every one is valid, shows they are constructed.
const cases: Record<string, JsonSchema> = {
  'contains a constant': { type: 'array', items: { type: 'string' }, contains: { const: 'x' } },
  'minContains and maxContains': {
    type: 'array',
    items: { type: 'integer' },
    contains: { const: 7 },
    minContains: 2,
    maxContains: 3,
  },
  'maxContains among unconstrained items': { type: 'array', contains: { type: 'string' }, maxContains: 1 },
  'contains with unevaluatedItems false': {
    type: 'array',
    contains: { type: 'string', minLength: 2 },
    unevaluatedItems: false,
  },
  'propertyNames with const': {
    type: 'object',
    propertyNames: { const: 'key' },
    minProperties: 1,
  },
  'propertyNames with pattern': {
    type: 'object',
    propertyNames: { pattern: '^[A-Z]{3}$' },
    additionalProperties: { type: 'integer' },
    minProperties: 2,
  },
  'propertyNames false': { type: 'object', propertyNames: false },
  'patternProperties false beside additionalProperties': {
    type: 'object',
    patternProperties: { '^x': false, '^y': { type: 'integer' } },
    additionalProperties: { type: 'string' },
  },
  'a property that matches a pattern takes both schemas': {
    type: 'object',
    required: ['foo'],
    properties: { foo: { type: 'array', maxItems: 3 } },
    patternProperties: { 'f.o': { minItems: 2 } },
  },
  dependentRequired: {
    type: 'object',
    properties: { card: { type: 'string' }, billing: { type: 'string' } },
    dependentRequired: { card: ['billing'] },
  },
  dependentSchemas: {
    type: 'object',
    properties: { kind: { type: 'string' } },
    dependentSchemas: { kind: { required: ['code'], properties: { code: { const: 'K-1' } } } },
    additionalProperties: { type: 'string' },
  },
  'if/then/else with constants': {
    if: { type: 'string', maxLength: 4 },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`
    then: { const: 'yes' },
    else: { const: 'other' },
  },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`
  'if true': { if: true, then: { const: 'then' }, else: { const: 'else' } },
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`
  'else false': { type: 'integer', if: { minimum: 10 }, then: true, else: false },
  'prefixItems with a false place': { type: 'array', prefixItems: [{ type: 'integer' }, false] },
  'unevaluatedProperties over allOf': {
    allOf: [{ properties: { a: { type: 'integer' } }, required: ['a'] }],
    properties: { b: { type: 'boolean' } },
    unevaluatedProperties: false,
  },
  'unevaluatedItems after prefixItems': {
    type: 'array',
    prefixItems: [{ const: 'head' }],
    unevaluatedItems: { type: 'integer', minimum: 100 },
    minItems: 3,
  },
  'not pushed into type': { not: { type: ['string', 'number', 'object', 'array', 'boolean'] } },
  'oneOf with an empty branch': { oneOf: [{ type: 'number' }, {}] },
  'multipleOf on large integers': { type: 'integer', multipleOf: 1e-8 },
  'multipleOf large step': { type: 'integer', multipleOf: 1e15, minimum: 1 },
  'enum inside anyOf with sibling bounds': { type: 'integer', minimum: 3, anyOf: [{ enum: [1, 2, 3, 4] }] },
};

describe('schemaArbitrary over the JSON Schema 2020-12 applicators', () => {
  for (const [name, schema] of Object.entries(cases)) {
    it(`constructs valid values: ${name}`, () => {
      fc.assert(
        fc.property(schemaArbitrary(schema), (value) => {
          expect(validator.validate(schema, value)).toEqual([]);
          expect(matchesSchema(schema, value, {})).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('places between minContains and maxContains matching items, and sometimes more than one', () => {
    const counts = fc
      .sample(schemaArbitrary(cases['minContains and maxContains']!), { numRuns: 100, seed: 3 })
      .map((value) => (value as unknown[]).filter((item) => item === 7).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBe(3);
  });

  it('draws both sides of a condition and of a dependency', () => {
    const branches = new Set(fc.sample(schemaArbitrary(cases['if/then/else with constants']!), 50));
    expect(branches).toEqual(new Set(['yes', 'other']));
    const objects = fc.sample(schemaArbitrary(cases.dependentSchemas!), { numRuns: 100, seed: 5 }) as Record<
      string,
      unknown
    >[];
    expect(objects.some((o) => 'kind' in o)).toBe(true);
    expect(objects.some((o) => !('kind' in o))).toBe(true);
  });

  it('reports a schema nothing satisfies when it is built, naming what', () => {
    expect(() => schemaArbitrary({ type: 'array', contains: false })).toThrow(/contains|false/);
    expect(() =>
      schemaArbitrary({ type: 'object', required: ['a'], propertyNames: { maxLength: 0 } }),
    ).toThrow(/propertyNames/);
    expect(() => schemaArbitrary({ type: 'array', prefixItems: [true, false], minItems: 2 })).toThrow(
      /items/,
    );
  });

  it('keeps the same values for the same seed', () => {
    for (const schema of Object.values(cases)) {
      const arbitrary = schemaArbitrary(schema);
      expect(fc.sample(arbitrary, { numRuns: 20, seed: 9 })).toEqual(
        fc.sample(arbitrary, { numRuns: 20, seed: 9 }),
      );
    }
  });

  it('shrinks to values that stay valid', () => {
    const invalid: unknown[] = [];
    for (const schema of Object.values(cases)) {
      // A property that always fails makes fast-check shrink as far as it can.
      fc.check(
        fc.property(schemaArbitrary(schema), (value) => {
          if (validator.validate(schema, value).length > 0) invalid.push(value);
          return false;
        }),
        { numRuns: 1, seed: 2 },
      );
    }
    expect(invalid).toEqual([]);
  });
});

describe('matchesSchema on the unevaluated vocabulary', () => {
  it('counts what passing subschemas evaluated, and nothing a failing one did', () => {
    const schema: JsonSchema = {
      anyOf: [
        { properties: { a: true }, required: ['a'] },
        { properties: { b: true }, required: ['b'] },
      ],
      unevaluatedProperties: false,
    };
    expect(matchesSchema(schema, { a: 1, b: 2 }, {})).toBe(true);
    expect(matchesSchema(schema, { a: 1, c: 2 }, {})).toBe(false);
    const uncle: JsonSchema = {
      allOf: [{ properties: { foo: { properties: { bar: true } } } }],
      properties: { foo: { properties: { baz: true }, unevaluatedProperties: false } },
    };
    expect(matchesSchema(uncle, { foo: { baz: 1 } }, {})).toBe(true);
    expect(matchesSchema(uncle, { foo: { bar: 1, baz: 1 } }, {})).toBe(false);
  });

  it('counts the items contains matched', () => {
    const schema: JsonSchema = { contains: { type: 'string' }, unevaluatedItems: { type: 'integer' } };
    expect(matchesSchema(schema, ['a', 1, 'b'], {})).toBe(true);
    expect(matchesSchema(schema, ['a', true], {})).toBe(false);
  });
});

describe('a definition no value satisfies', () => {
  it('is named by the generation error also when only drawing finds it out', () => {
    const defs: Record<string, JsonSchema> = {
      Never: { type: 'integer', multipleOf: 7, not: { multipleOf: 7 } },
      Holder: { type: 'object', required: ['never'], properties: { never: { $ref: '#/$defs/Never' } } },
    };
    const arbitrary = schemaArbitrary({ $ref: '#/$defs/Holder' }, { defs });
    try {
      fc.sample(arbitrary, { numRuns: 1, seed: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as { details: { pointer?: string } }).details.pointer).toBe('#/$defs/Never');
    }
  });

  it('is named by the generation error', () => {
    const defs: Record<string, JsonSchema> = {
      Never: { type: 'object', required: ['id'], properties: { id: false } },
      Holder: { type: 'object', required: ['never'], properties: { never: { $ref: '#/$defs/Never' } } },
    };
    try {
      schemaArbitrary({ $ref: '#/$defs/Holder' }, { defs });
      expect.unreachable();
    } catch (error) {
      expect((error as { details: { pointer?: string } }).details.pointer).toBe('#/$defs/Never');
    }
  });

  it('gives properties named like Object.prototype members as own properties, __proto__ included', () => {
    // JSON.parse: in an object literal `__proto__:` would set the prototype, not declare a property.
    const schema = JSON.parse(
      '{"type":"object","required":["__proto__","toString","constructor"],"properties":{"__proto__":{"type":"integer"},"constructor":{"type":"string"}}}',
    ) as JsonSchema;
    fc.assert(
      fc.property(schemaArbitrary(schema), (value) => {
        const object = value as Record<string, unknown>;
        expect(Object.keys(object)).toEqual(expect.arrayContaining(['__proto__', 'toString', 'constructor']));
        expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        expect(validator.isValid(schema, value)).toBe(true);
      }),
    );
  });
});
