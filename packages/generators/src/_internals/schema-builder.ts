import { AssayError, type JsonSchema, type JsonSchemaObject, type JsonType } from '@assay/model';
import fc from 'fast-check';
import { approximated } from './approximated.js';
import { arrayArbitrary } from './array-arbitrary.js';
import { BoundedFilterArbitrary, boundedFilter, LazyArbitrary } from './bounded-filter.js';
import { conditionalBranches } from './conditional-branches.js';
import { generationError, unsatisfiable } from './generation-error.js';
import { matchesSchema } from './matches-schema.js';
import { flattenSchema, mergeSchemas, RESIDUE } from './merge-schemas.js';
import { negation } from './negate-schema.js';
import { integerArbitrary, numberArbitrary } from './numeric-arbitraries.js';
import { objectArbitrary } from './object-arbitrary.js';
import { PointedArbitrary } from './pointed-arbitrary.js';
import { resilientOneOf } from './resilient-oneof.js';
import { refKey } from './resolve-ref.js';
import { isControl, stringArbitrary } from './string-arbitrary.js';

/**
 * Which characters free-form strings may use.
 * - `text`: mostly printable ASCII, sometimes any Unicode scalar value (JSON bodies, query, path).
 * - `token`: visible ASCII without separators, for header and cookie values, which cannot carry
 *   whitespace at their ends, control characters or (cookies) `;`, `,`, `"` and `\`.
 */
export type Charset = 'text' | 'token';

/** The settings a builder works with, all defaults applied. */
export interface BuilderSettings {
  maxDepth: number;
  extraItems: number;
  extraLength: number;
  charset: Charset;
  /** Path segments: never empty, never `.` or `..` (URL normalisation would change the route). */
  pathSegment: boolean;
  /**
   * Which side of the exchange values are for: `request` leaves out optional `readOnly` properties,
   * `response` optional `writeOnly` ones (OpenAPI 3.1 §4.8.24, "readOnly/writeOnly"); `any` keeps both.
   */
  view: 'request' | 'response' | 'any';
  oneOfByDiscriminator: boolean;
  /**
   * Whether a value built over the merged reading of a schema is checked against the schema as
   * 2020-12 evaluates it, and drawn again when refused. Always on, but for the laws that measure
   * what construction alone gets right.
   */
  exactCheck: boolean;
}

