import { createSchemaValidator } from '@assay/json-schema';
import type { ApiModel, JsonSchema } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadApi } from '../load/load-api.js';

/** Loads `schemas` as the components of a document of the given version and returns the model. */
function loadSchemas(version: '3.0.3' | '3.1.0', schemas: Record<string, unknown>): Promise<ApiModel> {
  return loadApi({
    openapi: version,
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas },
  });
}

function accepts(api: ApiModel, key: string, value: unknown): boolean {
  return createSchemaValidator(api.schemas).isValid({ $ref: `#/$defs/${key}` }, value);
}

const scalar = fc.constantFrom(
  { type: 'string' },
  { type: 'integer' },
  { type: 'number' },
  { type: 'boolean' },
  { type: 'string', enum: ['a', 'b'] },
  { type: 'object', properties: { a: { type: 'string' } } },
  { type: 'array', items: { type: 'integer' } },
);
const sample = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant('a'),
  fc.constant({ a: 'x' }),
  fc.constant([1, 2]),
);

describe('OAS 3.0 nullable', () => {
  it('accepts null exactly when nullable is set, and otherwise changes nothing, in every form', async () => {
    await fc.assert(
      fc.asyncProperty(
        scalar,
        fc.constantFrom('plain', 'ref', 'allOf'),
        sample,
        async (base, form, value) => {
          const wrap = (nullable: boolean) => {
            if (form === 'plain') return { ...base, nullable };
            if (form === 'ref') return { $ref: '#/components/schemas/Base', nullable };
            return { allOf: [{ $ref: '#/components/schemas/Base' }], nullable, description: 'd' };
          };
          const api = await loadSchemas('3.0.3', { Base: base, Yes: wrap(true), No: wrap(false) });
          expect(accepts(api, 'Yes', null)).toBe(true);
          expect(accepts(api, 'No', null)).toBe(false);
          expect(accepts(api, 'Yes', value)).toBe(accepts(api, 'Base', value));
          expect(accepts(api, 'No', value)).toBe(accepts(api, 'Base', value));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds null to an enum, and leaves a type-less schema accepting null', async () => {
    const api = await loadSchemas('3.0.3', {
      E: { enum: ['x'], nullable: true },
      Free: { nullable: true, description: 'anything' },
    });
    expect(api.schemas.E).toEqual({ enum: ['x', null] });
    expect(accepts(api, 'E', null)).toBe(true);
    expect(accepts(api, 'Free', null)).toBe(true);
    expect(api.schemas.Free).toEqual({ description: 'anything' });
  });

  it('keeps annotations outside the null wrapper so readOnly still shows', async () => {
    const api = await loadSchemas('3.0.3', {
      A: { type: 'string' },
      B: { allOf: [{ $ref: '#/components/schemas/A' }], nullable: true, readOnly: true },
    });
    expect(api.schemas.B).toEqual({
      readOnly: true,
      anyOf: [{ allOf: [{ $ref: '#/$defs/A' }] }, { type: 'null' }],
    });
  });
});

describe('bounds, examples and tuples', () => {
  it('turns boolean exclusive bounds into numeric ones with the same meaning', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        fc.boolean(),
        fc.boolean(),
        async (limit, value, exclusive, upper) => {
          const schema = upper
            ? { type: 'integer', maximum: limit, exclusiveMaximum: exclusive }
            : { type: 'integer', minimum: limit, exclusiveMinimum: exclusive };
          const api = await loadSchemas('3.0.3', { N: schema });
          const expected = upper
            ? exclusive
              ? value < limit
              : value <= limit
            : exclusive
              ? value > limit
              : value >= limit;
          expect(accepts(api, 'N', value)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('moves example into examples and array items into prefixItems', async () => {
    const api = await loadSchemas('3.0.3', {
      S: { type: 'string', example: 'hi' },
      T: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
    });
    expect(api.schemas.S).toEqual({ type: 'string', examples: ['hi'] });
    expect(api.schemas.T).toEqual({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('drops a non-list required with a warning instead of failing to compile', async () => {
    const api = await loadSchemas('3.0.3', {
      P: { type: 'object', properties: { a: { type: 'string', required: true } } },
    });
    expect(api.schemas.P).toEqual({ type: 'object', properties: { a: { type: 'string' } } });
    expect(api.problems).toContainEqual(
      expect.objectContaining({
        code: 'schema-required-not-list',
        pointer: '/components/schemas/P/properties/a/required',
      }),
    );
  });
});

describe('discriminators', () => {
  it('rewrites mapping targets, by name or by $ref, to $defs references', async () => {
    const api = await loadSchemas('3.0.3', {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { cat: 'Cat', dog: '#/components/schemas/Dog' } },
      },
      Cat: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, meows: { type: 'boolean' } },
      },
      Dog: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string' }, barks: { type: 'boolean' } },
      },
    });
    expect((api.schemas.Pet as { discriminator: unknown }).discriminator).toEqual({
      propertyName: 'kind',
      mapping: { cat: '#/$defs/Cat', dog: '#/$defs/Dog' },
    });
  });

  it('adds the implicit mapping: each unmapped component branch under its own name', async () => {
    const api = await loadSchemas('3.0.3', {
      Pet: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { woof: 'Dog' } },
      },
      Cat: { type: 'object', properties: { kind: { type: 'string' } } },
      Dog: { type: 'object', properties: { kind: { type: 'string' } } },
    });
    expect((api.schemas.Pet as { discriminator: unknown }).discriminator).toEqual({
      propertyName: 'kind',
      mapping: { woof: '#/$defs/Dog', Cat: '#/$defs/Cat' },
    });
  });
});

describe('readOnly and writeOnly views', () => {
  const doc = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/users': {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Team' } } } },
          responses: {
            '201': {
              description: 'made',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Team' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Team: {
          type: 'object',
          required: ['name', 'owner'],
          properties: { name: { type: 'string' }, owner: { $ref: '#/components/schemas/User' } },
        },
        User: {
          type: 'object',
          required: ['id', 'password', 'email'],
          properties: {
            id: { type: 'integer', readOnly: true },
            password: { type: 'string', writeOnly: true },
            email: { type: 'string' },
          },
        },
      },
    },
  };

  it('does not require readOnly properties in requests nor writeOnly ones in responses, through references', async () => {
    const api = await loadApi(doc);
    const post = api.operations[0]!;
    const request = post.requestBody!.content['application/json']!.schema;
    const response = post.responses['201']!.content['application/json']!.schema;
    const validator = createSchemaValidator(api.schemas);
    const valid = (schema: JsonSchema, value: unknown) => validator.isValid(schema, value);
    expect(valid(request, { name: 'a', owner: { password: 'p', email: 'e' } })).toBe(true);
    expect(valid(request, { name: 'a', owner: { id: 1, email: 'e' } })).toBe(false);
    expect(valid(response, { name: 'a', owner: { id: 1, email: 'e' } })).toBe(true);
    expect(valid(response, { name: 'a', owner: { password: 'p', email: 'e' } })).toBe(false);
    // The shared definitions are untouched; the views are separate keys.
    expect((api.schemas.User as { required: string[] }).required).toEqual(['id', 'password', 'email']);
  });
});

