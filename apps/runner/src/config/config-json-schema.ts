import type { JsonSchema } from '@assay/model';
import type { Shape } from './_internals/shape.js';
import { configFileShape } from './config-file-shape.js';

/**
 * The JSON Schema (2020-12) of the config file, made from the same description the reader
 * validates with; `assay.config.schema.json` in the package is this, written out (a test holds
 * them equal), so editors complete and check the file as Assay reads it.
 */
export function configJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Assay configuration',
    ...schemaOf(configFileShape),
  };
}

function schemaOf(shape: Shape): Record<string, unknown> {
  const described = shape.description === undefined ? {} : { description: shape.description };
  switch (shape.kind) {
    case 'string':
      return {
        ...described,
        // A value may be written as ${VAR}, substituted before it is checked.
        type: 'string',
        ...(shape.nonEmpty === true ? { minLength: 1 } : {}),
        ...(shape.enum === undefined ? {} : { enum: [...shape.enum] }),
      };
    case 'integer':
      return {
        ...described,
        anyOf: [{ type: 'integer', minimum: shape.min, maximum: shape.max }, envReference],
      };
    case 'number':
      return { ...described, anyOf: [{ type: 'number', exclusiveMinimum: 0 }, envReference] };
    case 'boolean':
      return { ...described, anyOf: [{ type: 'boolean' }, envReference] };
    case 'array':
      return { ...described, type: 'array', items: schemaOf(shape.items) };
    case 'object':
      return {
        ...described,
        type: 'object',
        properties: Object.fromEntries(Object.entries(shape.properties).map(([k, v]) => [k, schemaOf(v)])),
        ...(shape.required === undefined ? {} : { required: [...shape.required] }),
        additionalProperties: shape.open === true,
      };
    case 'map':
      return { ...described, type: 'object', additionalProperties: schemaOf(shape.values) };
    case 'either':
      return { ...described, anyOf: shape.options.map(schemaOf) };
    case 'any':
      return described;
  }
}

/** A number or boolean given through the environment. */
const envReference = { type: 'string', pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}$' };
