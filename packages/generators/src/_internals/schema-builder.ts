import { AssayError, type JsonSchema, type JsonSchemaObject, type JsonType } from '@assay/model';
import fc from 'fast-check';
import { BoundedFilterArbitrary, boundedFilter, LazyArbitrary } from './bounded-filter.js';
import { formatArbitrary } from './format-arbitraries.js';
import { checkStringFormat } from './format-checks.js';
import { canonicalJson } from './json-equal.js';
import { isMultipleOf, matchesSchema } from './matches-schema.js';
import { flattenSchema, mergeSchemas, RESIDUE } from './merge-schemas.js';
import { compilePattern } from './patterns.js';
import { refKey } from './resolve-ref.js';

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
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const SAFE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
const TOKEN_CHARS = [..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
// Control characters (NUL above all) are valid JSON string content that databases and frameworks
// refuse (PostgreSQL text, Django's null-character validator): positive values leave them out.
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
// With control characters gone, what Python's and Ruby's strip() remove is what \s matches.
const EDGE_SPACE = /^\s|\s$/u;
const TYPE_COST: Record<JsonType, number> = {
  null: 0,
  boolean: 1,
  integer: 2,
  number: 3,
  string: 4,
  array: 5,
  object: 6,
};
const SCALAR: JsonSchemaObject = { type: ['string', 'integer', 'boolean', 'null'] };
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]*$/;

