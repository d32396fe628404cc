import type { JsonSchema, NegativeReason, Parameter } from '@assay/model';
import { isJsonMedia } from './body-codec.js';
import { keywordViolations } from './keyword-violations.js';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import { type Mutation, type MutationTarget, mutationsFor } from './negative-cases.js';
import { type RequestPlan, topLevelProperties, topLevelRequired } from './request-plan.js';
import { schemaTypes } from './schema-types.js';

function itemsSchema(schema: JsonSchema, defs: Record<string, JsonSchema>): JsonSchema | undefined {
  const items = flatSchemaOrUndefined(schema, defs)?.items;
  return typeof items === 'boolean' ? undefined : items;
}

/** One invalid change to a request: a parameter's value (undefined: left out) or a body value. */
export type NegativeTarget =
  | { kind: 'param'; index: number; mutation: Mutation }
  | { kind: 'body'; pointer: string; path: readonly string[]; mutation: Mutation };

/** A JSON pointer (RFC 6901) from property names. */
export function pointerOf(path: readonly string[]): string {
  return path.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A `querystring` parameter (OpenAPI 3.2) travels where query parameters do. */
function wireTarget(location: Parameter['in']): MutationTarget {
  return location === 'querystring' ? 'query' : location;
}

/** Every single-change invalidation an operation allows, grouped by what is changed. */
export function negativeTargets(plan: RequestPlan): NegativeTarget[][] {
  const groups: NegativeTarget[][] = [];
  plan.params.forEach((p, index) => {
    const { parameter } = p;
    const group: NegativeTarget[] = [];
    if (p.shape === 'primitive' || parameter.contentType !== undefined) {
      const target: MutationTarget = parameter.contentType !== undefined ? 'json' : wireTarget(parameter.in);
      for (const mutation of mutationsFor(parameter.schema, plan.defs, target))
        group.push({ kind: 'param', index, mutation });
    }
    if (p.shape === 'array' && parameter.contentType === undefined) {
      // One invalid item in a one-item list: `status=not-an-allowed-value` for a list of enum values.
      const items = itemsSchema(parameter.schema, plan.defs);
      if (items !== undefined) {
        for (const mutation of mutationsFor(items, plan.defs, wireTarget(parameter.in))) {
          group.push({
            kind: 'param',
            index,
            mutation: { ...mutation, value: [mutation.value], message: `item ${mutation.message}` },
          });
        }
      }
    }
    if (parameter.required && parameter.in !== 'path') {
      group.push({
        kind: 'param',
        index,
        mutation: { value: undefined, keyword: 'required', message: 'the required parameter is missing' },
      });
    }
    if (group.length > 0) groups.push(group);
  });
  const body = plan.body;
  if (body === undefined) return groups;
  const schema = body.media.schema;
  const json = isJsonMedia(body.media.mediaType);
  if (body.required) {
    groups.push([
      {
        kind: 'body',
        pointer: '',
        path: [],
        mutation: { value: undefined, keyword: 'required', message: 'the required body is missing' },
      },
    ]);
  }
  // Multipart fields are read in too many ways (files, per-part content types) to be sure of any
  // single reading. Urlencoded fields are read like query parameters, so on request their scalar
  // fields get the same wire-text cases; JSON bodies always get typed ones.
  const form =
    body.media.mediaType === 'application/x-www-form-urlencoded' && plan.options.formBodyNegatives === true;
  if (!json && !form) return groups;
  if (json) {
    const whole = mutationsFor(schema, plan.defs, 'json').filter((m) => m.keyword === 'type');
    // The whole body built to break one keyword of its root that only the whole object or array can
    // break (if/then/else, dependentSchemas, unevaluatedProperties, uniqueItems, contains …).
    whole.push(...keywordViolations(schema, plan.defs));
    if (whole.length > 0)
      groups.push(whole.map((mutation) => ({ kind: 'body', pointer: '', path: [], mutation })));
  }
  if (!schemaTypes(schema, plan.defs).includes('object')) return groups;
  const properties = topLevelProperties(schema, plan.defs);
  for (const [name, propertySchema] of Object.entries(properties)) {
    const types = schemaTypes(propertySchema, plan.defs);
    if (form && (types.includes('object') || types.includes('array'))) continue;
    const mutations = mutationsFor(propertySchema, plan.defs, json ? 'json' : 'query');
    if (mutations.length > 0) groups.push(mutations.map((mutation) => bodyTarget([name], mutation)));
    // One level down, for JSON: all changes inside one object property form one group, so nested
    // objects do not crowd out the top-level properties.
    if (json && types.includes('object')) {
      const nested: NegativeTarget[] = [];
      for (const [inner, innerSchema] of Object.entries(topLevelProperties(propertySchema, plan.defs))) {
        for (const mutation of mutationsFor(innerSchema, plan.defs, 'json'))
          nested.push(bodyTarget([name, inner], mutation));
      }
      for (const inner of topLevelRequired(propertySchema, plan.defs))
        nested.push(bodyTarget([name, inner], missing(inner)));
      if (nested.length > 0) groups.push(nested);
    }
  }
  const required = topLevelRequired(schema, plan.defs);
  if (required.length > 0) groups.push(required.map((name) => bodyTarget([name], missing(name))));
  return groups;
}

function bodyTarget(path: string[], mutation: Mutation): NegativeTarget {
  return { kind: 'body', pointer: pointerOf(path), path, mutation };
}

function missing(name: string): Mutation {
  return { value: undefined, keyword: 'required', message: `the required property ${name} is missing` };
}

/** The reason a negative request carries. */
export function reasonFor(plan: RequestPlan, target: NegativeTarget): NegativeReason {
  if (target.kind === 'param') {
    const parameter = plan.params[target.index]!.parameter;
    return {
      location: parameter.in,
      name: parameter.name,
      keyword: target.mutation.keyword,
      value: target.mutation.value,
      message: `${parameter.in} parameter ${parameter.name}: ${target.mutation.message}`,
    };
  }
  return {
    location: 'body',
    name: target.pointer,
    keyword: target.mutation.keyword,
    value: target.mutation.value,
    message: `body ${target.pointer === '' ? '(root)' : target.pointer}: ${target.mutation.message}`,
  };
}

/** Applies a body change to a generated body; undefined when it does not apply to that body. */
export function mutateBody(
  base: unknown,
  target: NegativeTarget & { kind: 'body' },
): { value: unknown } | undefined | 'absent' {
  if (target.path.length === 0)
    return target.mutation.value === undefined ? 'absent' : { value: target.mutation.value };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(base)) return undefined;
  const root: Record<string, unknown> = { ...base };
  let parent = root;
  for (const token of target.path.slice(0, -1)) {
    const child = parent[token];
    // The change needs its parent object: a body without it cannot carry this case.
    if (!isObject(child)) return undefined;
    parent[token] = { ...child };
    parent = parent[token] as Record<string, unknown>;
  }
  const last = target.path[target.path.length - 1]!;
  if (target.mutation.value === undefined) {
    if (!Object.hasOwn(parent, last) && target.path.length > 1) return undefined;
    delete parent[last];
  } else parent[last] = target.mutation.value;
  return { value: root };
}
