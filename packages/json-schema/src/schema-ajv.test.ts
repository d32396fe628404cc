import type { JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebaseRefs } from './rebase-refs.js';
import { schemaAjv } from './schema-ajv.js';

const defs: Record<string, JsonSchema> = {
  Item: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'integer', minimum: 1 }, tag: { type: 'string', format: 'uuid' } },
  },
  'a/b~c': { type: 'array', items: { $ref: '#/$defs/Item' }, maxItems: 3 },
};

describe('schemaAjv', () => {
  it('accepts exactly the same values with and without error reporting', () => {
    const full = schemaAjv(defs).compile(rebaseRefs({ $ref: '#/$defs/a~1b~0c' }) as object);
    const lean = schemaAjv(defs, { errors: false }).compile(
      rebaseRefs({ $ref: '#/$defs/a~1b~0c' }) as object,
    );
    const item = fc.record(
      { id: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.string()), tag: fc.oneof(fc.uuid(), fc.string()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(item, { maxLength: 4 }), fc.jsonValue()), (value) => {
        expect(lean(value)).toBe(full(value));
      }),
    );
  });

  it('validates formats, ignores unknown keywords and formats, and reports every error in full mode', () => {
    const ajv = schemaAjv({});
    const uuid = ajv.compile({ type: 'string', format: 'uuid' });
    expect(uuid('not-a-uuid')).toBe(false);
    expect(ajv.compile({ type: 'string', format: 'no-such-format', 'x-custom': 1 })('anything')).toBe(true);
    const two = ajv.compile({ type: 'object', required: ['a', 'b'] });
    two({});
    expect(two.errors).toHaveLength(2);
  });

  it('counts only own property names as present, never inherited ones like toString or __proto__', () => {
    const ajv = schemaAjv({});
    const required = ajv.compile({ type: 'object', required: ['toString', '__proto__', 'constructor'] });
    expect(required({})).toBe(false);
    expect(required(JSON.parse('{"toString": 1, "__proto__": 2, "constructor": 3}'))).toBe(true);
    const properties = ajv.compile({ properties: { toString: { type: 'number' }, constructor: false } });
    expect(properties({})).toBe(true);
    expect(properties({ toString: 'x' })).toBe(false);
  });
});
