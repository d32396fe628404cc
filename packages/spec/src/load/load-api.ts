import { pathToFileURL } from 'node:url';
import { type ApiModel, AssayError, type Operation, type SpecFormat, type SpecProblem } from '@assay/model';
import { applyViews } from '../_internals/apply-views.js';
import { compileResponseSchemas } from '../_internals/compile-response-schemas.js';
import { DocumentSet } from '../_internals/document-set.js';
import { listSemanticsOf } from '../_internals/list-semantics-of.js';
import { locateError, locateProblems } from '../_internals/locate-problems.js';
import { type MetaSchemaVersion, metaSchemaProblems } from '../_internals/meta-schema-problems.js';
import { OperationBuilder } from '../_internals/operation-builder.js';
import { sourceUrl } from '../_internals/read-document.js';
import { resourcesOf } from '../_internals/resources-of.js';
import { SchemaConverter } from '../_internals/schema-converter.js';
import { SchemaViews } from '../_internals/schema-views.js';
import { securitySchemesOf } from '../_internals/security-schemes-of.js';
import { serversOf } from '../_internals/servers-of.js';
import { unsatisfiableProblems } from '../_internals/unsatisfiable-schemas.js';
import type { PaginationConvention } from '../conventions/pagination-convention.js';
import { PAGINATION_CONVENTIONS } from '../conventions/pagination-conventions.js';
import type { ListDescription } from './list-description.js';

/** How {@link loadApi} treats a document. */
export interface LoadOptions {
  /**
   * Reject a document that breaks the OpenAPI meta-schema (`spec-invalid`, with every problem).
   * Default `false`: many real specs break it somewhere harmless, so they load and the problems are
   * listed in {@link ApiModel.problems}.
   */
  strict?: boolean;
  /** Follow `$ref`s to http(s) URLs other than the spec's own origin. Default `false` (`spec-ref-refused`). */
  allowRemoteRefs?: boolean;
  /** Follow `$ref`s to files outside the spec's folder. Default `false` (`spec-ref-refused`). */
  allowExternalFiles?: boolean;
  /**
   * Pagination by operationId, overriding what is detected and the `x-pagination` extension.
   * A partial description is merged over the detected one; `style` is needed when nothing was detected.
   */
  pagination?: Record<string, ListDescription>;
  /** The pagination conventions to recognise, in order. Default {@link PAGINATION_CONVENTIONS}. */
  conventions?: readonly PaginationConvention[];
}

/**
 * Loads a Swagger 2.0, OpenAPI 3.0, 3.1 or 3.2 document into Assay's operation model.
 *
 * `source` is a file path (YAML or JSON), a URL (`file:`, `http:`, `https:`), or a document already
 * parsed into an object. Schemas come out as JSON Schema 2020-12 with every `$ref` pointing into
 * {@link ApiModel.schemas} as `#/$defs/<key>`; request bodies and parameters are in the request view
 * (readOnly properties not required), responses in the response view (writeOnly ones not required).
 * The document is checked against the OpenAPI meta-schema once, and every response schema is
 * compiled once with Ajv 2020-12, so a loaded API is ready to generate and validate against.
 *
 * Schemas: a component keeps its name as its `$defs` key (other targets get a key from their
 * pointer; keys only use `A-Za-z0-9._-`); a definition that differs between the two views also
 * exists as `<key>.request` / `<key>.response`. OAS 3.0 `nullable` (also in 3.1 documents, which
 * keep it), boolean exclusive bounds, `example`, tuple `items`, Swagger 2.0 `type: file` and
 * `x-nullable` are rewritten to their 2020-12 meaning; `x-*` annotations holding a `$ref` are dropped.
 *
 * Lists: a GET whose 2xx JSON body is an array, or an object holding one under `results`, `items`,
 * `data` …, gets {@link Operation.list}: its items, identifier, pagination (authentik page object,
 * DRF page number, limit/offset, cursor, Link header, Content-Range; `x-pagination` and the
 * `pagination` option override), filters, ordering and search, each detected from names and schemas
 * and left out whenever the evidence is not clear.
 *
 * @throws AssayError `spec-not-found`, `spec-parse` (with line and column), `spec-unsupported`,
 *   `spec-invalid` (strict mode), `spec-ref` (with the pointer of the broken `$ref`),
 *   `spec-ref-refused`, `spec-schema` (naming the operation and the schema's pointer), `config`
 *   (a `pagination` option that names no list operation or lacks a style).
 */
export async function loadApi(source: string | URL | object, options: LoadOptions = {}): Promise<ApiModel> {
  try {
    return await load(source, options);
  } catch (error) {
    // Schemas and documents are walked recursively; only a pathological nesting exhausts the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      const name = typeof source === 'string' ? source : source instanceof URL ? source.href : '<memory>';
      throw new AssayError(
        'spec-parse',
        `${name} nests objects too deeply to be read as an API description.`,
        {
          file: name,
          cause: error,
        },
      );
    }
    throw error;
  }
}

