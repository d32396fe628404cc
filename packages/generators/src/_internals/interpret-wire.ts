import type { JsonSchema, JsonSchemaObject } from '@assay/model';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import type { Shape, WireValue } from './parameter-wire.js';
import { schemaTypes } from './schema-types.js';

/** Decides whether a value matches a schema: the injected validator, or the built-in evaluator. */
export type Validity = (schema: JsonSchema, value: unknown) => boolean;

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Spellings lenient frameworks (Django REST framework, Spring, Rails) accept for booleans. Reading
// them as booleans here means they are never used as "invalid boolean" cases.
const TRUE = new Set(['true', 'True', 'TRUE', '1', 'yes', 'on', 'y', 't']);
const FALSE = new Set(['false', 'False', 'FALSE', '0', 'no', 'off', 'n', 'f']);

/**
 * How generously wire text is read. `lenient`: every reading some framework uses (`yes` for true,
 * JSON inside a parameter); a value invalid under it is invalid for every server, which negative
 * cases need. `plain`: only the reading every server agrees on (`true`/`false`, numbers, text); a
 * value valid under it is valid for every server, which positive cases need.
 */
export type Reading = 'lenient' | 'plain';

/** Every typed value a server coercing "per schema type" could read from one text. */
export function textCandidates(
  text: string,
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  reading: Reading = 'lenient',
): unknown[] {
  const out: unknown[] = [];
  for (const type of schemaTypes(schema, defs)) {
    switch (type) {
      case 'integer':
      case 'number':
        if (NUMBER.test(text) && Number.isFinite(Number(text))) out.push(Number(text));
        break;
      case 'boolean':
        if (reading === 'plain') {
          if (text === 'true' || text === 'false') out.push(text === 'true');
          break;
        }
        if (TRUE.has(text)) out.push(true);
        if (FALSE.has(text)) out.push(false);
        break;
      case 'null':
        if (text === '' || text === 'null') out.push(null);
        break;
      case 'string':
        out.push(text);
        break;
      case 'object':
      case 'array':
        if (reading === 'plain') break;
        try {
          const parsed: unknown = JSON.parse(text);
          if (typeof parsed === 'object' && parsed !== null) out.push(parsed);
        } catch {
          // Not JSON: no structured reading.
        }
        break;
    }
  }
  if (!out.includes(text)) out.push(text);
  return out;
}

function flat(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchemaObject {
  return flatSchemaOrUndefined(schema, defs) ?? {};
}

/** The reading of a text that a lenient server would pick: the first candidate that is valid, else the first. */
export function interpretText(
  text: string,
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  valid: Validity,
  reading: Reading = 'lenient',
): unknown {
  const candidates = textCandidates(text, schema, defs, reading);
  return candidates.find((candidate) => valid(schema, candidate)) ?? candidates[0];
}

/**
 * A parameter's typed value as the server sees it: each text coerced per the schema of where it
 * sits (items, properties), choosing the most favourable reading. A value that is still invalid
 * under this reading is invalid under every reading, which is what negative cases need.
 */
export function interpretWire(
  wire: WireValue,
  shape: Shape,
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  valid: Validity,
  contentType?: string,
  reading: Reading = 'lenient',
): unknown {
  if (wire === undefined) return undefined;
  if (contentType !== undefined && typeof wire === 'string') {
    try {
      return JSON.parse(wire);
    } catch {
      return wire;
    }
  }
  if (typeof wire === 'string') {
    if (shape === 'primitive') return interpretText(wire, schema, defs, valid, reading);
    return wire;
  }
  const s = flat(schema, defs);
  if (Array.isArray(wire)) {
    return wire.map((item, i) => {
      const itemSchema = s.prefixItems?.[i] ?? s.items ?? true;
      return interpretText(item, itemSchema, defs, valid, reading);
    });
  }
  return Object.fromEntries(
    Object.entries(wire).map(([key, text]) => {
      const propertySchema = s.properties?.[key] ?? s.additionalProperties ?? true;
      return [key, interpretText(text, propertySchema, defs, valid, reading)];
    }),
  );
}
