import { AssayError, type JsonSchema, type JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './generation-error.js';
import { canonicalJson } from './json-equal.js';
import { negateSchema } from './negate-schema.js';
import type { SchemaBuilder } from './schema-builder.js';
import { type Keywords, keywords } from './schema-keywords.js';

// Unconstrained items are kept scalar: an open schema is not a licence to build deep trees.
const SCALAR: JsonSchemaObject = { type: ['string', 'integer', 'boolean', 'null'] };

function unique(arbitrary: fc.Arbitrary<unknown[]>, s: Keywords): fc.Arbitrary<unknown[]> {
  if (s.uniqueItems !== true) return arbitrary;
  return boundedFilter(
    arbitrary,
    (value) => new Set(value.map(canonicalJson)).size === value.length,
    'uniqueItems',
  );
}

/** Arrays of the schema: prefixItems, items, contains, length bounds and uniqueness. */
export function arrayArbitrary(
  builder: SchemaBuilder,
  schema: JsonSchemaObject,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const s = keywords(schema);
  const bottom = depth >= builder.settings.maxDepth;
  const minItems = s.minItems ?? 0;
  let hardMax = s.maxItems ?? Number.POSITIVE_INFINITY;
  let prefix = s.prefixItems ?? [];
  // A `false` prefix item allows no item in its place: the array ends before it.
  const closedAt = prefix.indexOf(false);
  if (closedAt !== -1) {
    prefix = prefix.slice(0, closedAt);
    hardMax = Math.min(hardMax, closedAt);
  }
  if (minItems > hardMax) unsatisfiable(`an array of ${minItems} to ${hardMax} items`);
  // Past prefixItems, items are what `items` allows, else what `unevaluatedItems` allows.
  const tail = s.items ?? s.unevaluatedItems;
  const itemSchema = tail === undefined || tail === true ? SCALAR : tail;
  const counting = s.contains !== undefined && !(s.minContains === 0 && s.maxContains === undefined);
  if (counting && prefix.length === 0)
    return unique(containsArray(builder, s, itemSchema, minItems, hardMax, depth), s);
  const prefixArbitraries = prefix.map((item) => builder.build(item, depth));
  const restAllowed = itemSchema !== false && closedAt === -1;
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
  return unique(tuple, s);
}

/**
 * Arrays that hold between minContains and maxContains items matching `contains` (2020-12
 * §10.3.1.3, §6.4.4-5): that many matching items are built, the others are built not to match
 * when the count has an upper bound, and the two are interleaved.
 */
function containsArray(
  builder: SchemaBuilder,
  s: Keywords,
  itemSchema: JsonSchema,
  minItems: number,
  hardMax: number,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const contains = s.contains!;
  const least = s.minContains ?? 1;
  const most = Math.min(s.maxContains ?? Number.POSITIVE_INFINITY, hardMax);
  if (least > most) unsatisfiable(`${least} to ${most} items matching contains`);
  const extra = depth >= builder.settings.maxDepth ? 0 : 2;
  // Items that contains matches are evaluated by it: unevaluatedItems does not apply to them.
  const matching = builder.build(s.items === undefined ? contains : { allOf: [s.items, contains] }, depth);
  let others: fc.Arbitrary<unknown> | undefined;
  try {
    const bounded = s.maxContains !== undefined;
    others = builder.build(
      bounded ? { allOf: [itemSchema, negateSchema(contains, builder.defs)] } : itemSchema,
      depth,
    );
  } catch (error) {
    if (!AssayError.is(error) || error.code !== 'generation') throw error;
  }
  // Without other items, the matching ones alone reach minItems.
  const hitMin = others === undefined ? Math.max(least, minItems) : least;
  if (hitMin > most) unsatisfiable(`${minItems} items that all match contains`);
  const high = Math.max(hitMin, Math.min(most, Math.max(hitMin, minItems) + extra));
  const otherMin = Math.max(0, minItems - hitMin);
  const otherMax =
    others === undefined ? 0 : Math.max(otherMin, Math.min(hardMax - hitMin, otherMin + extra));
  return fc
    .tuple(
      fc.array(matching, { minLength: hitMin, maxLength: high }),
      others === undefined ? fc.constant([]) : fc.array(others, { minLength: otherMin, maxLength: otherMax }),
      fc.nat(),
    )
    .map(([hits, rest, seed]) => {
      const out = rest.slice(0, Math.max(0, hardMax - hits.length));
      hits.forEach((hit, i) => {
        out.splice((seed + i * 7919) % (out.length + 1), 0, hit);
      });
      return out;
    });
}
