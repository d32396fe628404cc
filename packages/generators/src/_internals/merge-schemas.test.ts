import { describe, expect, it } from 'vitest';
import { flattenSchema, mergeSchemas, RESIDUE } from './merge-schemas.js';

describe('mergeSchemas', () => {
  it('intersects types, bounds, enums and required', () => {
    const merged = mergeSchemas(
      { type: ['number', 'null'], minimum: 0, maximum: 10, enum: [1, 2, 3, null], required: ['a'] },
      { type: 'integer', minimum: 2, enum: [2, 3, 4], required: ['b'] },
    );
    expect(merged).toMatchObject({
      type: ['integer'],
      minimum: 2,
      maximum: 10,
      enum: [2, 3],
      required: ['a', 'b'],
    });
  });

  it("applies one member's additionalProperties to the other member's properties", () => {
    const merged = mergeSchemas(
      { additionalProperties: { type: 'string' } },
      { properties: { x: { type: 'boolean' } } },
    );
    expect(merged.properties?.x).toEqual({ allOf: [{ type: 'boolean' }, { type: 'string' }] });
  });

  it('closes the object when a member says additionalProperties: false', () => {
    const merged = mergeSchemas(
      { properties: { a: {}, b: {} } },
      { properties: { a: {} }, additionalProperties: false },
    );
    expect(Object.keys(merged.properties ?? {})).toEqual(['a']);
  });

  it('keeps constraints it cannot merge as a residue to filter by', () => {
    const merged = mergeSchemas({ pattern: '^a' }, { pattern: 'b$' });
    expect(merged.pattern).toBe('^a');
    expect(merged[RESIDUE]).toEqual([{ pattern: 'b$' }]);
  });

  it("keeps each member's if/then/else together: a then without its if constrains nothing", () => {
    // The suite's "non-interference across combined schemas": three members, three conditionals.
    const then = { minimum: -10 };
    const flat = flattenSchema(
      { allOf: [{ if: { exclusiveMaximum: 0 } }, { then }, { else: { multipleOf: 2 } }] },
      {},
    ).schema;
    expect(flat).toEqual({ if: { exclusiveMaximum: 0 } });
    const first = { if: { minimum: 0 }, ['then' as string]: { multipleOf: 2 } };
    const second = { if: { maximum: 9 }, else: { const: 10 } };
    expect(mergeSchemas(first, second)).toEqual({ ...first, [RESIDUE]: [second] });
  });
});

describe('flattenSchema', () => {
  it('follows $ref and merges allOf, counting references', () => {
    const defs = { Base: { type: 'object' as const, required: ['id'] } };
    const flat = flattenSchema({ allOf: [{ $ref: '#/$defs/Base' }, { required: ['name'] }] }, defs);
    expect(flat.refs).toBe(1);
    expect(flat.schema).toMatchObject({ type: ['object'], required: ['id', 'name'] });
  });
});
