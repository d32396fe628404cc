import { joinPointer } from '@assay/json-schema';
import type {
  HeaderSpec,
  HttpMethod,
  JsonSchema,
  MediaTypeSpec,
  Operation,
  Parameter,
  ParameterLocation,
  ParameterStyle,
  PropertyEncoding,
  RequestBody,
  ResponseLink,
  ResponseSpec,
  SecurityRequirement,
  SpecFormat,
  SpecProblem,
} from '@assay/model';
import type { DocumentSet, RefSite } from './document-set.js';
import type { SchemaConverter } from './schema-converter.js';
import { splitPathKey } from './split-path-key.js';

type Obj = Record<string, unknown>;

// `query` is a fixed field from OpenAPI 3.2 on (§4.8.9 Path Item Object); earlier documents never use it.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'] as const;
const LOCATIONS = new Set(['path', 'query', 'querystring', 'header', 'cookie']);
// RFC 9110 §9.1: a method is a token.
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// OpenAPI 3.1 §4.8.12.1 (fixed fields, `name`): a header parameter named Accept, Content-Type or
// Authorization "SHALL be ignored": content negotiation, the body and security own those headers.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const STYLES = new Set([
  'form',
  'simple',
  'label',
  'matrix',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
]);
// Swagger 2.0 parameter fields that are JSON Schema keywords (2.0 §4.3.3 Parameter Object).
const SWAGGER_PARAM_SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'x-nullable',
];

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Builds the operations of a document whose schemas go through `converter`; views are applied afterwards. */
export class OperationBuilder {
  private readonly swagger: boolean;
  /** OpenAPI 3.2 adds the `query` method field and `additionalOperations`. */
  private readonly v32: boolean;
  private readonly root: Obj;
  private readonly usedIds = new Set<string>();

  constructor(
    private readonly docs: DocumentSet,
    format: SpecFormat,
    private readonly converter: SchemaConverter,
    private readonly problems: SpecProblem[],
  ) {
    this.swagger = format === 'swagger-2.0';
    this.v32 = format === 'openapi-3.2';
    this.root = docs.root as Obj;
  }

  build(): Operation[] {
    const paths = this.root.paths;
    if (!isObj(paths)) return [];
    const operations: Operation[] = [];
    const routes = new Set<string>();
    for (const [key, rawItem] of Object.entries(paths)) {
      if (key.startsWith('x-')) continue;
      const itemSite = { url: this.docs.rootUrl, pointer: joinPointer('/paths', key) };
      // A path key is a path (OpenAPI 3.1 §4.8.8.1): a query written into it (`/search?q={q}`)
      // is no part of the URL path. The path is what precedes `?`; its fixed pairs become required
      // query parameters; templated pairs are left to the parameters the operation declares.
      const [path, fixedQuery] = splitPathKey(key);
      const [item, site] = this.deref(rawItem, itemSite);
      if (!isObj(item)) continue;
      for (const method of METHODS) {
        if (method === 'query' && !this.v32) continue;
        const op = item[method];
        if (!isObj(op)) continue;
        if (fixedQuery !== undefined) {
          const route = `${method} ${path}`;
          if (routes.has(route)) {
            // Two operations told apart only by the query in their keys: no server routes on that.
            this.problems.push({
              severity: 'warning',
              code: 'path-holds-query',
              pointer: joinPointer(itemSite.pointer, method),
              message: `the path ${JSON.stringify(key)} holds a query string, and another ${method.toUpperCase()} ${path} exists: this operation is left out`,
            });
            continue;
          }
        }
        const operation = this.operation(
          path,
          method,
          op,
          item,
          { url: site.url, pointer: joinPointer(site.pointer, method) },
          itemSite,
        );
        routes.add(`${method} ${path}`);
        if (fixedQuery !== undefined) {
          this.problems.push({
            severity: 'warning',
            code: 'path-holds-query',
            pointer: joinPointer(itemSite.pointer, method),
            message: `the path ${JSON.stringify(key)} holds a query string: read as ${path} with its fixed pairs as required query parameters`,
          });
          for (const [name, value] of fixedQuery) {
            if (operation.parameters.some((p) => p.in === 'query' && p.name === name)) continue;
            operation.parameters.push({
              name,
              in: 'query',
              required: true,
              style: 'form',
              explode: true,
              allowReserved: false,
              schema: { const: value },
              deprecated: false,
              examples: [value],
            });
          }
        }
        operations.push(operation);
      }
      if (this.v32) operations.push(...this.additionalOperations(path, item, site, itemSite));
    }
    return operations;
  }

