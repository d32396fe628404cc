import type { JsonSchema } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from './create-schema-validator.js';

const defs: Record<string, JsonSchema> = {
  Flow: {
    type: 'object',
    required: ['pk', 'slug'],
    properties: {
      pk: { type: 'string', format: 'uuid' },
      slug: { type: 'string', pattern: '^[-a-zA-Z0-9_]+$', maxLength: 50 },
      parent: { anyOf: [{ $ref: '#/$defs/Flow' }, { type: 'null' }] },
    },
  },
  Designation: { enum: ['authentication', 'enrollment'] },
  'a/b~c': { type: 'integer' },
};

describe('createSchemaValidator', () => {
  it('resolves #/$defs references into the shared definitions, recursively', () => {
    const v = createSchemaValidator(defs);
    const schema: JsonSchema = { type: 'array', items: { $ref: '#/$defs/Flow' } };
    const flow = { pk: '5c7d1a6e-3f2b-4c1d-9a8e-1b2c3d4e5f60', slug: 'default-auth', parent: null };
    expect(v.isValid(schema, [flow, { ...flow, parent: flow }])).toBe(true);
    expect(v.validate(schema, [flow])).toEqual([]);
    expect(v.isValid(schema, [{ ...flow, parent: { ...flow, slug: 'has space' } }])).toBe(false);
  });

  it('resolves definition keys that need JSON-pointer escaping', () => {
    const v = createSchemaValidator(defs);
    expect(v.isValid({ $ref: '#/$defs/a~1b~0c' }, 3)).toBe(true);
    expect(v.isValid({ $ref: '#/$defs/a~1b~0c' }, 'x')).toBe(false);
  });

  it('validates formats', () => {
    const v = createSchemaValidator({});
    expect(v.isValid({ type: 'string', format: 'uuid' }, 'not-a-uuid')).toBe(false);
    expect(v.isValid({ type: 'string', format: 'date-time' }, '2024-01-02T03:04:05Z')).toBe(true);
    expect(v.isValid({ type: 'string', format: 'date-time' }, 'yesterday')).toBe(false);
    expect(v.isValid({ type: 'string', format: 'email' }, 'a@b.example')).toBe(true);
  });

  it('ignores unknown keywords and formats instead of failing', () => {
    const v = createSchemaValidator({});
    const schema = {
      type: 'string',
      format: 'phone-number',
      'x-nullable': true,
      nullable: true,
    } as JsonSchema;
    expect(v.isValid(schema, 'anything')).toBe(true);
  });

  it('accepts patterns that only compile without the u flag, and never fails on unreadable ones', () => {
    const v = createSchemaValidator({});
    expect(v.isValid({ type: 'string', pattern: '^a\\_b$' }, 'a_b')).toBe(true);
    expect(v.isValid({ type: 'string', pattern: '^a\\_b$' }, 'ab')).toBe(false);
    expect(v.isValid({ type: 'string', pattern: '(?i)^abc\\Z' }, 'whatever')).toBe(true);
  });

  it('reports each error with a pointer into the value, the keyword, expected and actual', () => {
    const v = createSchemaValidator(defs);
    const schema: JsonSchema = {
      type: 'object',
      properties: { results: { type: 'array', items: { $ref: '#/$defs/Flow' } } },
    };
    const errors = v.validate(schema, {
      results: [{ pk: 'nope', slug: 'ok' }, { pk: '5c7d1a6e-3f2b-4c1d-9a8e-1b2c3d4e5f60' }],
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({
      pointer: '/results/0/pk',
      keyword: 'format',
      expected: 'uuid',
      actual: 'nope',
    });
    expect(errors[1]).toMatchObject({
      pointer: '/results/1/slug',
      keyword: 'required',
      expected: 'slug',
      actual: undefined,
    });
    for (const e of errors) expect(e.schemaPath).toMatch(/^(urn:assay:api)?#/);
  });

  it('reports type, enum, limits and additional properties with their expectations', () => {
    const v = createSchemaValidator(defs);
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: {
        n: { type: 'integer', minimum: 1 },
        d: { $ref: '#/$defs/Designation' },
        tags: { type: 'array', maxItems: 1 },
        s: { type: 'string' },
      },
    };
    const errors = v.validate(schema, { n: 0, d: 'nope', tags: [1, 2], s: 4, extra: true });
    const byKeyword = Object.fromEntries(errors.map((e) => [e.keyword, e]));
    expect(byKeyword.minimum).toMatchObject({ pointer: '/n', expected: '>= 1', actual: 0 });
    expect(byKeyword.enum).toMatchObject({
      pointer: '/d',
      expected: ['authentication', 'enrollment'],
      actual: 'nope',
    });
    expect(byKeyword.maxItems).toMatchObject({ pointer: '/tags', expected: 1, actual: 2 });
    expect(byKeyword.type).toMatchObject({ pointer: '/s', expected: 'string', actual: 4 });
    expect(byKeyword.additionalProperties).toMatchObject({ pointer: '/extra', actual: true });
  });

  it('reports a failed anyOf once, not once per alternative', () => {
    const v = createSchemaValidator({});
    const errors = v.validate({ anyOf: [{ type: 'string' }, { type: 'integer' }] }, 1.5);
    expect(errors.map((e) => e.keyword)).toEqual(['anyOf']);
  });

  it('handles boolean schemas', () => {
    const v = createSchemaValidator({});
    expect(v.isValid(true, 1)).toBe(true);
    expect(v.isValid(false, 1)).toBe(false);
    expect(v.validate(false, 1)).toHaveLength(1);
  });

  it('caches compiled validators by schema identity and agrees between isValid and validate', () => {
    const v = createSchemaValidator(defs);
    const schema: JsonSchema = { type: 'object', properties: { flow: { $ref: '#/$defs/Flow' } } };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(v.isValid(schema, value)).toBe(v.validate(schema, value).length === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('throws spec-schema for a schema that does not compile', () => {
    const v = createSchemaValidator({});
    try {
      v.isValid({ $ref: '#/$defs/Missing' }, 1);
      expect.unreachable();
    } catch (error) {
      expect(AssayError.is(error) && error.code).toBe('spec-schema');
    }
  });

  it('keeps a $ref string that is data (enum, const) as it is', () => {
    const v = createSchemaValidator({});
    expect(v.isValid({ const: { $ref: '#/x' } }, { $ref: '#/x' })).toBe(true);
    const withDefs = createSchemaValidator(defs);
    // A property *named* enum holds a schema, so its $ref is followed.
    expect(withDefs.isValid({ properties: { enum: { $ref: '#/$defs/a~1b~0c' } } }, { enum: 1 })).toBe(true);
    expect(withDefs.isValid({ properties: { enum: { $ref: '#/$defs/a~1b~0c' } } }, { enum: 'x' })).toBe(
      false,
    );
  });

  it('judges a hostile string against a catastrophic pattern at once, and keeps risky patterns apart', () => {
    const v = createSchemaValidator({});
    const name = { type: 'string', pattern: '^(a+)+$' } as const;
    const code = { type: 'string', pattern: '^(b|bb)+$' } as const;
    // A backtracking engine would take hours on this near miss; the linear engine rejects it at once.
    expect(v.isValid(name, `${'a'.repeat(40)}!`)).toBe(false);
    expect(v.isValid(name, 'a'.repeat(40))).toBe(true);
    // Two risky patterns in one validator each keep their own rule.
    expect(v.isValid(code, 'bbb')).toBe(true);
    expect(v.isValid(code, 'aaa')).toBe(false);
    expect(v.validate({ type: 'object', properties: { name, code } }, { name: 'aa', code: 'aa' })).toEqual([
      expect.objectContaining({ pointer: '/code', keyword: 'pattern' }),
    ]);
  });

  it('shares compiled validators between equal schemas without confusing different ones', () => {
    const keyword = fc.oneof(
      fc.record({ type: fc.constantFrom('integer', 'string', 'number') }),
      fc.record({ maximum: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ minLength: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ enum: fc.array(fc.constantFrom(1, 2, 'a', 'b'), { minLength: 1, maxLength: 2 }) }),
    );
    const schema = fc
      .array(keyword, { minLength: 1, maxLength: 3 })
      .map((parts) => Object.assign({}, ...parts));
    const value = fc.constantFrom(0, 1, 2, 5, 'a', 'b', 'abcd', 1.5, null);
    fc.assert(
      fc.property(fc.array(schema, { minLength: 1, maxLength: 6 }), value, (schemas, v) => {
        // One validator sees every schema (and a structural copy of each); each answer must equal
        // what a validator that never saw the others says.
        const shared = createSchemaValidator({});
        for (const s of schemas) {
          const copy = structuredClone(s);
          const fresh = createSchemaValidator({});
          expect(shared.validate(s, v)).toEqual(fresh.validate(s, v));
          expect(shared.isValid(copy, v)).toBe(fresh.isValid(s, v));
        }
      }),
      { numRuns: 60 },
    );
  });
});