async function load(source: string | URL | object, options: LoadOptions): Promise<ApiModel> {
  let url: string;
  let display: string;
  let inMemory: object | undefined;
  if (typeof source === 'string' || source instanceof URL) {
    url = sourceUrl(source);
    display = typeof source === 'string' ? source : source.href;
  } else {
    // Relative references of an in-memory document resolve from the working directory.
    url = pathToFileURL(`${process.cwd()}/<memory>`).href;
    display = '<memory>';
    inMemory = source;
  }
  const docs = new DocumentSet(
    url,
    display,
    options.allowRemoteRefs === true,
    options.allowExternalFiles === true,
  );
  await docs.read(inMemory);
  const content = docs.root;
  const text = docs.rootText;
  const { format, specVersion } = detectFormat(content, display);
  const root = content as Record<string, unknown>;

  const problems: SpecProblem[] = metaSchemaProblems(content, metaVersion(format));
  if (options.strict === true && problems.length > 0) {
    if (text !== undefined) locateProblems(text, problems);
    throw new AssayError(
      'spec-invalid',
      `${display} does not follow the ${specVersion.startsWith('2') ? 'Swagger' : 'OpenAPI'} ${specVersion} specification (${problems.length} problem${problems.length === 1 ? '' : 's'}; first: ${problems[0]!.message}). Fix them, or load without strict mode.`,
      {
        file: display,
        pointer: problems[0]!.pointer,
        ...(problems[0]!.line === undefined ? {} : { line: problems[0]!.line, column: problems[0]!.column }),
        problems,
      },
    );
  }

  const converter = new SchemaConverter(docs, format, problems);
  const builder = new OperationBuilder(docs, format, converter, problems);
  const schemas = converter.defs;
  let operations: Operation[];
  try {
    converter.convertComponents();
    operations = builder.build();
    converter.checkReferenceCycles();
    applyViews(operations, new SchemaViews(schemas));
    compileResponseSchemas(operations, schemas);
    problems.push(...unsatisfiableProblems(schemas, operations, (key) => converter.locationOf(key)));
  } catch (error) {
    // A broken `$ref` or schema in the root document: say on which line, too.
    if (AssayError.is(error) && text !== undefined) locateError(text, display, error);
    throw error;
  }
  const ids = new Set(operations.map((operation) => operation.id));
  for (const id of Object.keys(options.pagination ?? {})) {
    if (!ids.has(id)) {
      throw new AssayError(
        'config',
        `pagination option: ${display} has no operation ${JSON.stringify(id)}. Use an operationId of the spec.`,
        {
          flag: 'pagination',
        },
      );
    }
  }
  for (const operation of operations) {
    const list = listSemanticsOf(operation, options.pagination?.[operation.id], {
      defs: schemas,
      operations,
      conventions: options.conventions ?? PAGINATION_CONVENTIONS,
      problems,
    });
    if (list !== undefined) operation.list = list;
    else if (options.pagination?.[operation.id] !== undefined) {
      throw new AssayError(
        'config',
        `pagination option: operation ${operation.id} does not return a list Assay can find (a GET whose 2xx JSON body is an array or holds one), so it cannot be paginated.`,
        { flag: 'pagination' },
      );
    }
  }

  const resources = resourcesOf(operations, schemas, problems);

  if (text !== undefined) locateProblems(text, problems);
  const info = (root.info ?? {}) as Record<string, unknown>;
  return {
    title: typeof info.title === 'string' ? info.title : '',
    version: typeof info.version === 'string' ? info.version : String(info.version ?? ''),
    format,
    specVersion,
    source: display,
    servers: serversOf(root, format),
    operations,
    securitySchemes: securitySchemesOf(root, format, (value, pointer) => {
      // A scheme that cannot be reached is left out with a warning: operations that need it name a
      // scheme the model lacks, which the runner reports, and the rest of the API stays testable.
      try {
        return builder.deref(value, { url, pointer })[0];
      } catch (error) {
        if (!AssayError.is(error)) throw error;
        problems.push({ severity: 'warning', code: 'security-scheme-ref', pointer, message: error.message });
        return undefined;
      }
    }),
    schemas,
    resources,
    problems,
  };
}

function detectFormat(content: unknown, display: string): { format: SpecFormat; specVersion: string } {
  const hint = 'Assay reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x and 3.2.x documents.';
  if (content === null || typeof content !== 'object' || Array.isArray(content)) {
    throw new AssayError(
      'spec-unsupported',
      `${display} is not an OpenAPI document: it is not an object. ${hint}`,
      { file: display, hint },
    );
  }
  const doc = content as Record<string, unknown>;
  if (doc.swagger !== undefined) {
    // `swagger: 2.0` unquoted in YAML is the number 2.
    if (String(doc.swagger) === '2.0' || doc.swagger === 2)
      return { format: 'swagger-2.0', specVersion: '2.0' };
    throw new AssayError('spec-unsupported', `${display} is Swagger ${String(doc.swagger)}. ${hint}`, {
      file: display,
      pointer: '/swagger',
      hint,
    });
  }
  if (typeof doc.openapi === 'string' || typeof doc.openapi === 'number') {
    // `3.0` without a patch number (or unquoted, a number) breaks the meta-schema, which says so
    // as a problem; the document is still clearly 3.0 and loads in non-strict mode.
    const version = String(doc.openapi);
    if (/^3\.0(\.\d+(-.+)?)?$/.test(version)) return { format: 'openapi-3.0', specVersion: version };
    if (/^3\.1(\.\d+(-.+)?)?$/.test(version)) return { format: 'openapi-3.1', specVersion: version };
    if (/^3\.2(\.\d+(-.+)?)?$/.test(version)) return { format: 'openapi-3.2', specVersion: version };
    throw new AssayError(
      'spec-unsupported',
      `${display} is OpenAPI ${version}, which Assay does not read. ${hint}`,
      { file: display, pointer: '/openapi', hint },
    );
  }
  throw new AssayError(
    'spec-unsupported',
    `${display} is not an OpenAPI document: it has neither \`openapi\` nor \`swagger\`. ${hint}`,
    { file: display, hint },
  );
}

function metaVersion(format: SpecFormat): MetaSchemaVersion {
  if (format === 'openapi-3.2') return '3.2';
  return format === 'swagger-2.0' ? '2.0' : format === 'openapi-3.0' ? '3.0' : '3.1';
}
