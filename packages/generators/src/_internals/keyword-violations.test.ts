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
  'object size and dependencies': {
    type: 'object',
    properties: { card: { type: 'string' }, billing: { type: 'string' }, note: { type: 'string' } },
    dependentRequired: { card: ['billing'] },
    minProperties: 1,
    maxProperties: 2,
  },
  propertyNames: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
};

describe('keywordViolations', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`breaks exactly the keyword it names: ${name}`, () => {
      const mutations = keywordViolations(schema, {});
      expect(mutations.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const errors = validator.validate(schema, mutation.value);
        expect(errors.length, JSON.stringify(mutation.value)).toBeGreaterThan(0);
        // contains and propertyNames also report why their subschema failed, under their own path.
        const keywords = new Set(
          errors.filter((e) => !/\/(contains|propertyNames)\//.test(e.schemaPath)).map((e) => e.keyword),
        );
        // ajv reports minContains and maxContains under `contains`.
        const reported = mutation.keyword.endsWith('Contains') ? 'contains' : mutation.keyword;
        expect([...keywords]).toEqual([reported]);
      }
    });
  }

  it('covers every keyword of the schema it can complement', () => {
    expect(
      keywordViolations(schemas['min and max contains']!, {})
        .map((m) => m.keyword)
        .sort(),
    ).toEqual(['contains', 'maxContains', 'minContains']);
    expect(
      keywordViolations(schemas['object size and dependencies']!, {})
        .map((m) => m.keyword)
        .sort(),
    ).toEqual(['dependentRequired', 'maxProperties', 'minProperties']);
  });
});
