import { AssayError, type JsonSchema } from '@assay/model';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { joinPointer, readPointer } from './json-pointer.js';
import { rebaseRefs } from './rebase-refs.js';
import { schemaAjv } from './schema-ajv.js';

/** One reason a value does not match a schema, as data. */
export interface SchemaError {
  /** JSON pointer into the validated value (for `required`, where the missing property belongs). */
  pointer: string;
  /** The schema keyword that failed: `type`, `required`, `format`, `enum` … */
  keyword: string;
  /** One line for people, e.g. `/results/0/pk must match format "uuid"`. */
  message: string;
  /** What the keyword asks for: the type, the limit, the allowed values, the missing property … */
  expected: unknown;
  /** The offending value (`undefined` when a required property is missing). */
  actual: unknown;
  /**
   * Where the failing keyword sits in the schema (a URI fragment such as `#/properties/pk/format`).
   * Stable across values, so it identifies "the same bug" when grouping.
   */
  schemaPath: string;
}

/**
 * Validates values against the schemas of one API. Compiled validators are cached by schema
 * object identity and by schema text, so equal schemas share one compiled function.
 */
export interface SchemaValidator {
  /** True when `value` matches `schema`. The fast path: no error objects are built for the caller. */
  isValid(schema: JsonSchema, value: unknown): boolean;
  /** Every reason `value` does not match `schema`; empty when it matches. */
  validate(schema: JsonSchema, value: unknown): SchemaError[];
}

/**
 * The validator of an API's schemas, on {@link schemaAjv} (JSON Schema 2020-12 with formats
 * validated), with every error as data.
 *
 * `defs` is {@link ApiModel.schemas}: schemas refer to it as `#/$defs/<key>`. Each definition is
 * compiled at most once however many schemas use it. A `pattern` that is not a valid ECMAScript
 * regular expression is treated as always matching: what Assay cannot judge, it does not report.
 *
 * Throws an {@link AssayError} `spec-schema` when a schema does not compile.
 */
export function createSchemaValidator(defs: Record<string, JsonSchema>): SchemaValidator {
  const ajv = schemaAjv(defs);

  const cache = new WeakMap<object, ValidateFunction>();
  // Specs repeat the same schema text in many places (authentik: 5,934 parameter, body and response
  // schemas, 731 distinct), and each compiled validator holds generated code: keyed by text as well
  // as by object, equal schemas share one function, which cuts the live heap and compile time alike.
  const byText = new Map<string, ValidateFunction>();
  const compiled = (schema: object): ValidateFunction => {
    let fn = cache.get(schema);
    if (fn !== undefined) return fn;
    const text = JSON.stringify(schema);
    fn = byText.get(text);
    if (fn === undefined) {
      try {
        fn = ajv.compile(rebaseRefs(schema as JsonSchema) as object);
      } catch (cause) {
        throw new AssayError(
          'spec-schema',
          `A schema does not compile: ${(cause as Error).message}. Fix the schema in the spec.`,
          { cause, hint: 'check the $ref targets and keyword values of the schema' },
        );
      }
      byText.set(text, fn);
    }
    cache.set(schema, fn);
    return fn;
  };

  return {
    isValid(schema, value) {
      if (typeof schema === 'boolean') return schema;
      return compiled(schema)(value) === true;
    },
    validate(schema, value) {
      if (schema === true) return [];
      if (schema === false) {
        return [
          {
            pointer: '',
            keyword: 'false schema',
            message: 'no value is allowed here',
            expected: 'nothing',
            actual: value,
            schemaPath: '#',
          },
        ];
      }
      const fn = compiled(schema);
      if (fn(value) === true) return [];
      return toSchemaErrors(fn.errors ?? [], value);
    },
  };
}

/** Branch errors of a failed `anyOf`/`oneOf` say why each alternative failed; the combinator error says it all. */
function toSchemaErrors(errors: readonly ErrorObject[], value: unknown): SchemaError[] {
  const combinators = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.schemaPath}/`);
  const out: SchemaError[] = [];
  for (const error of errors) {
    if (combinators.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    out.push(toSchemaError(error, value));
  }
  return out;
}

function toSchemaError(error: ErrorObject, value: unknown): SchemaError {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let expected: unknown;
  let actual: unknown;
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      pointer = joinPointer(pointer, String(params.missingProperty));
      expected = params.missingProperty;
      actual = undefined;
      break;
    case 'additionalProperties':
      pointer = joinPointer(pointer, String(params.additionalProperty));
      expected = 'no additional property';
      actual = readPointer(value, pointer);
      break;
    case 'unevaluatedProperties':
      pointer = joinPointer(pointer, String(params.unevaluatedProperty));
      expected = 'no unevaluated property';
      actual = readPointer(value, pointer);
      break;
    case 'type':
      expected = params.type;
      actual = readPointer(value, pointer);
      break;
    case 'enum':
      expected = params.allowedValues;
      actual = readPointer(value, pointer);
      break;
    case 'const':
      expected = params.allowedValue;
      actual = readPointer(value, pointer);
      break;
    case 'format':
      expected = params.format;
      actual = readPointer(value, pointer);
      break;
    case 'pattern':
      expected = params.pattern;
      actual = readPointer(value, pointer);
      break;
    case 'multipleOf':
      expected = params.multipleOf;
      actual = readPointer(value, pointer);
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      expected = `${params.comparison} ${params.limit}`;
      actual = readPointer(value, pointer);
      break;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      expected = params.limit;
      actual = sizeOf(readPointer(value, pointer));
      break;
    default:
      expected = Object.keys(params).length === 0 ? error.keyword : params;
      actual = readPointer(value, pointer);
  }
  return {
    pointer,
    keyword: error.keyword,
    message: `${error.instancePath || '(root)'} ${error.message ?? `fails ${error.keyword}`}`,
    expected,
    actual,
    schemaPath: error.schemaPath,
  };
}

function sizeOf(value: unknown): unknown {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return value;
}
