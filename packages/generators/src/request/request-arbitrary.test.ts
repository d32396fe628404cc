import { createSchemaValidator } from '@assay/checks';
import type { HttpRequest, JsonSchema, Operation } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operation, parameter } from '../_test/operation.js';
import { requestArbitrary } from './request-arbitrary.js';

const defs: Record<string, JsonSchema> = {
  Pet: {
    type: 'object',
    required: ['name', 'kind'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 20 },
      kind: { enum: ['cat', 'dog'] },
      age: { type: 'integer', minimum: 0, maximum: 40 },
      tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      birthday: { type: 'string', format: 'date' },
    },
    additionalProperties: false,
  },
};
const validator = createSchemaValidator(defs);
const isValid = validator.isValid;

const petOperation: Operation = operation({
  id: 'updatePet',
  method: 'PUT',
  path: '/pets/{petId}',
  parameters: [
    parameter('petId', 'path', { type: 'integer', minimum: 1 }),
    parameter('limit', 'query', { type: 'integer', minimum: 1, maximum: 100 }, { required: true }),
    parameter(
      'status',
      'query',
      { type: 'array', items: { enum: ['available', 'sold'] } },
      { explode: false },
    ),
    parameter('since', 'query', { type: 'string', format: 'date-time' }),
    parameter('code', 'query', { type: 'string', pattern: '^[A-Z]{3}$' }),
    parameter('verbose', 'query', { type: 'boolean' }),
    parameter('X-Request-Id', 'header', { type: 'string', format: 'uuid' }, { required: true }),
    parameter('session', 'cookie', { type: 'string', minLength: 4 }),
  ],
  requestBody: {
    required: true,
    content: {
      'application/json': { mediaType: 'application/json', schema: { $ref: '#/$defs/Pet' }, examples: [] },
    },
  },
});

/**
 * An independent server-side reading for the test: URLSearchParams for the query, a regex for
 * the path, and coercion by the schema's declared type. It is deliberately not the generators' own reader.
 */