  /** OpenAPI 3.2 `additionalOperations`: methods other than the fixed fields, keyed as sent on the wire. */
  private additionalOperations(path: string, item: Obj, site: RefSite, itemSite: RefSite): Operation[] {
    if (!isObj(item.additionalOperations)) return [];
    const out: Operation[] = [];
    const extraSite = { url: site.url, pointer: joinPointer(site.pointer, 'additionalOperations') };
    const extraItemSite = {
      url: itemSite.url,
      pointer: joinPointer(itemSite.pointer, 'additionalOperations'),
    };
    for (const [method, op] of Object.entries(item.additionalOperations)) {
      if (!isObj(op)) continue;
      const fixed = (METHODS as readonly string[]).includes(method.toLowerCase());
      if (!METHOD_TOKEN.test(method) || fixed) {
        // §4.8.9: a fixed method must be written as its field, never here; such an entry is not sent.
        this.problems.push({
          severity: 'warning',
          code: 'additional-operation',
          pointer: joinPointer(extraItemSite.pointer, method),
          message: fixed
            ? `additionalOperations names ${method}, a method with its own Path Item field; the entry is not tested`
            : `additionalOperations key ${JSON.stringify(method)} is not an HTTP method token; the entry is not tested`,
        });
        continue;
      }
      out.push(
        this.operation(
          path,
          method,
          op,
          item,
          { url: extraSite.url, pointer: joinPointer(extraSite.pointer, method) },
          extraItemSite,
        ),
      );
    }
    return out;
  }

  /** Follows `$ref`s of non-schema objects (parameters, responses …): they are inlined in the model. */
  deref(value: unknown, site: RefSite): [unknown, RefSite] {
    let current = value;
    let at = site;
    for (let hops = 0; isObj(current) && typeof current.$ref === 'string'; hops++) {
      if (hops > 32) throw this.docs.resolve('#/__assay_reference_loop__', at);
      const target = this.docs.resolve(current.$ref, {
        url: at.url,
        pointer: joinPointer(at.pointer, '$ref'),
      });
      current = target.value;
      at = { url: target.url, pointer: target.pointer };
    }
    return [current, at];
  }

  private operation(
    path: string,
    method: string,
    op: Obj,
    item: Obj,
    site: RefSite,
    itemSite: RefSite,
  ): Operation {
    const pointer = joinPointer(itemSite.pointer, method);
    const id = this.uniqueId(
      typeof op.operationId === 'string' && op.operationId !== ''
        ? op.operationId
        : generatedId(method, path),
      pointer,
    );
    const { parameters, body, formData } = this.parameters(item, op, site, itemSite);
    const operation: Operation = {
      id,
      method: method.toUpperCase() as HttpMethod,
      path,
      pointer,
      tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
      deprecated: op.deprecated === true,
      parameters,
      responses: this.responses(op, site),
      security: securityOf(op.security ?? this.root.security),
      extensions: Object.fromEntries(Object.entries(op).filter(([k]) => k.startsWith('x-'))),
    };
    if (typeof op.summary === 'string') operation.summary = op.summary;
    const requestBody = this.swagger ? this.swaggerBody(op, body, formData) : this.requestBody(op, site);
    if (requestBody !== undefined) operation.requestBody = requestBody;
    return operation;
  }

  private uniqueId(wanted: string, pointer: string): string {
    let id = wanted;
    for (let i = 2; this.usedIds.has(id); i++) id = `${wanted}_${i}`;
    if (id !== wanted) {
      this.problems.push({
        severity: 'warning',
        code: 'duplicate-operation-id',
        pointer: joinPointer(pointer, 'operationId'),
        message: `operationId ${JSON.stringify(wanted)} is used more than once; this operation is called ${JSON.stringify(id)}`,
      });
    }
    this.usedIds.add(id);
    return id;
  }

