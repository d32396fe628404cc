import type { BodyPath, JsonSchema, Operation, Pagination, Parameter } from '@assay/model';
import type { FieldType, ListEvidence } from '../conventions/pagination-convention.js';
import { type Defs, isArraySchema, resolve, scalarType, shapeOf } from './schema-shape.js';

/** The evidence conventions read, for a list operation whose page body is `body` (`undefined` for none). */
export function listEvidence(
  operation: Operation,
  body: JsonSchema | undefined,
  itemsPath: BodyPath | undefined,
  defs: Defs,
): ListEvidence {
  const query = new Map<string, Parameter>(
    operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]),
  );
  const schemaAt = (path: BodyPath): JsonSchema | undefined => {
    let current: JsonSchema | undefined = body;
    for (const key of path) {
      if (current === undefined) return undefined;
      const shape = shapeOf(current, defs);
      current = shape?.properties[key];
    }
    return current;
  };
  const success = Object.keys(operation.responses)
    .filter((s) => /^2/.test(s))
    .sort()[0];
  const headers = success === undefined ? {} : operation.responses[success]!.headers;
  return {
    operation,
    itemsPath,
    typeAt(path) {
      const schema = schemaAt(path);
      if (schema === undefined) return undefined;
      return fieldType(schema, defs);
    },
    keysAt(path) {
      const schema = schemaAt(path);
      const shape = schema === undefined ? undefined : shapeOf(schema, defs);
      return shape === undefined ? [] : Object.keys(shape.properties);
    },
    param(...names) {
      for (const name of names) {
        if (query.has(name)) return name;
        // `page[number]` may be documented as a deepObject parameter `page` with a `number` property.
        const m = /^([^[]+)\[([^\]]+)\]$/.exec(name);
        if (m === null) continue;
        const holder = query.get(m[1]!);
        const shape = holder === undefined ? undefined : shapeOf(holder.schema, defs);
        if (shape?.properties[m[2]!] !== undefined) return name;
      }
      return undefined;
    },
    sizeLimits(name) {
      const out: Pick<Pagination, 'defaultPageSize' | 'maxPageSize'> = {};
      const param = name === undefined ? undefined : query.get(name);
      if (param === undefined) return out;
      const schema = resolve(param.schema, defs);
      if (typeof schema !== 'object') return out;
      if (typeof schema.maximum === 'number') out.maxPageSize = schema.maximum;
      if (typeof schema.default === 'number') out.defaultPageSize = schema.default;
      return out;
    },
    responseHeaders: new Set(Object.keys(headers).map((h) => h.toLowerCase())),
    requestHeaders: new Set(
      operation.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
    ),
  };
}

function fieldType(schema: JsonSchema, defs: Defs): FieldType {
  const s = resolve(schema, defs);
  if (isArraySchema(s)) return 'array';
  const scalar = scalarType(s, defs);
  if (scalar !== undefined) return scalar as FieldType;
  return shapeOf(s, defs) === undefined ? 'unknown' : 'object';
}