function serverRead(request: HttpRequest, name: string): unknown {
  const p = petOperation.parameters.find((q) => q.name === name)!;
  const schema = p.schema as { type?: string; items?: unknown };
  let text: string | string[] | undefined;
  if (p.in === 'query') {
    const all = new URLSearchParams(request.query).getAll(name);
    text = schema.type === 'array' ? (all[0]?.split(',') ?? undefined) : all[0];
  } else if (p.in === 'path') text = decodeURIComponent(/^\/pets\/([^/]*)$/.exec(request.path)?.[1] ?? '');
  else if (p.in === 'header') text = request.headers[name.toLowerCase()];
  else text = /(?:^|; )session=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
  if (text === undefined || Array.isArray(text)) return text;
  if (schema.type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

describe('requestArbitrary', () => {
  it('positive: every parameter and the body are valid as the server reads them', () => {
    fc.assert(
      fc.property(requestArbitrary(petOperation, 'positive', { defs, isValid }), (request) => {
        expect(request.mode).toBe('positive');
        for (const p of petOperation.parameters) {
          const value = serverRead(request, p.name);
          if (value === undefined) expect(p.required).toBe(false);
          else expect(validator.validate(p.schema, value)).toEqual([]);
        }
        expect(request.headers['content-type']).toBe('application/json');
        expect(validator.validate({ $ref: '#/$defs/Pet' }, JSON.parse(String(request.body)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('positive: optional parameters are sometimes absent and sometimes present', () => {
    const requests = fc.sample(requestArbitrary(petOperation, 'positive', { defs, isValid }), {
      numRuns: 200,
      seed: 3,
    });
    const withSince = requests.filter((r) => r.query.includes('since=')).length;
    expect(withSince).toBeGreaterThan(20);
    expect(withSince).toBeLessThan(180);
  });

  it('negative: the one changed parameter reads back as a value the validator rejects (no false positives)', () => {
    const keywords = new Set<string>();
    fc.assert(
      fc.property(requestArbitrary(petOperation, 'negative', { defs, isValid }), (request) => {
        const reason = request.reason!;
        expect(request.mode).toBe('negative');
        keywords.add(reason.keyword);
        for (const p of petOperation.parameters) {
          const value = serverRead(request, p.name);
          const valid = value === undefined ? !p.required : validator.isValid(p.schema, value);
          expect(valid).toBe(!(reason.location === p.in && reason.name === p.name));
        }
        const body = request.body === undefined ? undefined : JSON.parse(String(request.body));
        const bodyValid = body !== undefined && validator.isValid({ $ref: '#/$defs/Pet' }, body);
        expect(bodyValid).toBe(reason.location !== 'body');
      }),
      // A fixed seed: the keyword tally below must not depend on luck.
      { numRuns: 500, seed: 20 },
    );
    expect(keywords).toEqual(
      new Set([
        'type',
        'minimum',
        'maximum',
        'format',
        'pattern',
        'required',
        'enum',
        'minLength',
        'maxLength',
        'maxItems',
      ]),
    );
  });

  it('negative: a string query parameter with no constraint is never a negative target ("123" is a string)', () => {
    const op = operation({
      parameters: [parameter('q', 'query', { type: 'string' }), parameter('n', 'query', { type: 'integer' })],
    });
    const requests = fc.sample(requestArbitrary(op, 'negative', { defs, isValid }), {
      numRuns: 100,
      seed: 5,
    });
    for (const request of requests) expect(request.reason?.name).toBe('n');
  });

  it('negative: an operation with nothing to invalidate is a generation error', () => {
    const op = operation({ parameters: [parameter('q', 'query', { type: 'string' })] });
    expect(() => requestArbitrary(op, 'negative', { defs, isValid })).toThrow(
      /nothing that can be made invalid/,
    );
  });

  it('reproduces the exact request from (seed, path)', () => {
    const arbitrary = requestArbitrary(petOperation, 'positive', { defs, isValid });
    const property = fc.property(arbitrary, (request) => !request.query.includes('code='));
    const first = fc.check(property, { seed: 42 });
    expect(first.failed).toBe(true);
    const again = fc.check(property, { seed: 42, path: first.counterexamplePath!, endOnFailure: true });
    expect(again.counterexample).toEqual(first.counterexample);
    const other = fc.check(
      fc.property(
        requestArbitrary(petOperation, 'positive', { defs, isValid }),
        (r) => !r.query.includes('code='),
      ),
      {
        seed: 42,
        path: first.counterexamplePath!,
        endOnFailure: true,
      },
    );
    expect(other.counterexample).toEqual(first.counterexample);
  });

  it('negative (formBodyNegatives): a urlencoded field is invalid as the server reads it; multipart fields are left alone', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', maxLength: 5 },
        count: { type: 'integer', minimum: 1 },
        flag: { type: 'boolean' },
      },
    };
    const fieldSchemas = (schema as { properties: Record<string, JsonSchema> }).properties;
    const body = (mediaType: string) =>
      operation({
        method: 'POST',
        requestBody: { required: true, content: { [mediaType]: { mediaType, schema, examples: [] } } },
      });
    const read = (name: string, text: string | null): unknown => {
      if (text === null) return undefined;
      if (name === 'count' && /^-?\d+$/.test(text)) return Number(text);
      if (name === 'flag' && ['true', 'false'].includes(text)) return text === 'true';
      return text;
    };
    fc.assert(
      fc.property(
        requestArbitrary(body('application/x-www-form-urlencoded'), 'negative', {
          defs,
          isValid,
          formBodyNegatives: true,
        }),
        (request) => {
          const reason = request.reason!;
          expect(reason.location).toBe('body');
          if (reason.name === '') {
            expect(request.body).toBeUndefined();
            return;
          }
          const fields = new URLSearchParams(String(request.body ?? ''));
          for (const name of ['name', 'count', 'flag']) {
            const value = read(name, fields.get(name));
            const valid = value === undefined ? name !== 'name' : isValid(fieldSchemas[name]!, value);
            expect(valid).toBe(reason.name !== `/${name}`);
          }
        },
      ),
      { numRuns: 200, seed: 8 },
    );
    const byDefault = fc.sample(
      requestArbitrary(body('application/x-www-form-urlencoded'), 'negative', { defs, isValid }),
      { numRuns: 20, seed: 8 },
    );
    expect(new Set(byDefault.map((r) => r.reason?.message))).toEqual(
      new Set(['body (root): the required body is missing']),
    );
    const multipart = fc.sample(
      requestArbitrary(body('multipart/form-data'), 'negative', { defs, isValid, formBodyNegatives: true }),
      { numRuns: 20, seed: 8 },
    );
    expect(new Set(multipart.map((r) => r.reason?.message))).toEqual(
      new Set(['body (root): the required body is missing']),
    );
  });

  it('negative (formBodyNegatives): an optional form body never loses its last field as the invalid thing, since no field reads as no body', () => {
    const op = operation({
      method: 'POST',
      requestBody: {
        required: false,
        content: {
          'application/x-www-form-urlencoded': {
            mediaType: 'application/x-www-form-urlencoded',
            schema: { type: 'object', required: ['Status'], properties: { Status: { enum: ['completed'] } } },
            examples: [],
          },
        },
      },
    });
    fc.assert(
      fc.property(requestArbitrary(op, 'negative', { defs, isValid, formBodyNegatives: true }), (request) => {
        // Whatever is wrong, a field is there to be wrong: an empty form is a valid request here.
        expect(new URLSearchParams(String(request.body ?? '')).size, request.reason?.message).toBeGreaterThan(
          0,
        );
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('positive: an optional form body without a single field is sent as no body (multipart with an empty file list)', () => {
    const mediaType = 'multipart/form-data';
    const op = operation({
      method: 'POST',
      requestBody: {
        required: false,
        content: {
          [mediaType]: {
            mediaType,
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } },
            },
            examples: [],
          },
        },
      },
    });
    const requests = fc.sample(requestArbitrary(op, 'positive', { defs, isValid }), {
      numRuns: 100,
      seed: 5,
    });
    for (const request of requests) {
      if (request.body === undefined) expect(request.headers['content-type']).toBeUndefined();
      else expect(String(request.body)).toContain('name="file"');
    }
    expect(requests.some((request) => request.body === undefined)).toBe(true);
  });

  it('negative: changes inside nested objects are named by a JSON pointer and make the body invalid', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['owner'],
      properties: {
        owner: {
          type: 'object',
          required: ['email'],
          properties: { email: { type: 'string', format: 'email' }, 'a/b': { type: 'integer', maximum: 3 } },
        },
      },
    };
    const op = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: { 'application/json': { mediaType: 'application/json', schema, examples: [] } },
      },
    });
    const at = (value: unknown, pointer: string): unknown =>
      pointer
        .split('/')
        .slice(1)
        .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'))
        .reduce<unknown>((v, t) => (v as Record<string, unknown> | undefined)?.[t], value);
    const pointers = new Set<string>();
    fc.assert(
      fc.property(requestArbitrary(op, 'negative', { defs, isValid }), (request) => {
        const reason = request.reason!;
        pointers.add(reason.name);
        if (request.body === undefined) return;
        const body = JSON.parse(String(request.body));
        expect(isValid(schema, body)).toBe(false);
        if (reason.name !== '') expect(at(body, reason.name)).toEqual(reason.value);
      }),
      { numRuns: 300, seed: 9 },
    );
    expect(pointers).toEqual(new Set(['', '/owner', '/owner/email', '/owner/a~1b']));
  });

  it('negative: a body broken in one keyword of its root (if/then, dependentSchemas, unevaluatedProperties) is rejected for that keyword', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { enum: ['card', 'cash'] },
        number: { type: 'string' },
        billing: { type: 'string' },
      },
      if: { properties: { kind: { const: 'card' } } },
      // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword `then`
      then: { required: ['number'] },
      dependentSchemas: { number: { required: ['billing'] } },
      unevaluatedProperties: false,
    };
    const op = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: { 'application/json': { mediaType: 'application/json', schema, examples: [] } },
      },
    });
    const keywords = new Set<string>();
    fc.assert(
      fc.property(requestArbitrary(op, 'negative', { defs, isValid }), (request) => {
        const reason = request.reason!;
        if (reason.name !== '' || request.body === undefined || reason.keyword === 'type') return;
        keywords.add(reason.keyword);
        const errors = validator.validate(schema, JSON.parse(String(request.body)));
        const reported = new Set(errors.map((e) => e.schemaPath.split('/')[1]));
        const allowed = reason.keyword === 'if' ? ['if', 'then', 'else'] : [reason.keyword];
        expect(
          [...reported].filter((k) => !allowed.includes(k!)),
          String(request.body),
        ).toEqual([]);
        expect(reported.has(reason.keyword), String(request.body)).toBe(true);
      }),
      { numRuns: 300, seed: 3 },
    );
    expect([...keywords].sort()).toEqual(['dependentSchemas', 'if', 'unevaluatedProperties']);
  });

  it('serialises form-urlencoded and multipart bodies', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name', 'meta'],
      properties: {
        name: { type: 'string', pattern: '^[a-z]{3}$' },
        meta: { type: 'object', required: ['a'], properties: { a: { const: 1 } } },
      },
      additionalProperties: false,
    };
    const form = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: {
          'application/x-www-form-urlencoded': {
            mediaType: 'application/x-www-form-urlencoded',
            schema,
            examples: [],
            encoding: { meta: { style: 'deepObject', explode: true } },
          },
        },
      },
    });
    const [request] = fc.sample(requestArbitrary(form, 'positive', { defs, isValid }), {
      numRuns: 1,
      seed: 1,
    });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(String(request!.body)).toMatch(/^name=[a-z]{3}&meta%5Ba%5D=1$/);
    const multipart = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: { 'multipart/form-data': { mediaType: 'multipart/form-data', schema, examples: [] } },
      },
    });
    const [part] = fc.sample(requestArbitrary(multipart, 'positive', { defs, isValid }), {
      numRuns: 1,
      seed: 1,
    });
    expect(part!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(String(part!.body)).toContain(
      'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":1}',
    );
  });
});