  private parameters(item: Obj, op: Obj, site: RefSite, itemSite: RefSite) {
    const merged = new Map<string, [Obj, RefSite]>();
    const add = (list: unknown, at: RefSite) => {
      if (!Array.isArray(list)) return;
      list.forEach((raw, i) => {
        const [param, paramSite] = this.deref(raw, {
          url: at.url,
          pointer: joinPointer(at.pointer, 'parameters', i),
        });
        if (!isObj(param) || typeof param.name !== 'string' || typeof param.in !== 'string') return;
        merged.set(`${param.in}\n${param.name}`, [param, paramSite]);
      });
    };
    add(item.parameters, itemSite);
    add(op.parameters, site);
    const parameters: Parameter[] = [];
    let body: [Obj, RefSite] | undefined;
    const formData: [Obj, RefSite][] = [];
    for (const [param, at] of merged.values()) {
      if (param.in === 'body') body = [param, at];
      else if (param.in === 'formData') formData.push([param, at]);
      else if (param.in === 'header' && IGNORED_HEADERS.has((param.name as string).toLowerCase())) continue;
      else if (LOCATIONS.has(param.in as string)) parameters.push(this.parameter(param, at));
    }
    return { parameters, body, formData };
  }

  private parameter(param: Obj, at: RefSite): Parameter {
    const location = param.in as ParameterLocation;
    let style: ParameterStyle = location === 'query' || location === 'cookie' ? 'form' : 'simple';
    let explode = style === 'form';
    let schema: JsonSchema;
    let contentType: string | undefined;
    const examples: unknown[] = [];
    if (this.swagger) {
      schema = this.swaggerParamSchema(param, at);
      // collectionFormat (Swagger 2.0 §4.3.3) as 3.x style/explode.
      if (param.type === 'array') {
        explode = false;
        switch (param.collectionFormat) {
          case 'multi':
            explode = true;
            break;
          case 'ssv':
            style = 'spaceDelimited';
            break;
          case 'pipes':
            style = 'pipeDelimited';
            break;
        }
      }
    } else {
      if (typeof param.style === 'string' && STYLES.has(param.style)) style = param.style as ParameterStyle;
      explode = typeof param.explode === 'boolean' ? param.explode : style === 'form';
      if (isObj(param.content)) {
        const [mediaType, media] = Object.entries(param.content)[0] ?? [];
        contentType = mediaType;
        schema =
          isObj(media) && media.schema !== undefined
            ? this.converter.convert(media.schema, {
                url: at.url,
                pointer: joinPointer(at.pointer, 'content', mediaType!, 'schema'),
              })
            : {};
      } else {
        schema =
          param.schema === undefined
            ? {}
            : this.converter.convert(param.schema, {
                url: at.url,
                pointer: joinPointer(at.pointer, 'schema'),
              });
      }
      examples.push(...this.examplesOf(param, at));
    }
    if (this.swagger && param['x-example'] !== undefined) examples.push(param['x-example']);
    const parameter: Parameter = {
      name: param.name as string,
      in: location,
      required: location === 'path' ? true : param.required === true,
      style,
      explode,
      allowReserved: param.allowReserved === true,
      schema,
      deprecated: param.deprecated === true,
      examples,
    };
    if (contentType !== undefined) parameter.contentType = contentType;
    if (typeof param.description === 'string') parameter.description = param.description;
    return parameter;
  }

  private swaggerParamSchema(param: Obj, at: RefSite): JsonSchema {
    const raw: Obj = {};
    for (const key of SWAGGER_PARAM_SCHEMA_KEYS) if (param[key] !== undefined) raw[key] = param[key];
    return this.converter.convert(raw, at);
  }

  private examplesOf(holder: Obj, at: RefSite): unknown[] {
    const out: unknown[] = [];
    if (holder.example !== undefined) out.push(holder.example);
    if (isObj(holder.examples)) {
      for (const [name, raw] of Object.entries(holder.examples)) {
        try {
          const [example] = this.deref(raw, {
            url: at.url,
            pointer: joinPointer(at.pointer, 'examples', name),
          });
          if (isObj(example) && Object.hasOwn(example, 'value')) out.push(example.value);
        } catch {
          this.problems.push({
            severity: 'warning',
            code: 'example-ref',
            pointer: joinPointer(at.pointer, 'examples', name),
            message: 'an example reference cannot be followed; example ignored',
          });
        }
      }
    }
    return out;
  }

  private requestBody(op: Obj, site: RefSite): RequestBody | undefined {
    if (op.requestBody === undefined) return undefined;
    const [body, at] = this.deref(op.requestBody, {
      url: site.url,
      pointer: joinPointer(site.pointer, 'requestBody'),
    });
    if (!isObj(body)) return undefined;
    const requestBody: RequestBody = {
      required: body.required === true,
      content: this.content(body.content, at),
    };
    if (typeof body.description === 'string') requestBody.description = body.description;
    return requestBody;
  }

