import type { JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './generation-error.js';
import { canonicalJson } from './json-equal.js';
import type { SchemaBuilder } from './schema-builder.js';

// Unconstrained items are kept scalar: an open schema is not a licence to build deep trees.
const SCALAR: JsonSchemaObject = { type: ['string', 'integer', 'boolean', 'null'] };

/** Arrays of the schema: prefixItems, items, length bounds and uniqueness. */
export function arrayArbitrary(
  builder: SchemaBuilder,
  s: JsonSchemaObject,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const bottom = depth >= builder.settings.maxDepth;
  const minItems = s.minItems ?? 0;
  const hardMax = s.maxItems ?? Number.POSITIVE_INFINITY;
  if (minItems > hardMax) unsatisfiable(`an array of ${minItems} to ${hardMax} items`);
  const prefix = s.prefixItems ?? [];
  // Unconstrained items are kept scalar: an open schema is not a licence to build deep trees.
  const itemSchema = s.items === undefined || s.items === true ? SCALAR : s.items;
  const prefixArbitraries = prefix.map((item) => builder.build(item, depth));
  const restAllowed = itemSchema !== false;
  const restMin = Math.max(0, minItems - prefix.length);
  const restMax = restAllowed
    ? Math.max(
        restMin,
        Math.min(hardMax - prefix.length, restMin + (bottom ? 0 : builder.settings.extraItems)),
      )
    : 0;
  if (!restAllowed && minItems > prefix.length)
    unsatisfiable(`${minItems} items with only ${prefix.length} allowed`);
  const item = restAllowed && restMax > 0 ? builder.build(itemSchema, depth) : fc.constant(null);
  const rest =
    restMax === 0
      ? fc.constant([] as unknown[])
      : s.uniqueItems === true
        ? fc.uniqueArray(item, { minLength: restMin, maxLength: restMax, selector: canonicalJson })
        : fc.array(item, { minLength: restMin, maxLength: restMax });
  if (prefix.length === 0) return rest;
  const maxPrefix = Math.min(prefix.length, hardMax);
  const tuple = fc
    .tuple(
      fc.integer({ min: Math.min(minItems, maxPrefix), max: maxPrefix }),
      fc.tuple(...prefixArbitraries),
      rest,
    )
    .map(([count, head, tail]) => (count < prefix.length ? head.slice(0, count) : [...head, ...tail]));
  if (s.uniqueItems !== true) return tuple;
  return boundedFilter(
    tuple,
    (value) => new Set(value.map(canonicalJson)).size === value.length,
    'uniqueItems',
  );
}
