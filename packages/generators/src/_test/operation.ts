import type { JsonSchema, Operation, Parameter } from '@assay/model';

/** A parameter with the OpenAPI defaults for its location (style form/simple, explode for form). */
export function parameter(
  name: string,
  location: Parameter['in'],
  schema: JsonSchema,
  extra: Partial<Parameter> = {},
): Parameter {
  const style = location === 'query' || location === 'cookie' ? 'form' : 'simple';
  return {
    name,
    in: location,
    required: location === 'path',
    style,
    explode: style === 'form',
    allowReserved: false,
    schema,
    deprecated: false,
    examples: [],
    ...extra,
  };
}

/** An operation with the given parts and empty everything else. */
export function operation(extra: Partial<Operation>): Operation {
  return {
    id: 'op',
    method: 'GET',
    path: '/things',
    pointer: '/paths/~1things/get',
    tags: [],
    deprecated: false,
    parameters: [],
    responses: {},
    security: [],
    extensions: {},
    ...extra,
  };
}
