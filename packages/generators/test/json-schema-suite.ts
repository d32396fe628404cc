import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the JSON-Schema-Test-Suite (json-schema-org, MIT) is read from: `ASSAY_JSON_SCHEMA_SUITE`,
 * else the draft 2020-12 tests kept beside this file with their licence (`json-schema-test-suite/`).
 */
export const SUITE =
  process.env.ASSAY_JSON_SCHEMA_SUITE ?? join(import.meta.dirname, 'json-schema-test-suite');

/** The suite's folder of draft 2020-12 tests, when present. */
export function suiteFolder(): string | undefined {
  const folder = join(SUITE, 'tests/draft2020-12');
  return existsSync(folder) ? folder : undefined;
}

/** One test of the suite: an instance and whether the schema accepts it. */
export interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}

/** One schema of the suite with its tests. */
export interface SuiteCase {
  /** `file.json #index: description`. */
  name: string;
  file: string;
  schema: unknown;
  tests: SuiteTest[];
  /** Why the case is out of reach of an OpenAPI document, or undefined when it is in scope. */
  outOfScope?: string;
}

// The suite's remote documents live at http://localhost:1234, the meta-schemas at json-schema.org;
// an OpenAPI document refuses remote references, and reading them is not what these laws measure.
const REMOTE =
  /"\$(?:dynamicRef|ref|id)":"https?:\/\/(?:localhost:1234|json-schema\.org)|"\$schema":"https:\/\/json-schema\.org\/draft\/(?!2020-12\/schema)/;
// Files about the meta-schema itself (custom vocabularies): nothing an API description declares.
const META_FILES = new Set(['vocabulary.json', 'refRemote.json']);

/** Every draft 2020-12 case of the suite's required tests (not `optional/`), in file order. */
export function suiteCases(folder: string): SuiteCase[] {
  const out: SuiteCase[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    const groups = JSON.parse(readFileSync(join(folder, file), 'utf8')) as {
      description: string;
      schema: unknown;
      tests: SuiteTest[];
    }[];
    groups.forEach((group, index) => {
      const text = JSON.stringify(group.schema);
      const outOfScope = META_FILES.has(file)
        ? 'about the meta-schema or remote documents'
        : REMOTE.test(text)
          ? 'refers to a remote document or another draft'
          : undefined;
      out.push({
        name: `${file} #${index}: ${group.description}`,
        file,
        schema: group.schema,
        tests: group.tests,
        ...(outOfScope === undefined ? {} : { outOfScope }),
      });
    });
  }
  return out;
}

/**
 * The case's schema as the one request-body schema of an OpenAPI 3.1 document. The schema is its
 * own schema resource there (a `$id` is added when it has none), as it is in the suite, so its
 * `#/$defs/...` and `#` references mean what they mean in the suite.
 */
export function wrapInDocument(schema: unknown, index: number): object {
  const resource =
    typeof schema === 'object' && schema !== null && !Object.hasOwn(schema, '$id')
      ? { $id: `https://suite.assay.test/schema-${index}.json`, ...schema }
      : schema;
  return {
    openapi: '3.1.0',
    info: { title: 'suite', version: '1' },
    paths: {
      '/value': {
        post: {
          operationId: 'post',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } },
          },
          responses: { '204': { description: 'accepted' } },
        },
      },
    },
    components: { schemas: { S: resource } },
  };
}
