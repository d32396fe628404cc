import { createSchemaValidator } from '@assay/checks';
import { AssayError, type JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaArbitrary } from './schema-arbitrary.js';

const defs: Record<string, JsonSchema> = {
  Node: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 5 },
      children: { type: 'array', items: { $ref: '#/$defs/Node' } },
      parent: { anyOf: [{ $ref: '#/$defs/Node' }, { type: 'null' }] },
    },
    additionalProperties: false,
  },
  Cat: {
    type: 'object',
    required: ['kind', 'lives'],
    properties: { kind: { type: 'string' }, lives: { type: 'integer', minimum: 1, maximum: 9 } },
  },
  Dog: {
    type: 'object',
    required: ['kind', 'bark'],
    properties: { kind: { type: 'string' }, bark: { type: 'boolean' } },
  },
  Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
};
const validator = createSchemaValidator(defs);

const cases: Record<string, JsonSchema> = {
  'type array with null': { type: ['string', 'null'], maxLength: 3 },
  enum: { enum: ['a', 'b', 3, null] },
  'enum filtered by type': { type: 'string', enum: ['a', 1, 'b'] },
  const: { const: { x: 1 } },
  'string length': { type: 'string', minLength: 5, maxLength: 7 },
  pattern: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' },
  'unanchored pattern with length': { type: 'string', pattern: '[a-z]', minLength: 3, maxLength: 6 },
  formats: {
    type: 'object',
    required: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'],
    properties: {
      a: { type: 'string', format: 'uuid' },
      b: { type: 'string', format: 'date' },
      c: { type: 'string', format: 'date-time' },
      d: { type: 'string', format: 'time' },
      e: { type: 'string', format: 'email' },
      f: { type: 'string', format: 'uri' },
      g: { type: 'string', format: 'hostname' },
      h: { type: 'string', format: 'ipv4' },
      i: { type: 'string', format: 'ipv6' },
      j: { type: 'string', format: 'byte' },
      k: { type: 'string', format: 'binary' },
      l: { type: 'string', format: 'email', maxLength: 12 },
    },
  },
  'numeric formats': {
    type: 'array',
    prefixItems: [
      { type: 'integer', format: 'int32' },
      { type: 'integer', format: 'int64' },
      { type: 'number', format: 'float' },
      { type: 'number', format: 'double' },
    ],
    minItems: 4,
    items: false,
  },
  'integer bounds': { type: 'integer', minimum: -3, exclusiveMaximum: 10, multipleOf: 3 },
  // The validator holds a number with an integer format to it (daniweb.com writes ids so).
  'number with format int32': { type: 'number', format: 'int32' },
  'number with format int64 and bounds': { type: 'number', format: 'int64', minimum: -2.5, maximum: 7.5 },
  'number bounds': { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  'number multipleOf': { type: 'number', minimum: 0, maximum: 10, multipleOf: 0.01 },
  'unique array': {
    type: 'array',
    items: { type: 'integer', minimum: 0, maximum: 5 },
    minItems: 2,
    maxItems: 4,
    uniqueItems: true,
  },
  prefixItems: {
    type: 'array',
    prefixItems: [{ type: 'string' }, { type: 'integer' }],
    items: { type: 'boolean' },
    minItems: 1,
  },
  'object optional and additional': {
    type: 'object',
    required: ['a'],
    properties: { a: { type: 'integer' }, b: { type: 'string' } },
    additionalProperties: { type: 'number' },
    minProperties: 2,
  },
  patternProperties: {
    type: 'object',
    patternProperties: { '^x-[a-z]+$': { type: 'integer' } },
    additionalProperties: false,
    maxProperties: 2,
  },
  'allOf merge': {
    allOf: [
      { $ref: '#/$defs/Base' },
      { type: 'object', required: ['n'], properties: { n: { type: 'integer', minimum: 1 } } },
    ],
  },
  'allOf with closed member': {
    allOf: [
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      { type: 'object', properties: { a: { type: 'string', maxLength: 2 } }, additionalProperties: false },
    ],
  },
  anyOf: {
    anyOf: [
      { type: 'integer', maximum: 0 },
      { type: 'string', format: 'date' },
    ],
  },
  'oneOf overlapping': { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
  discriminator: {
    oneOf: [{ $ref: '#/$defs/Cat' }, { $ref: '#/$defs/Dog' }],
    discriminator: { propertyName: 'kind', mapping: { cat: '#/$defs/Cat', dog: '#/$defs/Dog' } },
  },
  recursive: { $ref: '#/$defs/Node' },
  not: { type: 'integer', minimum: 0, maximum: 5, not: { const: 3 } },
  'empty schema': {},
};

describe('schemaArbitrary', () => {
  for (const [name, schema] of Object.entries(cases)) {
    it(`generates only valid values: ${name}`, () => {
      fc.assert(
        fc.property(schemaArbitrary(schema, { defs }), (value) => {
          expect(validator.validate(schema, value)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('sets the discriminator property to the mapped value', () => {
    const schema = cases.discriminator!;
    const values = fc.sample(schemaArbitrary(schema, { defs }), { numRuns: 100, seed: 7 }) as Array<
      Record<string, unknown>
    >;
    for (const value of values) expect(value.kind === 'cat' ? 'lives' in value : 'bark' in value).toBe(true);
    expect(new Set(values.map((value) => value.kind))).toEqual(new Set(['cat', 'dog']));
  });

  it('bounds recursion: recursive schemas give finite values that still reach some depth', () => {
    const depth = (node: unknown): number => {
      if (node === null || typeof node !== 'object') return 0;
      const n = node as { children?: unknown[]; parent?: unknown };
      return 1 + Math.max(0, depth(n.parent), ...(n.children ?? []).map(depth));
    };
    const depths = fc
      .sample(schemaArbitrary({ $ref: '#/$defs/Node' }, { defs, maxDepth: 2 }), { numRuns: 200, seed: 1 })
      .map(depth);
    expect(Math.max(...depths)).toBeGreaterThan(1);
    expect(Math.max(...depths)).toBeLessThanOrEqual(4);
  });

  it('caches the arbitrary per schema object', () => {
    const schema = { type: 'string' } as const;
    expect(schemaArbitrary(schema, { defs })).toBe(schemaArbitrary(schema, { defs }));
  });

  it('reports contradictory schemas as a generation error instead of hanging', () => {
    expect(() => schemaArbitrary({ type: 'integer', minimum: 5, maximum: 1 })).toThrow(AssayError);
    expect(() => schemaArbitrary({ type: 'string', enum: [1, 2] })).toThrow(/enum/);
    const filtered = schemaArbitrary({ type: 'integer', minimum: 0, maximum: 1, not: { type: 'integer' } });
    expect(() => fc.sample(filtered, 1)).toThrow(/Could not generate/);
  });

  it('throws a generation error for patterns fast-check cannot generate from', () => {
    expect(() => schemaArbitrary({ type: 'string', pattern: '^(?!x).+$' })).toThrow(
      /regular-expression features/,
    );
  });

  it('leaves out optional readOnly properties in the request view and writeOnly ones in the response view', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name'],
      properties: {
        id: { type: 'integer', readOnly: true },
        name: { type: 'string' },
        secret: { type: 'string', writeOnly: true },
      },
    };
    const keys = (view: 'request' | 'response' | 'any') =>
      new Set(
        fc
          .sample(schemaArbitrary(schema, { view }), { numRuns: 100, seed: 4 })
          .flatMap((v) => Object.keys(v as object)),
      );
    expect(keys('request')).toEqual(new Set(['name', 'secret']));
    expect(keys('response')).toEqual(new Set(['name', 'id']));
    expect(keys('any')).toEqual(new Set(['name', 'id', 'secret']));
  });

  it('keeps token strings header-safe', () => {
    fc.assert(
      fc.property(schemaArbitrary({ type: 'string', minLength: 1 }, { charset: 'token' }), (value) => {
        expect(value).toMatch(/^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/);
      }),
    );
  });
});

describe('oneOf with a discriminator whose branches overlap', () => {
  const overlapDefs: Record<string, JsonSchema> = {
    A: { type: 'object', properties: { kind: { type: 'string' }, a: { type: 'integer' } } },
    B: { type: 'object', properties: { kind: { type: 'string' }, b: { type: 'integer' } } },
  };
  const schema: JsonSchema = {
    oneOf: [{ $ref: '#/$defs/A' }, { $ref: '#/$defs/B' }],
    discriminator: { propertyName: 'kind' },
  };

  it('is a generation error under plain JSON Schema (every value matches both branches)', () => {
    expect(() => fc.sample(schemaArbitrary(schema, { defs: overlapDefs }), 5)).toThrow(/branches overlap/);
  });

  it('gives tagged values when asked to read oneOf the OpenAPI way', () => {
    const values = fc.sample(schemaArbitrary(schema, { defs: overlapDefs, oneOfByDiscriminator: true }), {
      numRuns: 50,
      seed: 1,
    });
    expect(new Set(values.map((v) => (v as { kind: string }).kind))).toEqual(new Set(['A', 'B']));
  });
});

describe('free text a server would mangle', () => {
  it('has no control characters and no leading or trailing whitespace', () => {
    fc.assert(
      fc.property(schemaArbitrary({ type: 'string', minLength: 1 }, { extraLength: 40 }), (value) => {
        for (const char of value as string) {
          const code = char.codePointAt(0)!;
          expect(code > 0x1f && (code < 0x7f || code > 0x9f)).toBe(true);
        }
        expect((value as string).trim()).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
