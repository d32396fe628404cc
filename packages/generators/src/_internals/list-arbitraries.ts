import type { JsonSchema, Operation } from '@assay/model';
import fc from 'fast-check';
import type { RequestOptions } from '../request/request-options.js';
import { interpretText, type Validity } from './interpret-wire.js';
import { flatSchemaOrUndefined } from './merge-schemas.js';
import { scalarText } from './parameter-wire.js';
import type { ParamPlan } from './request-plan.js';

/** Values for several parameters drawn together (a page number depends on the page size). */
export interface ListOverride {
  params: string[];
  value: fc.Arbitrary<unknown[]>;
  /**
   * How often the override replaces a value the schema alone would give, out of 5. Pagination
   * parameters always use realistic values; ordering, search and filters keep some schema values.
   */
  weight: 5 | 4 | 3;
  /** Where the parameters are; query unless said. */
  location?: 'query' | 'path';
}

const ID_KEYS = ['slug', 'name', 'key'];

/**
 * Path parameters that name an item (`{id}`, `{stage_uuid}`, `{slug}`) take, three times in five,
 * an identifier seen in an earlier response, so item operations reach items that exist instead of
 * answering 404 to every made-up identifier.
 */
export function seenPathOverrides(
  plans: ParamPlan[],
  options: RequestOptions,
  valid: Validity,
): ListOverride[] {
  const seen = options.seen ?? {};
  const out: ListOverride[] = [];
  for (const plan of plans) {
    if (plan.parameter.in !== 'path' || plan.shape !== 'primitive') continue;
    const name = plan.parameter.name;
    // `{stage_uuid}` may hold what responses call `pk`: every identifier-like key is a candidate,
    // and the parameter's schema (a uuid format, an integer type) keeps the ones that fit.
    const idLike = /(^|_)(id|pk|uuid)$/i.test(name);
    const keys = [name, ...(idLike ? ['pk', 'id', 'uuid'] : ID_KEYS.filter((k) => name.endsWith(`_${k}`)))];
    const values = [...new Set(keys)].flatMap((key) => seen[key] ?? []);
    const accepted = acceptedTexts(values, plan.parameter.schema, options.defs, valid).filter(
      (v) => String(v) !== '',
    );
    if (accepted.length > 0)
      out.push({
        params: [name],
        value: fc.constantFrom(...accepted).map((v) => [v]),
        weight: 3,
        location: 'path',
      });
  }
  return out;
}

/** The integer range a parameter's schema allows, clipped to [low, high]; undefined if it is not an integer parameter. */
function integerRange(
  p: ParamPlan,
  defs: Record<string, JsonSchema>,
  low: number,
  high: number,
): [number, number] | undefined {
  const s = flatSchemaOrUndefined(p.parameter.schema, defs);
  if (s === undefined || s.enum !== undefined) return undefined;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (!types.includes('integer') && !types.includes('number')) return undefined;
  const min = Math.max(
    low,
    Math.ceil(s.minimum ?? low),
    typeof s.exclusiveMinimum === 'number' ? Math.floor(s.exclusiveMinimum) + 1 : low,
  );
  const max = Math.min(
    high,
    Math.floor(s.maximum ?? high),
    typeof s.exclusiveMaximum === 'number' ? Math.ceil(s.exclusiveMaximum) - 1 : high,
  );
  return min <= max ? [min, max] : undefined;
}

/** Keeps seen values the parameter's schema accepts once they have travelled as text. */
function acceptedTexts(
  values: readonly unknown[],
  schema: JsonSchema,
  defs: Record<string, JsonSchema>,
  valid: Validity,
): unknown[] {
  const out = new Map<string, unknown>();
  for (const value of values) {
    if (value === null || typeof value === 'object') continue;
    const text = scalarText(value);
    if (out.has(text)) continue;
    const read = interpretText(text, schema, defs, valid);
    if (valid(schema, read)) out.set(text, read);
    if (out.size >= 64) break;
  }
  return [...out.values()];
}

/** Scalar property names of the list's items: what an ordering parameter can name. */
function orderingFields(operation: Operation, defs: Record<string, JsonSchema>): string[] {
  const list = operation.list;
  if (list === undefined) return [];
  if (list.ordering && list.ordering.fields.length > 0) return list.ordering.fields;
  const item = flatSchemaOrUndefined(list.itemSchema, defs);
  return Object.keys(item?.properties ?? {});
}

/**
 * List-aware values for a paginated operation's parameters: page sizes from 1 to a few times the
 * list's size, page numbers from the first page to past the last one, offsets past the end,
 * ordering by item property names (descending with `-`, several joined by commas), and filter and
 * search values taken from what earlier responses contained.
 */
