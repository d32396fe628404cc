/**
 * The shape of a config value: one description from which both the reader's validation (with
 * file positions) and the published JSON Schema are made, so the two never disagree.
 */
export type Shape =
  | { kind: 'string'; description?: string; enum?: readonly string[]; nonEmpty?: boolean }
  | { kind: 'integer'; description?: string; min: number; max: number }
  | { kind: 'number'; description?: string; positive: true }
  | { kind: 'boolean'; description?: string }
  | { kind: 'array'; description?: string; items: Shape; nonEmpty?: boolean }
  | {
      kind: 'object';
      description?: string;
      properties: Readonly<Record<string, Shape>>;
      required?: readonly string[];
      /** Unknown keys are kept as they are, for another reader to validate. */
      open?: boolean;
    }
  /** Keys chosen by the user (target names, header names, selectors). */
  | { kind: 'map'; description?: string; values: Shape; keyDescription?: string }
  /** The first alternative whose `when` accepts the node's YAML type is used. */
  | { kind: 'either'; description?: string; options: readonly Shape[] }
  /** Any JSON value (a fixed parameter value). */
  | { kind: 'any'; description?: string };

/** Shape builders, to keep the config's description readable. */
export const shape = {
  string: (description?: string, extra: { enum?: readonly string[] } = {}): Shape => ({
    kind: 'string',
    nonEmpty: true,
    ...(description === undefined ? {} : { description }),
    ...extra,
  }),
  integer: (min: number, max: number, description?: string): Shape => ({
    kind: 'integer',
    min,
    max,
    ...(description === undefined ? {} : { description }),
  }),
  positive: (description?: string): Shape => ({
    kind: 'number',
    positive: true,
    ...(description === undefined ? {} : { description }),
  }),
  boolean: (description?: string): Shape => ({
    kind: 'boolean',
    ...(description === undefined ? {} : { description }),
  }),
  array: (items: Shape, description?: string): Shape => ({
    kind: 'array',
    items,
    ...(description === undefined ? {} : { description }),
  }),
  object: (properties: Record<string, Shape>, description?: string, required?: readonly string[]): Shape => ({
    kind: 'object',
    properties,
    ...(description === undefined ? {} : { description }),
    ...(required === undefined ? {} : { required }),
  }),
  map: (values: Shape, description?: string, keyDescription?: string): Shape => ({
    kind: 'map',
    values,
    ...(description === undefined ? {} : { description }),
    ...(keyDescription === undefined ? {} : { keyDescription }),
  }),
  either: (options: readonly Shape[], description?: string): Shape => ({
    kind: 'either',
    options,
    ...(description === undefined ? {} : { description }),
  }),
  any: (description?: string): Shape => ({
    kind: 'any',
    ...(description === undefined ? {} : { description }),
  }),
};