describe('OAS 3.1', () => {
  it('keeps keywords beside $ref and reads 2020-12 schemas as they are', async () => {
    const api = await loadSchemas('3.1.0', {
      A: { type: 'string' },
      B: { $ref: '#/components/schemas/A', maxLength: 3 },
      C: { type: ['string', 'null'], exclusiveMinimum: 2, const: 'x' },
    });
    expect(api.schemas.B).toEqual({ maxLength: 3, $ref: '#/$defs/A' });
    expect(api.schemas.C).toEqual({ type: ['string', 'null'], exclusiveMinimum: 2, const: 'x' });
    expect(accepts(api, 'B', 'abcd')).toBe(false);
  });

  it('honours a leftover nullable and drops x-* annotations that hold $refs', async () => {
    const api = await loadSchemas('3.1.0', {
      A: { type: 'string', nullable: true },
      B: { type: 'object', 'x-expansion': { oneOf: [{ $ref: '#/components/schemas/A' }] }, 'x-plain': 1 },
    });
    expect(api.schemas.A).toEqual({ type: ['string', 'null'] });
    expect(api.schemas.B).toEqual({ type: 'object', 'x-plain': 1 });
  });

  it('puts every $ref of the model into #/$defs/<key> with the key present', async () => {
    const api = await loadSchemas('3.1.0', {
      Tree: {
        type: 'object',
        properties: {
          kids: { type: 'array', items: { $ref: '#/components/schemas/Tree' } },
          leaf: { $ref: '#/components/schemas/Tree/properties/kids' },
        },
      },
    });
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else walk(value);
      }
    };
    walk(api.schemas);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/\$defs\/[A-Za-z0-9._-]+$/);
      expect(api.schemas[ref.slice('#/$defs/'.length)]).toBeDefined();
    }
  });
});

