import type { ApiResource, JsonSchema, Operation } from '@assay/model';
import type { BodyFactory } from './body-factory.js';
import { buildDataset, type Dataset } from './build-dataset.js';
import { hashSeed } from './hash-seed.js';
import type { MockContext } from './mock-context.js';
import { objectProperties } from './object-properties.js';
import { resolveSchema } from './resolve-schema.js';
import { schemaTypes } from './schema-types.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

/** The items one collection holds now, and what the writes did to it. */
export interface StoredCollection {
  /** The dataset as it is now: seeded, then changed by every write since. */
  dataset: Dataset;
  /** How many items the seed made: what a count that ignores writes still says. */
  seeded: number;
  /** The property that identifies an item, when there is one. */
  identifier?: string;
  /** The schema of one item (response view). */
  itemSchema: JsonSchema;
  /** Identifiers (as text) of created items: the `create-not-listed` and `create-unreadable` faults hide them. */
  created: Set<string>;
  /**
   * The next identifier for a created item in `property` (the collection's identifier unless the
   * resource names another), drawn from that property's own sequence.
   */
  nextId(property: string): unknown;
}

/** Every collection's items, built from the seed on first use, changed by writes, reset to the seed. */
export interface DatasetStore {
  /** The collection a list operation serves. */
  ofList(operation: Operation): StoredCollection;
  /** The collection a resource's operations act on (its list's, when it has one). */
  ofResource(resource: ApiResource): StoredCollection | undefined;
  /** Forgets every write: the next request sees the seeded datasets again. */
  reset(): void;
}

/**
 * Keeps the mock's datasets. A request is answered synchronously from start to end, so each one
 * reads and writes the store as one atomic step: concurrent clients see a consistent dataset, as
 * if the requests had been made one after another in the order the server took them.
 */
export function datasetStore(ctx: MockContext, factory: BodyFactory): DatasetStore {
  const operations = new Map(ctx.api.operations.map((operation) => [operation.id, operation]));
  let collections = new Map<string, StoredCollection>();

  const collection = (
    key: string,
    itemSchema: JsonSchema,
    identifier: string | undefined,
    build: () => Dataset,
  ): StoredCollection => {
    let found = collections.get(key);
    if (found === undefined) {
      const dataset = build();
      const sequences = new Map<string, () => unknown>();
      found = {
        dataset,
        seeded: dataset.items.length,
        itemSchema,
        created: new Set(),
        nextId(property) {
          let next = sequences.get(property);
          if (next === undefined) {
            const random = seededRandom(hashSeed(ctx.seed, key, property, 'created ids'));
            next = idSequence(ctx, factory, key, itemSchema, property, dataset, random);
            sequences.set(property, next);
          }
          return next();
        },
        ...(identifier === undefined ? {} : { identifier }),
      };
      collections.set(key, found);
    }
    return found;
  };

  const ofList = (operation: Operation): StoredCollection => {
    const list = operation.list;
    if (list === undefined) return collection(operation.id, {}, undefined, () => ({ items: [], hidden: [] }));
    return collection(operation.id, list.itemSchema, list.identifier, () =>
      buildDataset(ctx, factory, operation, list, ctx.faults.has('filter-leaks-hidden-items')),
    );
  };

  return {
    ofList,
    ofResource(resource) {
      const list = resource.list === undefined ? undefined : operations.get(resource.list);
      if (list?.list !== undefined) return ofList(list);
      const create = resource.create === undefined ? undefined : operations.get(resource.create);
      const schema = create === undefined ? undefined : createdSchema(create);
      if (schema === undefined) return undefined;
      return collection(`resource ${resource.collection}`, schema, resource.idProperty, () => ({
        items: [],
        hidden: [],
      }));
    },
    reset() {
      collections = new Map();
    },
  };
}

/** The JSON schema of what a create answers: the resource's item schema when it has no list. */
function createdSchema(create: Operation): JsonSchema | undefined {
  const status =
    Object.keys(create.responses).find((s) => s === '201') ??
    Object.keys(create.responses).find((s) => /^2/.test(s));
  const content = status === undefined ? undefined : create.responses[status]?.content;
  return Object.values(content ?? {}).find((m) => /json/.test(m.mediaType))?.schema;
}

/**
 * New identifiers for created items: one more than the largest numeric one (never reused after a
 * delete, as a database sequence), a fresh uuid, or a generated value no item has.
 */
function idSequence(
  ctx: MockContext,
  factory: BodyFactory,
  key: string,
  itemSchema: JsonSchema,
  identifier: string,
  dataset: Dataset,
  random: SeededRandom,
): () => unknown {
  const existing = [...dataset.items, ...dataset.hidden].map((item) => item[identifier]);
  const numbers = existing.filter((v): v is number => typeof v === 'number');
  const strings = existing.filter((v): v is string => typeof v === 'string');
  const takenNumbers = new Set(numbers);
  // Past the largest safe integer (generated ids can be that large) the sequence starts over at 1.
  let next = Math.max(0, ...numbers) + 1;
  if (!Number.isSafeInteger(next)) next = 1;
  const nextNumber = (): number => {
    // Near the largest safe integer `next + 1` stops moving (2 ** 53 + 1 === 2 ** 53), so the
    // sequence wraps to 1 rather than spinning on a value that is already taken.
    while (takenNumbers.has(next) || !Number.isSafeInteger(next)) {
      next = Number.isSafeInteger(next + 1) ? next + 1 : 1;
    }
    takenNumbers.add(next);
    return next;
  };
  let round = 0;
  const idSchema = identifierSchema(ctx, itemSchema, identifier);
  return () => {
    if (numbers.length > 0 || (strings.length === 0 && isNumeric(ctx, idSchema))) return nextNumber();
    const format = resolveSchema(idSchema, ctx.defs).format;
    if ((strings.length > 0 && strings.every(isUuid)) || (strings.length === 0 && format === 'uuid'))
      return uuid(random);
    const taken = new Set(dataset.items.map((item) => JSON.stringify(item[identifier])));
    for (; round < 1000; round++) {
      let candidates: unknown[] = [];
      try {
        candidates = factory.generate(idSchema ?? { type: 'string' }, `${key} created id ${round}`, 10);
      } catch {
        break;
      }
      const fresh = candidates.find((c) => c !== '' && c !== null && !taken.has(JSON.stringify(c)));
      if (fresh !== undefined) {
        round++;
        return fresh;
      }
    }
    return uuid(random);
  };
}

function identifierSchema(
  ctx: MockContext,
  itemSchema: JsonSchema,
  identifier: string,
): JsonSchema | undefined {
  return objectProperties(itemSchema, ctx.defs).get(identifier);
}

function isNumeric(ctx: MockContext, schema: JsonSchema | undefined): boolean {
  const types = schemaTypes(schema, ctx.defs);
  return (types.has('integer') || types.has('number')) && !types.has('string');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(text: string): boolean {
  return UUID.test(text);
}

function uuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[random.int(4)] ?? '8';
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
