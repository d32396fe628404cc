import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { keywordViolations } from './keyword-violations.js';

const validator = createSchemaValidator({});

const schemas: Record<string, JsonSchema> = {
  contains: { type: 'array', items: { type: 'integer' }, contains: { minimum: 10 }, minItems: 1 },
  'min and max contains': {
    type: 'array',
    items: { type: 'string' },
    contains: { const: 'x' },
    minContains: 2,
    maxContains: 3,
  },
  'array size': { type: 'array', items: { type: 'boolean' }, minItems: 2, maxItems: 3 },
  'unique items': { type: 'array', items: { type: 'integer', minimum: 0, maximum: 9 }, uniqueItems: true },
  'unevaluated items': {
    type: 'array',
    prefixItems: [{ type: 'string' }],
    unevaluatedItems: { type: 'integer' },
    maxItems: 4,
  },
  'object size and dependencies': {
    type: 'object',
    properties: { card: { type: 'string' }, billing: { type: 'string' }, note: { type: 'string' } },
    dependentRequired: { card: ['billing'] },
    minProperties: 1,
    maxProperties: 2,
  },
  propertyNames: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
  'dependent schemas': {
    type: 'object',
    properties: { card: { type: 'string' }, billing: { type: 'string' } },
    dependentSchemas: { card: { required: ['billing'] } },
  },
  'if then': {
    type: 'object',
    properties: { kind: { enum: ['card', 'cash'] }, number: { type: 'string' } },
    required: ['kind'],
    if: { properties: { kind: { const: 'card' } } },
    // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`
    then: { required: ['number'] },
  },
  'if else': {
    type: 'integer',
    minimum: 0,
    maximum: 100,
    if: { maximum: 9 },
    else: { multipleOf: 10 },
  },
  'unevaluated properties': {
    type: 'object',
    properties: { id: { type: 'integer' } },
    patternProperties: { '^x-': { type: 'string' } },
    unevaluatedProperties: false,
  },
  'unevaluated properties with a schema': {
    type: 'object',
    allOf: [{ properties: { id: { type: 'integer' } } }],
    unevaluatedProperties: { type: 'string' },
  },
};

/** The keyword of the schema root an error belongs to: the first step of its schema path. */
function rootKeyword(schemaPath: string): string {
  return schemaPath.split('/')[1] ?? '';
}

/** Where the validator reports a broken keyword: ajv reports min/maxContains under `contains`. */
const REPORTED: Record<string, string[]> = {
  minContains: ['contains'],
  maxContains: ['contains'],
  if: ['if', 'then', 'else'],
};

describe('keywordViolations', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`breaks exactly the keyword it names: ${name}`, () => {
      const mutations = keywordViolations(schema, {});
      expect(mutations.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const errors = validator.validate(schema, mutation.value);
        expect(errors.length, JSON.stringify(mutation.value)).toBeGreaterThan(0);
        // Every error sits under the broken keyword (a subschema's own errors under its path).
        const reported = new Set(errors.map((e) => rootKeyword(e.schemaPath)));
        const allowed = REPORTED[mutation.keyword] ?? [mutation.keyword];
        expect(
          [...reported].filter((k) => !allowed.includes(k)),
          JSON.stringify(mutation.value),
        ).toEqual([]);
        expect(reported.has(allowed[0]!), JSON.stringify(mutation.value)).toBe(true);
      }
    });
  }

  it('covers every keyword of the schema it can complement', () => {
    const keywordsOf = (name: string) =>
      keywordViolations(schemas[name]!, {})
        .map((m) => m.keyword)
        .sort();
    expect(keywordsOf('min and max contains')).toEqual(['contains', 'maxContains', 'minContains']);
    expect(keywordsOf('object size and dependencies')).toEqual([
      'dependentRequired',
      'maxProperties',
      'minProperties',
    ]);
    expect(keywordsOf('unique items')).toEqual(['uniqueItems']);
    expect(keywordsOf('unevaluated items')).toEqual(['maxItems', 'unevaluatedItems']);
    expect(keywordsOf('dependent schemas')).toEqual(['dependentSchemas']);
    expect(keywordsOf('if then')).toEqual(['if']);
    expect(keywordsOf('if else')).toEqual(['if']);
    expect(keywordsOf('unevaluated properties')).toEqual(['unevaluatedProperties']);
    expect(keywordsOf('unevaluated properties with a schema')).toEqual(['unevaluatedProperties']);
  });

  it('says nothing for a keyword nothing can break: every item or property already evaluated', () => {
    expect(keywordViolations({ type: 'array', items: true, unevaluatedItems: false }, {})).toEqual([]);
    expect(
      keywordViolations({ type: 'object', additionalProperties: true, unevaluatedProperties: false }, {}),
    ).toEqual([]);
    expect(keywordViolations({ type: 'object', dependentSchemas: { a: true } }, {})).toEqual([]);
  });

  it('names the keyword the schema declares, never one flattening read it as', () => {
    // Flattening reads a local unevaluatedProperties as additionalProperties: the value breaks the
    // declared keyword, and that is the one the validator reports.
    const declared: JsonSchema = {
      type: 'object',
      properties: { id: { type: 'integer' } },
      unevaluatedProperties: false,
    };
    expect(keywordViolations(declared, {}).map((m) => m.keyword)).toEqual(['unevaluatedProperties']);
    expect(keywordViolations({ $ref: '#/$defs/Closed' }, { Closed: declared }).map((m) => m.keyword)).toEqual(
      ['unevaluatedProperties'],
    );
    // A declared additionalProperties is not one of the keywords complemented here.
    expect(
      keywordViolations({ type: 'object', properties: { id: {} }, additionalProperties: false }, {}),
    ).toEqual([]);
  });
});
