import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ApiModel, JsonSchema } from '@assay/model';
import { loadApi } from '@assay/spec';

/** The reference corpus, next to the repository (never copied into it). */
export const CORPUS = join(import.meta.dirname, '../../../../shared/specs');

/** Why a corpus suite cannot run here, said in one line; undefined when it can. */
export const corpusMissing = existsSync(CORPUS)
  ? undefined
  : 'needs ../shared/specs, the reference corpus beside the repository (.ci/run provides it)';

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Every OpenAPI document of the corpus (files the loader refuses are skipped by the caller). */
export function corpusFiles(): string[] {
  return walk(CORPUS).filter((file) => /\.(json|ya?ml)$/.test(file) && !file.includes('/.licenses/'));
}

export interface CorpusApi {
  file: string;
  api: ApiModel;
}

/** Loads every document the loader accepts; refused ones (3.2, fragments, broken) are counted. */
export async function loadCorpus(files = corpusFiles()): Promise<{ apis: CorpusApi[]; refused: string[] }> {
  const apis: CorpusApi[] = [];
  const refused: string[] = [];
  for (const file of files) {
    try {
      apis.push({ file: relative(CORPUS, file), api: await loadApi(file) });
    } catch {
      refused.push(relative(CORPUS, file));
    }
  }
  return { apis, refused };
}

export type SchemaRole = 'parameter' | 'response' | 'request-body';

/** The parameter, response (body and header) and request-body schemas of an API, each once. */
export function schemasOf(api: ApiModel): { role: SchemaRole; where: string; schema: JsonSchema }[] {
  const out: { role: SchemaRole; where: string; schema: JsonSchema }[] = [];
  const seen = new Set<string>();
  const add = (role: SchemaRole, where: string, schema: JsonSchema) => {
    const key = `${role}:${JSON.stringify(schema)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ role, where, schema });
  };
  for (const op of api.operations) {
    for (const p of op.parameters) add('parameter', `${op.id} ${p.in} ${p.name}`, p.schema);
    for (const [media, spec] of Object.entries(op.requestBody?.content ?? {}))
      add('request-body', `${op.id} body ${media}`, spec.schema);
    for (const [status, response] of Object.entries(op.responses)) {
      for (const [media, spec] of Object.entries(response.content))
        add('response', `${op.id} ${status} ${media}`, spec.schema);
      for (const header of Object.values(response.headers))
        add('response', `${op.id} ${status} header ${header.name}`, header.schema);
    }
  }
  return out;
}

const SUPPORTED = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'discriminator',
  'if',
  'then',
  'else',
  'contains',
  'minContains',
  'maxContains',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedItems',
  'unevaluatedProperties',
  '$ref',
  '$defs',
  'nullable',
  // Annotations: nothing to generate.
  'title',
  'description',
  'default',
  'examples',
  'example',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$comment',
  'externalDocs',
  'xml',
  '$schema',
  '$id',
  'contentMediaType',
  'contentEncoding',
  '$anchor',
]);

/** Every keyword a schema uses (through its references), with how often. */
export function keywordCounts(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  found = new Map<string, number>(),
  visited = new Set<object>(),
): Map<string, number> {
  if (typeof schema !== 'object' || schema === null || visited.has(schema)) return found;
  visited.add(schema);
  for (const [keyword, value] of Object.entries(schema)) {
    found.set(keyword, (found.get(keyword) ?? 0) + 1);
    if (keyword === 'properties' || keyword === 'patternProperties' || keyword === '$defs') {
      for (const sub of Object.values(value as Record<string, JsonSchema>))
        keywordCounts(sub, defs, found, visited);
    } else if (
      keyword === 'allOf' ||
      keyword === 'anyOf' ||
      keyword === 'oneOf' ||
      keyword === 'prefixItems'
    ) {
      for (const sub of value as JsonSchema[]) keywordCounts(sub, defs, found, visited);
    } else if (keyword === 'items' || keyword === 'additionalProperties' || keyword === 'not') {
      keywordCounts(value as JsonSchema, defs, found, visited);
    } else if (keyword === '$ref' && typeof value === 'string') {
      const key = decodeURIComponent(value.slice('#/$defs/'.length))
        .replaceAll('~1', '/')
        .replaceAll('~0', '~');
      const target = defs[key];
      if (target !== undefined) keywordCounts(target, defs, found, visited);
    }
  }
  return found;
}

/** Keywords used by a schema (through its references) that generation does not implement. */
export function unsupportedKeywords(
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
): Map<string, number> {
  return new Map(
    [...keywordCounts(schema, defs)].filter(
      ([keyword]) => !SUPPORTED.has(keyword) && !keyword.startsWith('x-'),
    ),
  );
}