const TOKEN_CHARS = [..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
const TYPE_COST: Record<JsonType, number> = {
  null: 0,
  boolean: 1,
  integer: 2,
  number: 3,
  string: 4,
  array: 5,
  object: 6,
};

/**
 * Turns schemas into arbitraries for one set of definitions and settings, caching one arbitrary
 * per schema object and depth bucket. Depth counts `$ref`s followed; from `maxDepth` on, a
 * schema is built in its smallest form (required properties only, fewest items), which bounds
 * recursive schemas while keeping their values valid.
 */
export class SchemaBuilder {
  private readonly cache = new WeakMap<object, Map<number, fc.Arbitrary<unknown>>>();
  readonly textUnit: fc.Arbitrary<string>;

  constructor(
    readonly defs: Record<string, JsonSchema>,
    readonly settings: BuilderSettings,
  ) {
    this.textUnit =
      settings.charset === 'token'
        ? fc.constantFrom(...TOKEN_CHARS)
        : fc.oneof(
            { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 9 },
            {
              arbitrary: fc
                .string({ unit: 'binary', minLength: 1, maxLength: 1 })
                .filter((c) => !isControl(c)),
              weight: 1,
            },
          );
  }

  build(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    if (typeof schema === 'boolean') return schema ? this.anyValue(depth) : this.fail('the schema `false`');
    const bucket = Math.min(depth, this.settings.maxDepth);
    let byDepth = this.cache.get(schema);
    if (byDepth === undefined) {
      byDepth = new Map();
      this.cache.set(schema, byDepth);
    }
    const cached = byDepth.get(bucket);
    if (cached !== undefined) return cached;
    const lazy = new LazyArbitrary<unknown>();
    byDepth.set(bucket, lazy);
    try {
      const own = this.buildSchema(schema, bucket);
      const built = schema.$ref === undefined ? own : new PointedArbitrary(own, schema.$ref);
      lazy.target = built;
      byDepth.set(bucket, built);
      return built;
    } catch (error) {
      byDepth.delete(bucket);
      // Name the innermost definition whose schema no value satisfies, for the spec warning.
      if (AssayError.is(error) && error.code === 'generation' && !error.details.pointer && schema.$ref)
        throw new AssayError('generation', error.message, { ...error.details, pointer: schema.$ref });
      throw error;
    }
  }

  private fail(what: string): never {
    unsatisfiable(what);
  }

  private buildSchema(schema: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    const flat = flattenSchema(schema, this.defs);
    if (flat.schema === false) this.fail(schema.$ref ? `schema ${schema.$ref}` : 'the schema');
    const arbitrary = this.buildFlat(flat.schema, depth + flat.refs);
    if (!this.settings.exactCheck || !approximated(schema, this.defs)) return arbitrary;
    // Merging reads unevaluatedProperties/Items over everything the members declare; 2020-12 counts
    // only what the members that passed evaluated (an uncle's properties do not count): the rare
    // value built over the merged reading that the exact reading refuses is drawn again.
    return boundedFilter(
      arbitrary,
      (value) => matchesSchema(schema, value, this.defs),
      'the schema as JSON Schema 2020-12 evaluates it (conditionals, contains, unevaluated keywords)',
    );
  }

  /** Builds a schema whose top level has no `$ref` and no `allOf`. */
  buildFlat(s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    const branches = conditionalBranches(s, this.defs);
    if (branches !== undefined)
      return this.anyBranch(
        branches,
        depth,
        'the conditionals (if/then/else, dependentRequired, dependentSchemas)',
      );
    if (s.not !== undefined) {
      const { not, ...rest } = s;
      const { positive, exact } = negation(not, this.defs);
      const flat = flattenSchema(positive, this.defs).schema;
      if (flat === false) this.fail('`not` of a schema every value matches');
      const arbitrary = this.buildFlat(mergeSchemas(rest, flat), depth);
      if (exact) return arbitrary;
      return boundedFilter(arbitrary, (value) => !matchesSchema(not, value, this.defs), '`not`');
    }
    let arbitrary: fc.Arbitrary<unknown>;
    if (s.oneOf !== undefined || s.anyOf !== undefined) arbitrary = this.alternatives(s, depth);
    else if (s.const !== undefined || s.enum !== undefined) arbitrary = this.enumeration(s);
    else arbitrary = this.typed(s, depth);
    const residue = (s[RESIDUE] as JsonSchema[] | undefined) ?? [];
    if (residue.length === 0) return arbitrary;
    return boundedFilter(
      arbitrary,
      (value) => residue.every((r) => matchesSchema(r, value, this.defs)),
      'constraints that could not be merged (conflicting allOf members)',
    );
  }

  /** Values of any of the branches that can be built; fails only when none can. */
  private anyBranch(branches: JsonSchemaObject[], depth: number, what: string): fc.Arbitrary<unknown> {
    const arbitraries: fc.Arbitrary<unknown>[] = [];
    let lastError: unknown;
    for (const branch of branches) {
      try {
        arbitraries.push(this.buildFlat(branch, depth));
      } catch (error) {
        if (!AssayError.is(error) || error.code !== 'generation') throw error;
        lastError = error;
      }
    }
    if (arbitraries.length === 0) throw lastError ?? generationError(`No value can satisfy ${what}.`);
    return resilientOneOf(arbitraries);
  }

  private enumeration(s: JsonSchemaObject): fc.Arbitrary<unknown> {
    const { enum: members, const: constant, ...rest } = s;
    const candidates = constant !== undefined ? [constant] : (members ?? []);
    const valid = candidates.filter((value) => matchesSchema(rest, value, this.defs));
    if (valid.length === 0)
      this.fail(`enum ${JSON.stringify(candidates).slice(0, 80)} with its sibling keywords`);
    // Spread as arguments, an enum of 100,000 values overflows the stack: large ones pick by index.
    return valid.length <= 1000
      ? fc.constantFrom(...valid)
      : fc.nat({ max: valid.length - 1 }).map((index) => valid[index]);
  }

  private alternatives(s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    const { oneOf, anyOf, discriminator, ...base } = s;
    const exclusive = oneOf !== undefined;
    const branches = oneOf ?? anyOf ?? [];
    if (exclusive && anyOf !== undefined)
      base[RESIDUE] = [...((base[RESIDUE] as JsonSchema[]) ?? []), { anyOf }];
    const arbitraries: fc.Arbitrary<unknown>[] = [];
    let lastError: unknown;
    const bottom = depth >= this.settings.maxDepth;
    // Past the depth bound only one branch is drawn, the cheapest to build, so recursion ends.
    const order = branches.map((branch, index) => ({ branch, index }));
    if (bottom) order.sort((a, b) => this.cost(a.branch, 2) - this.cost(b.branch, 2));
    order.forEach(({ branch, index }) => {
      if (bottom && arbitraries.length > 0) return;
      try {
        const flat = flattenSchema(branch, this.defs);
        if (flat.schema === false) return;
        let merged = mergeSchemas(base, flat.schema);
        if (exclusive) {
          // Exactly one branch: the others' complements join this one where they can be pushed in.
          for (const [j, other] of branches.entries()) {
            if (j === index) continue;
            const { positive } = negation(other, this.defs);
            if (positive === false) return;
            const pushed = flattenSchema(positive, this.defs).schema;
            if (pushed === false) return;
            merged = mergeSchemas(merged, pushed);
          }
        }
        const tag =
          discriminator && typeof branch === 'object'
            ? this.discriminatorValue(discriminator, branch)
            : undefined;
        if (discriminator && tag !== undefined)
          merged = this.withTag(merged, discriminator.propertyName, tag);
        if (Array.isArray(merged.type) && merged.type.length === 0) return;
        let arbitrary = this.buildFlat(merged, depth + flat.refs);
        if (exclusive && branches.length > 1) {
          const others = branches.filter((_, j) => j !== index);
          // JSON Schema wants exactly one branch to match. With a discriminator the tag picks the
          // branch (OpenAPI 3.1 §4.8.25); when asked to read oneOf that way, a tagged value whose
          // branches overlap is kept rather than failing.
          arbitrary = new BoundedFilterArbitrary(
            arbitrary,
            (value) => !others.some((other) => matchesSchema(other, value, this.defs)),
            'exactly one oneOf branch (the branches overlap: every value matches several)',
            50,
            tag !== undefined && this.settings.oneOfByDiscriminator,
          );
        }
        arbitraries.push(arbitrary);
      } catch (error) {
        if (!AssayError.is(error) || error.code !== 'generation') throw error;
        lastError = error;
      }
    });
    if (arbitraries.length === 0) {
      throw lastError ?? generationError('No branch of anyOf/oneOf can be generated.', s);
    }
    return resilientOneOf(arbitraries);
  }

  flagged(schema: JsonSchema, flag: 'readOnly' | 'writeOnly'): boolean {
    if (typeof schema === 'boolean') return false;
    if (schema[flag] === true) return true;
    try {
      const flat = flattenSchema(schema, this.defs).schema;
      return flat !== false && flat[flag] === true;
    } catch {
      return false;
    }
  }

  /** A rough count of the `$ref`s and objects a minimal value of this schema needs: lower is more likely to end. */
  private cost(schema: JsonSchema, budget: number): number {
    if (typeof schema === 'boolean') return 0;
    let flat: JsonSchemaObject | false;
    let refs = 0;
    try {
      const result = flattenSchema(schema, this.defs);
      flat = result.schema;
      refs = result.refs;
    } catch {
      return 100;
    }
    if (flat === false) return 100;
    if (flat.const !== undefined || flat.enum !== undefined) return refs;
    const types = this.declaredTypes(flat);
    if (types.some((type) => TYPE_COST[type] < 5)) return refs;
    if (budget === 0) return refs + 10;
    let total = refs + 1;
    for (const name of flat.required ?? []) {
      const property = flat.properties?.[name];
      if (property !== undefined) total += this.cost(property, budget - 1);
    }
    if (types.includes('array') && (flat.minItems ?? 0) > 0 && flat.items !== undefined)
      total += this.cost(flat.items, budget - 1);
    return total;
  }

  private discriminatorValue(
    discriminator: { propertyName: string; mapping?: Record<string, string> },
    branch: JsonSchemaObject,
  ): string | undefined {
    if (branch.$ref === undefined) return undefined;
    const name = refKey(branch.$ref);
    for (const [value, target] of Object.entries(discriminator.mapping ?? {})) {
      if (target === branch.$ref || refKey(target) === name) return value;
    }
    return name;
  }

  private withTag(s: JsonSchemaObject, property: string, tag: string): JsonSchemaObject {
    const existing = s.properties?.[property];
    // Keep the branch's own schema for the tag when the mapped value would break it.
    if (existing !== undefined && !matchesSchema(existing, tag, this.defs)) return s;
    return {
      ...s,
      properties: { ...s.properties, [property]: { const: tag } },
      required: [...new Set([...(s.required ?? []), property])],
    };
  }

  private declaredTypes(s: JsonSchemaObject): JsonType[] {
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? [...s.type] : [s.type];
      if (s.nullable === true && !types.includes('null')) types.push('null');
      return types;
    }
    const has = (...keywords: string[]) => keywords.some((keyword) => s[keyword] !== undefined);
    const inferred: JsonType[] = [];
    if (
      has(
        'properties',
        'required',
        'additionalProperties',
        'patternProperties',
        'minProperties',
        'maxProperties',
      )
    )
      inferred.push('object');
    if (has('items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems')) inferred.push('array');
    if (has('minLength', 'maxLength', 'pattern')) inferred.push('string');
    if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'))
      inferred.push('number');
    if (inferred.length === 0 && s.format !== undefined) inferred.push('string');
    if (inferred.length === 0) return ['string', 'integer', 'boolean', 'null', 'object', 'array'];
    if (s.nullable === true) inferred.push('null');
    return inferred;
  }

  private typed(s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    const arbitraries: fc.Arbitrary<unknown>[] = [];
    let lastError: unknown;
    let types = this.declaredTypes(s);
    if (types.length === 0) this.fail('a schema whose allowed types do not intersect');
    // Past the depth bound only the simplest type is drawn, so recursion through `[object, null]` ends.
    if (depth >= this.settings.maxDepth && types.length > 1)
      types = [[...types].sort((a, b) => TYPE_COST[a] - TYPE_COST[b])[0]!];
    for (const type of types) {
      if (type === 'number' && types.includes('integer')) continue;
      try {
        arbitraries.push(this.ofType(type, s, depth));
      } catch (error) {
        if (!AssayError.is(error) || error.code !== 'generation') throw error;
        lastError = error;
      }
    }
    if (arbitraries.length === 0) throw lastError;
    return resilientOneOf(arbitraries);
  }

  private ofType(type: JsonType, s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integerArbitrary(s);
      case 'number':
        return numberArbitrary(s);
      case 'string':
        return stringArbitrary(this, s);
      case 'array':
        return arrayArbitrary(this, s, depth);
      case 'object':
        return objectArbitrary(this, s, depth);
    }
  }

  private anyValue(depth: number): fc.Arbitrary<unknown> {
    return this.typed({}, depth);
  }
}
