import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { operation, parameter } from '../_test/operation.js';
import { coverageRequests } from './coverage-requests.js';
import { exampleRequests } from './example-requests.js';

const defs: Record<string, JsonSchema> = {};
const { isValid } = createSchemaValidator(defs);

const listOperation = operation({
  id: 'listThings',
  parameters: [
    parameter('page_size', 'query', { type: 'integer', minimum: 1, maximum: 100 }),
    parameter('status', 'query', { type: 'string', enum: ['open', 'closed'] }),
    parameter(
      'name',
      'query',
      { type: 'string', maxLength: 8 },
      { examples: ['widget', 'far-too-long-name'] },
    ),
    parameter('X-Trace', 'header', { type: 'string' }),
    parameter(
      'id',
      'query',
      { type: 'string', format: 'uuid' },
      { required: true, examples: ['0b9c8f5e-3f5c-4b8e-9a53-1c1f0c2f7a10'] },
    ),
  ],
});

describe('coverageRequests', () => {
  const requests = coverageRequests(listOperation, { defs, isValid });
  const queries = requests.map((r) => `${r.mode} ${r.query}`);

  it('is deterministic', () => {
    expect(coverageRequests(listOperation, { defs, isValid })).toEqual(requests);
  });

  it('has each enum value, each bound, and each optional parameter absent and present', () => {
    const id = 'id=0b9c8f5e-3f5c-4b8e-9a53-1c1f0c2f7a10';
    expect(queries).toContain(`coverage ${id}`);
    expect(queries).toContain(`coverage page_size=1&${id}`);
    expect(queries).toContain(`coverage page_size=100&${id}`);
    expect(queries).toContain(`coverage status=open&${id}`);
    expect(queries).toContain(`coverage status=closed&${id}`);
    expect(queries).toContain(`coverage name=&${id}`);
    expect(queries).toContain(`coverage name=aaaaaaaa&${id}`);
    expect(queries).toContain(`coverage name=widget&${id}`);
    expect(requests.some((r) => r.mode === 'coverage' && r.headers['x-trace'] === 'a'.repeat(1000))).toBe(
      true,
    );
  });

  it('marks just-beyond-bounds cases negative with a reason', () => {
    const negatives = requests.filter((r) => r.mode === 'negative');
    expect(
      negatives.map((r) => `${r.reason!.name} ${r.reason!.keyword} ${String(r.reason!.value)}`).sort(),
    ).toEqual(['name maxLength aaaaaaaaa', 'page_size maximum 101', 'page_size minimum 0']);
  });

  it('drops cases the header cannot carry (unicode in a header)', () => {
    expect(requests.some((r) => (r.headers['x-trace'] ?? '').includes('ü'))).toBe(false);
    expect(queries.some((q) => q.includes('name=Zo%C3%AB'))).toBe(false); // longer than maxLength 8
  });
});

describe('coverageRequests for path parameters', () => {
  it('never sends an empty path segment, which would change the route', () => {
    const op = operation({
      path: '/things/{id}/',
      parameters: [parameter('id', 'path', { type: 'string' })],
    });
    const paths = coverageRequests(op, { defs, isValid }).map((r) => r.path);
    expect(paths).toContain(`/things/${'a'.repeat(1000)}/`);
    expect(paths).not.toContain('/things//');
    // Not as a negative case either: below minLength 1 is an empty segment, another route entirely.
    const short = operation({
      path: '/things/{id}/',
      parameters: [parameter('id', 'path', { type: 'string', minLength: 1 })],
    });
    expect(coverageRequests(short, { defs, isValid }).map((r) => r.path)).not.toContain('/things//');
  });
});

describe('exampleRequests', () => {
  it('builds requests from valid examples only', () => {
    const requests = exampleRequests(listOperation, { defs, isValid });
    expect(requests.map((r) => r.query)).toEqual(['name=widget&id=0b9c8f5e-3f5c-4b8e-9a53-1c1f0c2f7a10']);
    expect(requests[0]!.mode).toBe('example');
  });

  it('uses body examples', () => {
    const op = operation({
      method: 'POST',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            mediaType: 'application/json',
            schema: { type: 'object', required: ['a'] },
            examples: [{ a: 1 }, { b: 2 }, { a: 3 }],
          },
        },
      },
    });
    expect(exampleRequests(op, { defs, isValid }).map((r) => r.body)).toEqual(['{"a":1}', '{"a":3}']);
  });

  it('is empty without examples', () => {
    expect(
      exampleRequests(operation({ parameters: [parameter('q', 'query', { type: 'integer' })] }), {
        defs,
        isValid,
      }),
    ).toEqual([]);
  });
});