export function listOverrides(
  operation: Operation,
  plans: ParamPlan[],
  options: RequestOptions,
  valid: Validity,
): ListOverride[] {
  const list = operation.list;
  if (list === undefined) return [];
  const defs = options.defs;
  const size = Math.max(1, options.listSize ?? 20);
  const byName = (name: string | undefined) =>
    name === undefined
      ? undefined
      : plans.find((p) => p.parameter.name === name && p.parameter.in === 'query');
  const out: ListOverride[] = [];
  const pagination = list.pagination;
  if (pagination !== undefined) {
    const sizePlan = byName(pagination.pageSizeParam ?? pagination.limitParam);
    const pagePlan = byName(pagination.pageParam);
    const offsetPlan = byName(pagination.offsetParam);
    const maxSize = Math.min(pagination.maxPageSize ?? Number.POSITIVE_INFINITY, size * 3);
    const sizeRange = sizePlan ? integerRange(sizePlan, defs, 1, Math.max(1, maxSize)) : undefined;
    const first = pagination.firstPage;
    const pageRange = pagePlan ? integerRange(pagePlan, defs, first, first + size + 2) : undefined;
    if (sizePlan && sizeRange && pagePlan && pageRange) {
      const pageSizes = fc.integer({ min: sizeRange[0], max: sizeRange[1] });
      out.push({
        params: [sizePlan.parameter.name, pagePlan.parameter.name],
        value: fc.tuple(pageSizes, fc.nat()).map(([pageSize, k]) => {
          const lastPage = Math.max(1, Math.ceil(size / pageSize));
          // From the first page to one page past the last one.
          const page = Math.min(pageRange[1], Math.max(pageRange[0], first + (k % (lastPage + 1))));
          return [pageSize, page];
        }),
        weight: 5,
      });
    } else {
      if (sizePlan && sizeRange)
        out.push({
          params: [sizePlan.parameter.name],
          value: fc.integer({ min: sizeRange[0], max: sizeRange[1] }).map((n) => [n]),
          weight: 5,
        });
      if (pagePlan && pageRange)
        out.push({
          params: [pagePlan.parameter.name],
          value: fc.integer({ min: pageRange[0], max: pageRange[1] }).map((n) => [n]),
          weight: 5,
        });
    }
    // A made-up cursor names no item, and servers answer it with an error although its text is valid:
    // cursors come from items seen (their identifiers) or are left out; page walks set real ones.
    const cursorPlan = byName(pagination.cursorParam);
    if (cursorPlan && !cursorPlan.parameter.required) {
      const ids = acceptedTexts(
        options.seen?.[list.identifier ?? 'id'] ?? [],
        cursorPlan.parameter.schema,
        defs,
        valid,
      );
      out.push({
        params: [cursorPlan.parameter.name],
        value: ids.length > 0 ? fc.constantFrom(...ids).map((id) => [id]) : fc.constant([undefined]),
        weight: 5,
      });
    }
    const offsetRange = offsetPlan ? integerRange(offsetPlan, defs, 0, size + 5) : undefined;
    if (offsetPlan && offsetRange)
      out.push({
        params: [offsetPlan.parameter.name],
        value: fc.integer({ min: offsetRange[0], max: offsetRange[1] }).map((n) => [n]),
        weight: 5,
      });
  }
  const orderingPlan = byName(list.ordering?.param ?? (byName('ordering') ? 'ordering' : undefined));
  const fields = orderingFields(operation, defs);
  if (orderingPlan && fields.length > 0) {
    const terms = fc.uniqueArray(fc.tuple(fc.constantFrom(...fields), fc.boolean()), {
      minLength: 1,
      maxLength: Math.min(2, fields.length),
      selector: ([field]) => field,
    });
    const orderings = terms.map((pairs) =>
      pairs.map(([field, descending]) => (descending ? `-${field}` : field)).join(','),
    );
    const schema = orderingPlan.parameter.schema;
    const fits = fc
      .sample(orderings, { numRuns: 20, seed: 1 })
      .every((text) => valid(schema, interpretText(text, schema, defs, valid)));
    if (fits)
      out.push({ params: [orderingPlan.parameter.name], value: orderings.map((text) => [text]), weight: 4 });
  }
  const seen = options.seen ?? {};
  const searchPlan = byName(list.search?.param);
  if (searchPlan) {
    const strings = Object.values(seen).flatMap((values) =>
      values.filter((v): v is string => typeof v === 'string' && v !== ''),
    );
    const accepted = acceptedTexts(strings, searchPlan.parameter.schema, defs, valid);
    if (accepted.length > 0) {
      // A whole value or a piece of it: search usually matches substrings.
      const pieces = fc
        .tuple(fc.constantFrom(...accepted), fc.nat(), fc.boolean())
        .map(([value, start, whole]) => {
          // Code points, not UTF-16 units: a cut through a surrogate pair is not text a client can send.
          const chars = Array.from(String(value));
          if (whole || chars.length < 3) return value;
          const from = start % (chars.length - 1);
          const piece = chars.slice(from, from + Math.max(2, Math.ceil(chars.length / 2))).join('');
          return valid(searchPlan.parameter.schema, piece) ? piece : value;
        });
      out.push({ params: [searchPlan.parameter.name], value: pieces.map((v) => [v]), weight: 4 });
    }
  }
  for (const filter of list.filters) {
    const plan = byName(filter.param);
    const values = seen[filter.property];
    if (!plan || values === undefined) continue;
    const accepted = acceptedTexts(values, plan.parameter.schema, defs, valid);
    if (accepted.length > 0)
      out.push({
        params: [plan.parameter.name],
        value: fc.constantFrom(...accepted).map((v) => [v]),
        weight: 4,
      });
  }
  return out;
}
