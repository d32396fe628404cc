import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { resolveSchema } from './resolve-schema.js';

const defs: Record<string, JsonSchema> = {
  Flag: { type: 'boolean' },
  Name: { type: 'string', maxLength: 3 },
};

describe('resolveSchema', () => {
  it('sees through an allOf that adds only annotations to one reference (AWS: allOf [$ref, {description}])', () => {
    expect(resolveSchema({ allOf: [{ $ref: '#/$defs/Flag' }, { description: 'Whether…' }] }, defs)).toEqual({
      type: 'boolean',
    });
    expect(resolveSchema({ allOf: [{ title: 't', 'x-note': 1 }, { $ref: '#/$defs/Name' }] }, defs)).toEqual(
      defs.Name,
    );
    expect(resolveSchema({ allOf: [{ $ref: '#/$defs/Flag' }] }, defs)).toEqual({ type: 'boolean' });
  });

  it('keeps an allOf of two constraining branches whole', () => {
    const both: JsonSchema = { allOf: [{ $ref: '#/$defs/Name' }, { minLength: 2 }] };
    expect(resolveSchema(both, defs)).toBe(both);
  });
});
