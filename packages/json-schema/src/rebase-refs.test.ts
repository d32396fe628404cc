import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { API_ROOT_ID, rebaseRefs } from './rebase-refs.js';
import { schemaKeywords } from './schema-keywords.js';

const ref = { $ref: '#/$defs/Thing' };
const rebased = { $ref: `${API_ROOT_ID}#/$defs/Thing` };

describe('rebaseRefs', () => {
  it('rewrites a local $ref in every schema position of the keyword tables', () => {
    for (const keyword of [...schemaKeywords.single, ...schemaKeywords.legacySingle]) {
      expect(rebaseRefs({ [keyword]: ref } as JsonSchema)).toEqual({ [keyword]: rebased });
    }
    for (const keyword of schemaKeywords.list) {
      expect(rebaseRefs({ [keyword]: [ref, true] } as JsonSchema)).toEqual({ [keyword]: [rebased, true] });
    }
    for (const keyword of [...schemaKeywords.map, ...schemaKeywords.definitions]) {
      expect(rebaseRefs({ [keyword]: { a: ref } } as JsonSchema)).toEqual({ [keyword]: { a: rebased } });
    }
    // A draft-04..07 tuple under `items`.
    expect(rebaseRefs({ items: [ref] } as unknown as JsonSchema)).toEqual({ items: [rebased] });
  });

  it('leaves data alone: a $ref inside enum, const, examples or default is a value', () => {
    const schema = {
      enum: [ref],
      const: ref,
      examples: [ref],
      default: ref,
      properties: { a: { type: 'string' } },
    };
    expect(rebaseRefs(schema as JsonSchema)).toBe(schema);
  });

  it('returns the very input when nothing needs rewriting, and never touches remote refs', () => {
    const schema = { properties: { a: { $ref: 'other.json#/x' } }, items: { type: 'integer' } };
    expect(rebaseRefs(schema as JsonSchema)).toBe(schema);
  });
});
