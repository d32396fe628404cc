import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebaseRefs, schemaAjv } from '@assay/json-schema';
import { type ApiModel, AssayError, type JsonSchema } from '@assay/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadOptions, loadApi } from '../src/index.js';

// The reference corpus sits beside the repository (../shared/specs from the repo root); it is never copied in.
const SPECS = fileURLToPath(new URL('../../../../shared/specs/', import.meta.url));
/**
 * A load that takes longer than this is a hang, not a slow spec: the slowest (loket.nl) loads in
 * about 10 s on a quiet machine, and a loaded 2-core machine runs it six times slower.
 */
const HANG_MS = 150_000;

function specFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...specFiles(path));
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
  }
  return out;
}

/**
 * A second witness that the model's schemas compile: the configuration @assay/checks validates with
 * (all errors, messages, optimised code), where loadApi compiles with the lean one.
 */
function compileAll(schemas: Record<string, JsonSchema>, targets: JsonSchema[]): void {
  const ajv = schemaAjv(schemas);
  for (const target of targets) {
    if (typeof target === 'boolean') continue;
    ajv.compile(rebaseRefs(target) as object);
  }
}

const MUST_LOAD = new Set([
  'authentik-schema.yml',
  'authentik-schema-2025.4.4.yml',
  'github-api.github.com-octokit-openapi-23.0.2.min.json',
  'stripe-spec3-2023-09-12.yaml',
  'kubernetes-swagger-v1.9.12.json',
]);

/** Fail documents whose one mistake is inside a Schema Object (the 3.2 `xml` exclusions). */
const SCHEMA_DIALECT_RULES = new Set(['xml-attr-exclusion.yaml', 'xml-wrapped-exclusion.yaml']);

type Outcome = { api: ApiModel } | { error: AssayError };

async function load(path: string, options?: LoadOptions): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${path}: still loading after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    return { api: await Promise.race([loadApi(path, options), hang]) };
  } catch (error) {
    // Anything but an AssayError is a crash and fails the test here.
    if (AssayError.is(error)) return { error };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

const SCHEMA_SINGLE = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SCHEMA_LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAP = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];

/** Every `$ref` in schema positions of a schema (examples, enums and defaults are data, not schemas). */
function schemaRefs(schema: unknown, out: string[]): void {
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') out.push(s.$ref);
  for (const key of SCHEMA_SINGLE) schemaRefs(s[key], out);
  for (const key of SCHEMA_LIST) if (Array.isArray(s[key])) for (const sub of s[key]) schemaRefs(sub, out);
  for (const key of SCHEMA_MAP)
    if (s[key] !== null && typeof s[key] === 'object')
      for (const sub of Object.values(s[key])) schemaRefs(sub, out);
}

/** The model is plain JSON, and every schema `$ref` in it is `#/$defs/<key>` with the key present. */
function expectPlainModel(api: ApiModel): void {
  expect(() => JSON.stringify(api)).not.toThrow(); // An object cycle would throw.
  const refs: string[] = [];
  for (const def of Object.values(api.schemas)) schemaRefs(def, refs);
  for (const operation of api.operations) {
    for (const parameter of operation.parameters) schemaRefs(parameter.schema, refs);
    for (const media of Object.values(operation.requestBody?.content ?? {})) schemaRefs(media.schema, refs);
    for (const response of Object.values(operation.responses)) {
      for (const media of Object.values(response.content)) schemaRefs(media.schema, refs);
      for (const header of Object.values(response.headers)) schemaRefs(header.schema, refs);
    }
    if (operation.list !== undefined) schemaRefs(operation.list.itemSchema, refs);
  }
  for (const ref of new Set(refs)) {
    expect(ref).toMatch(/^#\/\$defs\/[A-Za-z0-9._-]+$/);
    expect(Object.hasOwn(api.schemas, ref.slice('#/$defs/'.length)), ref).toBe(true);
  }
}

/** Why the suite cannot run here, said in one line; undefined when it can. */
const missing = existsSync(SPECS)
  ? undefined
  : 'needs ../shared/specs, the reference corpus beside the repository (.ci/run provides it)';
if (missing !== undefined) process.stderr.write(`spec corpus: skipped: ${missing}\n`);

describe.skipIf(missing !== undefined)('the reference corpus', () => {
  const files = existsSync(SPECS) ? specFiles(SPECS) : [];
  let loaded = 0;
  let warned = 0;
  const rejected = new Map<string, number>();
  let started = 0;

  beforeAll(() => {
    started = performance.now();
  });
  afterAll(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const total = [...rejected.values()].reduce((a, b) => a + b, 0);
    const reasons = [...rejected].map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(
      `corpus: ${loaded + total} of ${files.length} documents: ${loaded} loaded (${warned} with warnings), ${total} rejected (${reasons}) in ${seconds} s`,
    );
  });

  it('has the reference documents', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  // One test per document, so a hang or a crash names its document.
  it.each(files.map((file) => [relative(SPECS, file), file]))(
    '%s loads or is rejected with an AssayError, and its response schemas compile',
    async (name, file) => {
      const outcome = await load(file);
      // The large real-world specs are what Assay is for: they must load, not merely fail cleanly.
      if (MUST_LOAD.has(name)) expect('error' in outcome ? outcome.error.message : 'loaded').toBe('loaded');
      if ('error' in outcome) {
        expect(outcome.error.code).not.toBe('internal');
        rejected.set(outcome.error.code, (rejected.get(outcome.error.code) ?? 0) + 1);
        return;
      }
      loaded++;
      if (outcome.api.problems.length > 0) warned++;
      expectPlainModel(outcome.api);
      // loadApi has compiled every response schema already (or it would have thrown spec-schema).
      // Smaller documents are compiled again here, the way the checks compile them (all errors,
      // messages); the five large specs are left to loadApi, which keeps this suite fast.
      if (MUST_LOAD.has(name)) return;
      const targets = outcome.api.operations.flatMap((operation) =>
        Object.values(operation.responses).flatMap((response) =>
          Object.values(response.content).map((media) => media.schema),
        ),
      );
      expect(() => compileAll(outcome.api.schemas, targets)).not.toThrow();
    },
    HANG_MS + 60_000,
  );

  const suites = join(SPECS, 'oai-schema-tests');
  const versions = existsSync(suites)
    ? readdirSync(suites).filter((v) => existsSync(join(suites, v, 'pass')))
    : [];
  for (const version of versions) {
    it(`${version}: every pass document loads in strict mode`, async () => {
      for (const file of specFiles(join(suites, version, 'pass'))) {
        const outcome = await load(file, { strict: true });
        expect('error' in outcome ? `${outcome.error.code}: ${outcome.error.message}` : 'loaded', file).toBe(
          'loaded',
        );
      }
    });

    const fails = join(suites, version, 'fail');
    // Some versions of the suite have no fail documents: no test, rather than a skip that says nothing.
    if (existsSync(fails))
      it(`${version}: every fail document is reported invalid in strict mode`, async () => {
        for (const file of specFiles(fails)) {
          const outcome = await load(file, { strict: true });
          // Schema Object rules live in the schema dialect, which the meta-schema does not apply.
          if (SCHEMA_DIALECT_RULES.has(relative(fails, file))) continue;
          expect('error' in outcome && outcome.error.code, file).toBe('spec-invalid');
        }
      });
  }
});