  private swaggerBody(
    op: Obj,
    body: [Obj, RefSite] | undefined,
    formData: [Obj, RefSite][],
  ): RequestBody | undefined {
    const consumes = mediaTypes(op.consumes ?? this.root.consumes, ['application/json']);
    if (body !== undefined) {
      const [param, at] = body;
      const schema = this.converter.convert(param.schema ?? {}, {
        url: at.url,
        pointer: joinPointer(at.pointer, 'schema'),
      });
      const content: Record<string, MediaTypeSpec> = {};
      for (const mediaType of consumes)
        content[mediaType] = {
          mediaType,
          schema,
          examples: param['x-example'] === undefined ? [] : [param['x-example']],
        };
      const requestBody: RequestBody = { required: param.required === true, content };
      if (typeof param.description === 'string') requestBody.description = param.description;
      return requestBody;
    }
    if (formData.length === 0) return undefined;
    // formData parameters are the properties of one form body (Swagger 2.0 §4.3.3, "in": "formData").
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    let hasFile = false;
    for (const [param, at] of formData) {
      const name = param.name as string;
      if (param.type === 'file') hasFile = true;
      properties[name] = this.swaggerParamSchema(param, at);
      if (param.required === true) required.push(name);
    }
    const formTypes = consumes.filter(
      (t) => t === 'multipart/form-data' || t === 'application/x-www-form-urlencoded',
    );
    const types =
      formTypes.length > 0
        ? formTypes
        : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
    const schema: JsonSchema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
    const content: Record<string, MediaTypeSpec> = {};
    for (const mediaType of types) content[mediaType] = { mediaType, schema, examples: [] };
    return { required: required.length > 0, content };
  }

  private content(raw: unknown, at: RefSite): Record<string, MediaTypeSpec> {
    const content: Record<string, MediaTypeSpec> = {};
    if (!isObj(raw)) return content;
    for (const [declared, rawMedia] of Object.entries(raw)) {
      const mediaType = declared.split(';')[0]!.trim().toLowerCase();
      if (Object.hasOwn(content, mediaType)) continue;
      const mediaSite = { url: at.url, pointer: joinPointer(at.pointer, 'content', declared) };
      // OpenAPI 3.2 media types may be `$ref`s into `components.mediaTypes`.
      const [derefMedia, mediaAt] = this.deref(rawMedia, mediaSite);
      const media = isObj(derefMedia) ? derefMedia : {};
      const schema =
        media.schema === undefined
          ? {}
          : this.converter.convert(media.schema, {
              url: mediaSite.url,
              pointer: joinPointer(mediaAt.pointer, 'schema'),
            });
      const spec: MediaTypeSpec = { mediaType, schema, examples: this.examplesOf(media, mediaAt) };
      if (media.itemSchema !== undefined) {
        spec.itemSchema = this.converter.convert(media.itemSchema, {
          url: mediaAt.url,
          pointer: joinPointer(mediaAt.pointer, 'itemSchema'),
        });
      }
      if (isObj(media.encoding)) spec.encoding = this.encoding(media.encoding, mediaAt);
      content[mediaType] = spec;
    }
    return content;
  }

