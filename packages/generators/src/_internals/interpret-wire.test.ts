import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { interpretText, interpretWire, textCandidates } from './interpret-wire.js';
import { matchesSchema } from './matches-schema.js';

const defs: Record<string, JsonSchema> = { Id: { type: 'integer', minimum: 1 } };
const valid = (schema: JsonSchema, value: unknown) => matchesSchema(schema, value, defs);

describe('reading wire text as a server coercing per schema type', () => {
  it('reads "123" as a string for a string schema: a query string has no types', () => {
    expect(interpretText('123', { type: 'string' }, defs, valid)).toBe('123');
    expect(valid({ type: 'string' }, interpretText('123', { type: 'string' }, defs, valid))).toBe(true);
  });

  it('reads numbers through $ref and keeps unreadable text as text', () => {
    expect(interpretText('42', { $ref: '#/$defs/Id' }, defs, valid)).toBe(42);
    expect(interpretText('4x', { $ref: '#/$defs/Id' }, defs, valid)).toBe('4x');
  });

  it('tries every reading a lenient server might use, choosing a valid one', () => {
    expect(textCandidates('1', { type: 'boolean' }, defs)).toEqual([true, '1']);
    expect(interpretText('', { type: ['integer', 'null'] }, defs, valid)).toBeNull();
    expect(
      interpretText('7', { anyOf: [{ type: 'string', maxLength: 0 }, { type: 'integer' }] }, defs, valid),
    ).toBe(7);
  });

  it('reads list items and object properties by their own schemas', () => {
    const list: JsonSchema = { type: 'array', items: { type: 'integer' } };
    expect(interpretWire(['1', '2'], 'array', list, defs, valid)).toEqual([1, 2]);
    const object: JsonSchema = {
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'boolean' } },
    };
    expect(interpretWire({ a: '1', b: 'true', c: 'x' }, 'object', object, defs, valid)).toEqual({
      a: 1,
      b: true,
      c: 'x',
    });
  });

  it('reads content-typed parameters as JSON', () => {
    expect(
      interpretWire('{"a":1}', 'primitive', { type: 'object' }, defs, valid, 'application/json'),
    ).toEqual({ a: 1 });
  });
});
