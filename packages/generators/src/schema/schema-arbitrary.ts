import type { JsonSchema } from '@assay/model';
import type fc from 'fast-check';
import { type Charset, SchemaBuilder } from '../_internals/schema-builder.js';

/** Options of {@link schemaArbitrary}. */
export interface SchemaArbitraryOptions {
  /** The definitions `$ref`s point into (`ApiModel.schemas`); every `$ref` is `#/$defs/<key>`. */
  defs?: Record<string, JsonSchema>;
  /**
   * How many `$ref`s deep values are built in full. Deeper, objects carry only their required
   * properties and arrays their minimum number of items, which bounds recursive schemas. Default 3.
   */
  maxDepth?: number;
  /** How many items an array may have beyond its `minItems`. Default 4. */
  extraItems?: number;
  /** How many characters a free-form string may have beyond its `minLength`. Default 24. */
  extraLength?: number;
  /** Characters free-form strings may use: `text` (default) or `token` (header and cookie safe). */
  charset?: Charset;
  /**
   * `request` leaves out optional `readOnly` properties, `response` optional `writeOnly` ones, as
   * OpenAPI says they are not sent that way. Default `any`: both kept.
   */
  view?: 'request' | 'response' | 'any';
  /**
   * Read a `oneOf` with a discriminator the OpenAPI way: the tag picks the branch, so a tagged value
   * is kept even when it also matches other branches. Off by default, because the project's
   * validator (plain JSON Schema) then rejects such values; turn it on only with a validator that
   * honours discriminators.
   */
  oneOfByDiscriminator?: boolean;
}

const NO_DEFS: Record<string, JsonSchema> = {};
const builders = new WeakMap<object, Map<string, SchemaBuilder>>();

/** The builder for one set of definitions and settings, so arbitraries are cached across calls. */
export function builderFor(
  options: SchemaArbitraryOptions & { pathSegment?: boolean; exactCheck?: boolean },
): SchemaBuilder {
  const defs = options.defs ?? NO_DEFS;
  const settings = {
    maxDepth: options.maxDepth ?? 3,
    extraItems: options.extraItems ?? 4,
    extraLength: options.extraLength ?? 24,
    charset: options.charset ?? 'text',
    pathSegment: options.pathSegment ?? false,
    view: options.view ?? 'any',
    oneOfByDiscriminator: options.oneOfByDiscriminator ?? false,
    exactCheck: options.exactCheck ?? true,
  } as const;
  const key = JSON.stringify(settings);
  let byKey = builders.get(defs);
  if (byKey === undefined) {
    byKey = new Map();
    builders.set(defs, byKey);
  }
  let builder = byKey.get(key);
  if (builder === undefined) {
    builder = new SchemaBuilder(defs, settings);
    byKey.set(key, builder);
  }
  return builder;
}

/**
 * An arbitrary of JSON values valid against a JSON Schema 2020-12 schema (as the project's
 * validator, Ajv2020 with ajv-formats, judges them). Constraints are passed to fast-check's
 * builders so values are valid by construction, conditionals and `contains` included; filters are
 * bounded and only used where no construction exists (a `not` that cannot be pushed into positive
 * constraints, `oneOf` exclusivity, `maxProperties`), and a schema whose construction reads a merged
 * view of its members is checked against the 2020-12 reading once drawn. Arbitraries are cached
 * per schema object, so calling this again for the same schema is cheap.
 *
 * @throws AssayError `generation` when no value can satisfy the schema (contradictory
 *   constraints, unsupported pattern features); `$ref`s that cannot be followed also throw.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  options: SchemaArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return builderFor(options).build(schema);
}