  private encoding(raw: Obj, at: RefSite): Record<string, PropertyEncoding> {
    const out: Record<string, PropertyEncoding> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (!isObj(value)) continue;
      const encoding: PropertyEncoding = {};
      if (typeof value.contentType === 'string') encoding.contentType = value.contentType;
      if (
        value.style === 'form' ||
        value.style === 'spaceDelimited' ||
        value.style === 'pipeDelimited' ||
        value.style === 'deepObject'
      )
        encoding.style = value.style;
      if (typeof value.explode === 'boolean') encoding.explode = value.explode;
      if (typeof value.allowReserved === 'boolean') encoding.allowReserved = value.allowReserved;
      if (isObj(value.headers)) {
        const headers: Record<string, JsonSchema> = {};
        for (const header of Object.values(
          this.headers(value.headers, {
            url: at.url,
            pointer: joinPointer(at.pointer, 'encoding', name, 'headers'),
          }),
        ))
          headers[header.name] = header.schema;
        encoding.headers = headers;
      }
      out[name] = encoding;
    }
    return out;
  }

  private responses(op: Obj, site: RefSite): Record<string, ResponseSpec> {
    const out: Record<string, ResponseSpec> = {};
    if (!isObj(op.responses)) return out;
    const produces = this.swagger ? mediaTypes(op.produces ?? this.root.produces, ['application/json']) : [];
    for (const [status, raw] of Object.entries(op.responses)) {
      if (status.startsWith('x-')) continue;
      const [response, at] = this.deref(raw, {
        url: site.url,
        pointer: joinPointer(site.pointer, 'responses', status),
      });
      if (!isObj(response)) continue;
      const spec: ResponseSpec = {
        status,
        content: {},
        headers: this.headers(response.headers, { url: at.url, pointer: joinPointer(at.pointer, 'headers') }),
      };
      if (typeof response.description === 'string') spec.description = response.description;
      if (this.swagger) {
        if (response.schema !== undefined) {
          const schema = this.converter.convert(response.schema, {
            url: at.url,
            pointer: joinPointer(at.pointer, 'schema'),
          });
          const examples = isObj(response.examples) ? response.examples : {};
          for (const mediaType of produces) {
            spec.content[mediaType] = {
              mediaType,
              schema,
              examples: Object.hasOwn(examples, mediaType) ? [examples[mediaType]] : [],
            };
          }
        }
      } else {
        spec.content = this.content(response.content, at);
        const links = this.links(response.links, { url: at.url, pointer: joinPointer(at.pointer, 'links') });
        if (links.length > 0) spec.links = links;
      }
      out[status] = spec;
    }
    return out;
  }

  /**
   * A response's Link Objects (OpenAPI 3.x §4.8.20). An `operationRef` is kept as written with an
   * empty operationId; the loader resolves it once every operation has its id.
   */
  private links(raw: unknown, at: RefSite): ResponseLink[] {
    const out: ResponseLink[] = [];
    if (!isObj(raw)) return out;
    for (const [name, rawLink] of Object.entries(raw)) {
      const [link] = this.deref(rawLink, { url: at.url, pointer: joinPointer(at.pointer, name) });
      if (!isObj(link)) continue;
      const parameters = isObj(link.parameters) ? { ...link.parameters } : {};
      if (typeof link.operationId === 'string') out.push({ name, operationId: link.operationId, parameters });
      else if (typeof link.operationRef === 'string')
        out.push({ name, operationId: '', operationRef: link.operationRef, parameters });
    }
    return out;
  }

  private headers(raw: unknown, at: RefSite): Record<string, HeaderSpec> {
    const out: Record<string, HeaderSpec> = {};
    if (!isObj(raw)) return out;
    for (const [declared, rawHeader] of Object.entries(raw)) {
      const name = declared.toLowerCase();
      if (name === 'content-type') continue;
      const [header, headerSite] = this.deref(rawHeader, {
        url: at.url,
        pointer: joinPointer(at.pointer, declared),
      });
      if (!isObj(header)) continue;
      let schema: JsonSchema = {};
      if (this.swagger) {
        schema = this.swaggerParamSchema(header, headerSite);
      } else if (header.schema !== undefined) {
        schema = this.converter.convert(header.schema, {
          url: headerSite.url,
          pointer: joinPointer(headerSite.pointer, 'schema'),
        });
      } else if (isObj(header.content)) {
        const [mediaType, media] = Object.entries(header.content)[0] ?? [];
        if (isObj(media) && media.schema !== undefined) {
          schema = this.converter.convert(media.schema, {
            url: headerSite.url,
            pointer: joinPointer(headerSite.pointer, 'content', mediaType!, 'schema'),
          });
        }
      }
      out[name] = { name, required: header.required === true, schema: schema };
    }
    return out;
  }
}

function generatedId(method: string, path: string): string {
  const tail = path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return tail === '' ? method : `${method}_${tail}`;
}

function mediaTypes(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  const types = [
    ...new Set(
      value
        .filter((t): t is string => typeof t === 'string')
        .map((t) => t.split(';')[0]!.trim().toLowerCase()),
    ),
  ];
  return types.length > 0 ? types : fallback;
}

function securityOf(value: unknown): SecurityRequirement[] {
  if (!Array.isArray(value)) return [];
  const out: SecurityRequirement[] = [];
  for (const requirement of value) {
    if (!isObj(requirement)) continue;
    const entry: SecurityRequirement = {};
    for (const [name, scopes] of Object.entries(requirement)) {
      entry[name] = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
    }
    out.push(entry);
  }
  return out;
}