function generationError(message: string, schema?: JsonSchemaObject): AssayError {
  return new AssayError('generation', message, {
    pointer: typeof schema?.$ref === 'string' ? schema.$ref : '',
    hint: 'Check the schema for contradictory constraints, or exclude the operation.',
  });
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/**
 * Turns schemas into arbitraries for one set of definitions and settings, caching one arbitrary
 * per schema object and depth bucket. Depth counts `$ref`s followed; from `maxDepth` on, a
 * schema is built in its smallest form (required properties only, fewest items), which bounds
 * recursive schemas while keeping their values valid.
 */
export class SchemaBuilder {
  private readonly cache = new WeakMap<object, Map<number, fc.Arbitrary<unknown>>>();
  private readonly textUnit: fc.Arbitrary<string>;

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
      const built = this.buildSchema(schema, bucket);
      lazy.target = built;
      byDepth.set(bucket, built);
      return built;
    } catch (error) {
      byDepth.delete(bucket);
      throw error;
    }
  }

  private fail(what: string): never {
    throw generationError(`No value can satisfy ${what}.`);
  }

  private buildSchema(schema: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    const flat = flattenSchema(schema, this.defs);
    if (flat.schema === false) this.fail(schema.$ref ? `schema ${schema.$ref}` : 'the schema');
    return this.buildFlat(flat.schema, depth + flat.refs);
  }

  /** Builds a schema whose top level has no `$ref` and no `allOf`. */
  buildFlat(s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    let arbitrary: fc.Arbitrary<unknown>;
    if (s.oneOf !== undefined || s.anyOf !== undefined) arbitrary = this.alternatives(s, depth);
    else if (s.const !== undefined || s.enum !== undefined) arbitrary = this.enumeration(s);
    else arbitrary = this.typed(s, depth);
    const residue = (s[RESIDUE] as JsonSchema[] | undefined) ?? [];
    const not = s.not;
    if (residue.length === 0 && not === undefined) return arbitrary;
    return boundedFilter(
      arbitrary,
      (value) =>
        residue.every((r) => matchesSchema(r, value, this.defs)) &&
        (not === undefined || !matchesSchema(not, value, this.defs)),
      'constraints that could not be merged (`not` or conflicting allOf members)',
    );
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
    return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
  }

  private flagged(schema: JsonSchema, flag: 'readOnly' | 'writeOnly'): boolean {
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
    return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
  }

  private ofType(type: JsonType, s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return this.integer(s);
      case 'number':
        return this.number(s);
      case 'string':
        return this.string(s);
      case 'array':
        return this.array(s, depth);
      case 'object':
        return this.object(s, depth);
    }
  }

  private anyValue(depth: number): fc.Arbitrary<unknown> {
    return this.typed({}, depth);
  }

  private integer(s: JsonSchemaObject): fc.Arbitrary<number> {
    const range = s.format === 'int32' ? INT32 : SAFE;
    let min = range.min;
    let max = range.max;
    if (s.minimum !== undefined) min = Math.max(min, Math.ceil(s.minimum));
    if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(s.exclusiveMinimum) + 1);
    if (s.maximum !== undefined) max = Math.min(max, Math.floor(s.maximum));
    if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(s.exclusiveMaximum) - 1);
    const step = s.multipleOf;
    if (step !== undefined && step > 0) {
      if (Number.isInteger(step)) {
        const low = Math.ceil(min / step);
        const high = Math.floor(max / step);
        if (low > high) this.fail(`an integer multiple of ${step} in [${min}, ${max}]`);
        return fc.integer({ min: low, max: high }).map((k) => k * step);
      }
      return boundedFilter(
        this.integerRange(min, max),
        (value) => isMultipleOf(value, step),
        `multipleOf ${step}`,
      );
    }
    return this.integerRange(min, max);
  }

  private integerRange(min: number, max: number): fc.Arbitrary<number> {
    if (min > max) this.fail(`an integer in [${min}, ${max}]`);
    return fc.integer({ min, max });
  }

  private number(s: JsonSchemaObject): fc.Arbitrary<number> {
    // An integer format on a number (int32, int64) admits integers only, as the validator reads it.
    if (s.format === 'int32' || s.format === 'int64') return this.integer(s);
    const step = s.multipleOf;
    const lowInclusive = s.minimum;
    const lowExclusive = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
    const highInclusive = s.maximum;
    const highExclusive = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
    const inRange = (value: number) =>
      (lowInclusive === undefined || value >= lowInclusive) &&
      (lowExclusive === undefined || value > lowExclusive) &&
      (highInclusive === undefined || value <= highInclusive) &&
      (highExclusive === undefined || value < highExclusive);
    if (step !== undefined && step > 0) {
      const low = Math.ceil(Math.max(lowInclusive ?? -1e9, lowExclusive ?? -1e9) / step);
      const high = Math.floor(Math.min(highInclusive ?? 1e9, highExclusive ?? 1e9) / step);
      if (low > high) this.fail(`a multiple of ${step} in range`);
      const multiples = fc
        .integer({ min: Math.max(low, -(2 ** 31)), max: Math.min(high, 2 ** 31 - 1) })
        .map((k) => {
          const raw = k * step;
          // k * step can miss by an ulp (0.1 * 3); the shortest decimal form usually divides exactly.
          return isMultipleOf(raw, step) ? raw : Number(raw.toPrecision(12));
        });
      return boundedFilter(
        multiples,
        (value) => inRange(value) && isMultipleOf(value, step),
        `multipleOf ${step}`,
      );
    }
    const low = Math.max(lowInclusive ?? -Number.MAX_VALUE, lowExclusive ?? -Number.MAX_VALUE);
    const high = Math.min(highInclusive ?? Number.MAX_VALUE, highExclusive ?? Number.MAX_VALUE);
    if (low > high) this.fail(`a number in [${low}, ${high}]`);
    const doubles = fc.double({
      min: low,
      max: high,
      minExcluded: lowExclusive !== undefined && lowExclusive >= (lowInclusive ?? -Infinity),
      maxExcluded: highExclusive !== undefined && highExclusive <= (highInclusive ?? Infinity),
      noNaN: true,
      noDefaultInfinity: true,
    });
    return doubles.map((value) => (Object.is(value, -0) ? 0 : value));
  }

  private string(s: JsonSchemaObject): fc.Arbitrary<string> {
    const minLength = Math.max(s.minLength ?? 0, this.settings.pathSegment ? 1 : 0);
    const maxLength = Math.min(
      s.maxLength ?? Number.POSITIVE_INFINITY,
      minLength + this.settings.extraLength,
    );
    const hardMax = s.maxLength ?? Number.POSITIVE_INFINITY;
    if (minLength > hardMax) this.fail(`a string of length ${minLength} to ${hardMax}`);
    const format = s.format === undefined ? undefined : formatArbitrary(s.format);
    let base: fc.Arbitrary<string>;
    let needsLength = false;
    let needsCharset = false;
    if (s.pattern !== undefined) {
      const regex = compilePattern(s.pattern);
      // The validator treats a pattern no engine compiles as matching anything; so does generation.
      if (regex === undefined) return this.string({ ...s, pattern: undefined });
      if (format !== undefined) {
        // With both a format and a pattern, draw from whichever side usually satisfies the other.
        const formatName = s.format!;
        // Upper case is tried too: patterns often spell hex digits as [0-9A-F].
        for (const candidate of [format, format.map((value) => value.toUpperCase())]) {
          const hits = fc
            .sample(candidate, { numRuns: 20, seed: 1 })
            .filter((value) => regex.test(value)).length;
          if (hits >= 5) {
            base = boundedFilter(
              candidate,
              (value) => regex.test(value) && checkStringFormat(formatName, value) !== false,
              `pattern ${s.pattern} on format ${formatName}`,
            );
            return this.finishString(base, s, minLength, hardMax, true, this.settings.charset === 'token');
          }
        }
      }
      try {
        base = fc.stringMatching(
          regex.regExp!,
          hardMax === Infinity ? {} : { maxLength: Math.max(hardMax, 1) },
        );
      } catch (error) {
        throw new AssayError(
          'generation',
          `Pattern ${s.pattern} uses regular-expression features Assay cannot generate from (${(error as Error).message}).`,
          {
            hint: 'Add an example value to the spec, or exclude the operation.',
          },
        );
      }
      // fast-check draws from the ECMAScript reading; a pattern the validator runs on RE2 keeps only
      // the draws RE2 accepts too, so generation and validation never disagree.
      if (regex.engine === 're2')
        base = boundedFilter(base, (value) => regex.test(value), `pattern ${s.pattern} as RE2 reads it`);
      // Prefer, without insisting, text a server takes as it is: no control characters, no edge spaces.
      base = new BoundedFilterArbitrary(
        base,
        (value) => !EDGE_SPACE.test(value) && ![...value].some(isControl),
        'plain text',
        20,
        true,
      );
      needsLength = true;
      needsCharset = this.settings.charset === 'token';
      if (format !== undefined) {
        const formatName = s.format!;
        base = boundedFilter(
          base,
          (value) => checkStringFormat(formatName, value) !== false,
          `format ${formatName} and pattern ${s.pattern}`,
        );
      }
    } else if (format !== undefined) {
      base = format;
      needsLength = s.minLength !== undefined || s.maxLength !== undefined || this.settings.pathSegment;
    } else {
      // Free text never starts or ends with whitespace: servers commonly trim it (Django REST
      // framework, Rails) and then reject " " as blank or "a " as too short, although the schema allows them.
      base = fc.string({ unit: this.textUnit, minLength, maxLength });
      if (this.settings.charset === 'text') {
        base = boundedFilter(
          base,
          (value) => !EDGE_SPACE.test(value),
          'a string without leading or trailing whitespace',
        );
      }
    }
    return this.finishString(base, s, minLength, hardMax, needsLength, needsCharset);
  }

  private finishString(
    base: fc.Arbitrary<string>,
    s: JsonSchemaObject,
    minLength: number,
    hardMax: number,
    needsLength: boolean,
    needsCharset: boolean,
  ): fc.Arbitrary<string> {
    const tokenOk = (value: string) => !needsCharset || TOKEN.test(value);
    const lengthOk = (value: string) => {
      if (!needsLength) return true;
      const length = codePointLength(value);
      return length >= minLength && length <= hardMax;
    };
    const segmentOk = (value: string) => !this.settings.pathSegment || (value !== '.' && value !== '..');
    if (!needsLength && !needsCharset && !this.settings.pathSegment) return base;
    return boundedFilter(
      base,
      (value) => lengthOk(value) && tokenOk(value) && segmentOk(value),
      `string constraints of ${JSON.stringify(s).slice(0, 120)}`,
    );
  }

  private array(s: JsonSchemaObject, depth: number): fc.Arbitrary<unknown[]> {
    const bottom = depth >= this.settings.maxDepth;
    const minItems = s.minItems ?? 0;
    const hardMax = s.maxItems ?? Number.POSITIVE_INFINITY;
    if (minItems > hardMax) this.fail(`an array of ${minItems} to ${hardMax} items`);
    const prefix = s.prefixItems ?? [];
    // Unconstrained items are kept scalar: an open schema is not a licence to build deep trees.
    const itemSchema = s.items === undefined || s.items === true ? SCALAR : s.items;
    const prefixArbitraries = prefix.map((item) => this.build(item, depth));
    const restAllowed = itemSchema !== false;
    const restMin = Math.max(0, minItems - prefix.length);
    const restMax = restAllowed
      ? Math.max(
          restMin,
          Math.min(hardMax - prefix.length, restMin + (bottom ? 0 : this.settings.extraItems)),
        )
      : 0;
    if (!restAllowed && minItems > prefix.length)
      this.fail(`${minItems} items with only ${prefix.length} allowed`);
    const item = restAllowed && restMax > 0 ? this.build(itemSchema, depth) : fc.constant(null);
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

  private object(s: JsonSchemaObject, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const bottom = depth >= this.settings.maxDepth;
    const properties = s.properties ?? {};
    const names = Object.keys(properties);
    const required = new Set(s.required ?? []);
    const minProperties = s.minProperties ?? 0;
    const maxProperties = s.maxProperties ?? Number.POSITIVE_INFINITY;
    // Reach minProperties by construction: promote optional properties to required, in order.
    for (const name of names) {
      if (required.size >= minProperties) break;
      required.add(name);
    }
    const hidden =
      this.settings.view === 'request'
        ? 'readOnly'
        : this.settings.view === 'response'
          ? 'writeOnly'
          : undefined;
    const included = names.filter(
      (name) => required.has(name) || (!bottom && !(hidden && this.flagged(properties[name]!, hidden))),
    );
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of included) {
      try {
        model[name] = this.build(properties[name]!, depth);
      } catch (error) {
        // An optional property nothing satisfies is simply never sent.
        if (required.has(name) || !AssayError.is(error) || error.code !== 'generation') throw error;
      }
    }
    // unevaluatedProperties: false after merging reads as a closed object: only declared properties.
    const additional = s.additionalProperties ?? (s.unevaluatedProperties === false ? false : undefined);
    const patternEntries = Object.entries(s.patternProperties ?? {});
    // A required name without a property schema takes its schema from patternProperties or additionalProperties.
    for (const name of required) {
      if (Object.hasOwn(model, name)) continue;
      const pattern = patternEntries.find(([p]) => compilePattern(p)?.test(name));
      const schema = pattern ? pattern[1] : additional === undefined ? true : additional;
      if (schema === false) this.fail(`required property ${name}, which additionalProperties forbids`);
      model[name] = this.build(schema, depth);
    }
    const requiredKeys = [...required].filter((name) => Object.hasOwn(model, name));
    const record = fc.record(model, { requiredKeys, noNullPrototype: true });
    const extras: fc.Arbitrary<Record<string, unknown>>[] = [];
    // Names of Object.prototype members (`valueOf`, `__proto__` …) are valid JSON keys, but they
    // crash deep-equality helpers in validators and servers alike: they find no bug worth the noise.
    const taken = (key: string) =>
      Object.hasOwn(properties, key) || required.has(key) || key in Object.prototype;
    const missing = Math.max(0, minProperties - required.size);
    const extraMax = bottom ? missing : Math.max(missing, 2);
    for (const [pattern, schema] of patternEntries) {
      const regex = compilePattern(pattern);
      if (regex === undefined || extraMax === 0) continue;
      let keys: fc.Arbitrary<string>;
      try {
        keys = fc.stringMatching(regex.regExp!, { maxLength: 24 });
      } catch {
        continue;
      }
      const others = patternEntries.filter(([p]) => p !== pattern).map(([p]) => compilePattern(p));
      const key = boundedFilter(
        keys,
        // regex.test: a name drawn from the ECMAScript reading must match as the validator's engine reads it.
        (k) => !taken(k) && regex.test(k) && !others.some((o) => o?.test(k)),
        `a property name matching ${pattern}`,
      );
      extras.push(
        fc.dictionary(key, this.build(schema, depth + 1), {
          minKeys: 0,
          maxKeys: extraMax,
          noNullPrototype: true,
        }),
      );
    }
    const freeForm =
      additional !== undefined && additional !== false && (names.length === 0 || additional !== true);
    const openWithoutProperties =
      additional === undefined && names.length === 0 && patternEntries.length === 0;
    if ((freeForm || openWithoutProperties || (missing > 0 && additional !== false)) && extraMax > 0) {
      const key = boundedFilter(
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_0123456789'),
          minLength: 1,
          maxLength: 10,
        }),
        (k) => !taken(k) && !patternEntries.some(([p]) => compilePattern(p)?.test(k)),
        'an additional property name',
      );
      const valueSchema =
        additional === undefined || additional === true
          ? { type: ['string', 'integer', 'boolean'] as JsonType[] }
          : additional;
      extras.push(
        fc.dictionary(key, this.build(valueSchema, depth + 1), {
          minKeys: missing,
          maxKeys: extraMax,
          noNullPrototype: true,
        }),
      );
    }
    const combined =
      extras.length === 0
        ? record
        : fc
            .tuple(record, ...extras)
            .map(([head, ...tails]) => Object.assign({}, ...tails, head) as Record<string, unknown>);
    if (minProperties === 0 && maxProperties === Number.POSITIVE_INFINITY) return combined;
    return boundedFilter(
      combined,
      (value) => {
        const count = Object.keys(value).length;
        return count >= minProperties && count <= maxProperties;
      },
      `between ${minProperties} and ${maxProperties} properties`,
    );
  }
}