describe('JSON Schema identifiers in OAS 3.1 schemas', () => {
  it('follows a plain-name $anchor, a $dynamicAnchor used by $ref and an $id-relative reference', async () => {
    const api = await loadSchemas('3.1.0', {
      Anchored: {
        type: 'object',
        properties: { a: { $ref: '#positive' }, b: { $ref: '#word' } },
        $defs: {
          p: { $anchor: 'positive', type: 'integer', minimum: 1 },
          w: { $dynamicAnchor: 'word', type: 'string' },
        },
      },
      Identified: {
        $id: 'https://example.test/shapes/root.json',
        properties: { x: { $ref: 'size.json' }, y: { $ref: '#/$defs/size/maximum' }, z: { $ref: '#' } },
        $defs: { size: { $id: 'size.json', type: 'integer', maximum: 9 } },
      },
    });
    expect(accepts(api, 'Anchored', { a: 1, b: 'x' })).toBe(true);
    expect(accepts(api, 'Anchored', { a: 0 })).toBe(false);
    expect(accepts(api, 'Anchored', { b: 1 })).toBe(false);
    expect(accepts(api, 'Identified', { x: 9, z: { x: 3 } })).toBe(true);
    expect(accepts(api, 'Identified', { x: 10 })).toBe(false);
    expect(accepts(api, 'Identified', { z: { x: 'big' } })).toBe(false);
  });

  it('still reads #/components/... inside a schema with an $id against the document', async () => {
    const api = await loadSchemas('3.1.0', {
      Name: { type: 'string' },
      Person: {
        $id: 'https://example.test/person.json',
        properties: { name: { $ref: '#/components/schemas/Name' } },
      },
    });
    expect(accepts(api, 'Person', { name: 'x' })).toBe(true);
    expect(accepts(api, 'Person', { name: 1 })).toBe(false);
  });

  it('names the reference when an anchor does not exist', async () => {
    await expect(loadSchemas('3.1.0', { A: { $ref: '#nowhere' } })).rejects.toThrow(
      /names no \$anchor or \$dynamicAnchor/,
    );
  });
});

describe('JSON Schema dynamic references in OAS 3.1 schemas', () => {
  it('resolves $dynamicRef to the outermost $dynamicAnchor in scope, and an empty enum to nothing', async () => {
    const api = await loadSchemas('3.1.0', {
      Strings: {
        $id: 'https://example.test/strings',
        $ref: 'list',
        $defs: {
          item: { $dynamicAnchor: 'item', type: 'string' },
          list: {
            $id: 'list',
            type: 'array',
            items: { $dynamicRef: '#item' },
            $defs: { generic: { $dynamicAnchor: 'item' } },
          },
        },
      },
      Nothing: { enum: [] },
    });
    expect(accepts(api, 'Strings', ['a', 'b'])).toBe(true);
    expect(accepts(api, 'Strings', ['a', 1])).toBe(false);
    expect(accepts(api, 'Nothing', 'a')).toBe(false);
  });

  it('gives a schema reached under two dynamic scopes each its own reading, also through a plain $ref', async () => {
    // One generic list, reached from two typed lists through a middle schema with no $dynamicRef of
    // its own: each typed list's items are its own, whichever is converted first.
    const list = {
      $id: 'https://example.test/list',
      type: 'array',
      items: { $dynamicRef: '#item' },
      $defs: { generic: { $dynamicAnchor: 'item' } },
    };
    const middle = { $id: 'https://example.test/middle', $ref: 'list', maxItems: 3 };
    const typed = (name: string, type: string) => ({
      $id: `https://example.test/${name}`,
      $ref: 'middle',
      $defs: { item: { $dynamicAnchor: 'item', type } },
    });
    for (const order of [
      ['Strings', 'Numbers'],
      ['Numbers', 'Strings'],
    ]) {
      const schemas: Record<string, unknown> = { List: list, Middle: middle };
      for (const name of order)
        schemas[name] = typed(name.toLowerCase(), name === 'Strings' ? 'string' : 'number');
      const api = await loadSchemas('3.1.0', schemas);
      expect(accepts(api, 'Strings', ['a', 'b']), order.join(' then ')).toBe(true);
      expect(accepts(api, 'Strings', ['a', 1]), order.join(' then ')).toBe(false);
      expect(accepts(api, 'Numbers', [1, 2.5]), order.join(' then ')).toBe(true);
      expect(accepts(api, 'Numbers', [1, 'a']), order.join(' then ')).toBe(false);
      expect(accepts(api, 'Strings', ['a', 'b', 'c', 'd']), 'the middle schema still applies').toBe(false);
      // Outside any typed list, the generic anchor is the one in scope: anything goes.
      expect(accepts(api, 'List', [1, 'a', null])).toBe(true);
    }
  });
});

describe('schemas no value satisfies', () => {
  it('are a warning naming where each is defined, said once however often it is used', async () => {
    const api = await loadApi({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Never' } } },
            },
            responses: { '204': { description: 'ok' } },
          },
          put: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Never' } } },
            },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
      components: {
        schemas: {
          Never: { type: 'object', required: ['id'], properties: { id: false } },
          Crossed: { type: 'integer', minimum: 5, maximum: 1 },
          Fine: { type: 'object', properties: { id: false } },
        },
      },
    });
    const warnings = api.problems.filter((p) => p.code === 'schema-unsatisfiable');
    expect(warnings.map((w) => w.pointer).sort()).toEqual([
      '/components/schemas/Crossed',
      '/components/schemas/Never',
    ]);
    expect(warnings.find((w) => w.pointer.endsWith('Never'))!.message).toMatch(
      /required property id is forbidden/,
    );
  });
});
