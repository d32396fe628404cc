import type { SchemaValidator } from '@assay/json-schema';
import type { Check, JsonSchema, JsonSchemaObject, Violation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { violation } from '../_internals/violation.js';
import { matchResponse } from './match-response.js';

const ID = 'response-headers-conformance';

/**
 * Documented response headers are present when required, and their values match their schemas.
 * Header values are strings on the wire (OpenAPI `simple` style), so each is read as the type its
 * schema asks for before validation: `42` as a number, `true` as a boolean, `a, b` as an array.
 */
export function responseHeadersConformance(validator: SchemaValidator): Check {
  return {
    id: ID,
    description: 'Documented response headers are present when required and valid against their schema.',
    clause: 'OpenAPI 3.1 §4.8.21 Header Object; §4.8.12.4 style simple',
    verify({ operation, response }) {
      const spec = matchResponse(operation, response.status);
      if (spec === undefined) return [];
      const out: Violation[] = [];
      for (const header of Object.values(spec.headers)) {
        const raw = response.headers[header.name];
        if (raw === undefined) {
          if (header.required) {
            out.push(
              violation(ID, {
                message: `response ${response.status} lacks the required header ${header.name}`,
                pointer: '',
                keyword: 'required',
                expected: header.name,
                actual: undefined,
                fingerprint: fingerprint(ID, operation.id, spec.status, header.name, 'required'),
              }),
            );
          }
          continue;
        }
        const value = coerceHeader(raw, header.schema, validator);
        for (const error of validator.validate(header.schema, value)) {
          out.push(
            violation(ID, {
              message: `response ${response.status} header ${header.name}: ${error.message}`,
              pointer: '',
              keyword: error.keyword,
              expected: error.expected,
              actual: raw,
              fingerprint: fingerprint(ID, operation.id, spec.status, header.name, error.schemaPath),
            }),
          );
        }
      }
      return out;
    },
  };
}

/** Reads a header string as the schema's type; when several types are allowed, the first that validates wins. */
function coerceHeader(raw: string, schema: JsonSchema, validator: SchemaValidator): unknown {
  const candidates = typeCandidates(raw, schema);
  for (const candidate of candidates) if (validator.isValid(schema, candidate)) return candidate;
  return candidates[0] ?? raw;
}

function typeCandidates(raw: string, schema: JsonSchema): unknown[] {
  if (typeof schema !== 'object') return [raw];
  const types = declaredTypes(schema);
  const out: unknown[] = [];
  const trimmed = raw.trim();
  for (const type of types) {
    if ((type === 'integer' || type === 'number') && trimmed !== '' && Number.isFinite(Number(trimmed))) {
      out.push(Number(trimmed));
    } else if (type === 'boolean' && (trimmed === 'true' || trimmed === 'false')) {
      out.push(trimmed === 'true');
    } else if (type === 'array') {
      const itemSchema = typeof schema.items === 'object' ? schema.items : {};
      out.push(
        trimmed === '' ? [] : trimmed.split(',').map((part) => typeCandidates(part.trim(), itemSchema)[0]),
      );
    } else if (type === 'null' && trimmed === '') {
      out.push(null);
    }
  }
  out.push(raw);
  return out;
}

function declaredTypes(schema: JsonSchemaObject): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === 'string') return [schema.type];
  return [];
}
