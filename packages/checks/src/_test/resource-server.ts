import type { ApiResource, Exchange, Operation, ResourceStep, ResourceTrace } from '@assay/model';

/** The bugs the in-memory server can have: one per stateful check, as the mock's faults. */
export type ResourceBug =
  | 'delete-keeps-item'
  | 'create-unreadable'
  | 'create-answer-differs'
  | 'update-not-kept'
  | 'patch-drops-fields'
  | 'create-not-listed'
  | 'count-ignores-writes';

/** One call of a sequence; `target` picks among the ids created so far (modulo their number). */
export type Command =
  | { kind: 'create'; fields: Fields }
  | { kind: 'read' | 'delete'; target: number }
  | { kind: 'replace' | 'patch'; target: number; fields: Fields }
  | { kind: 'list' }
  | { kind: 'foreign-create' };

/** The writable fields of a thing. */
export interface Fields {
  name?: string;
  size?: number;
  done?: boolean;
}

export const RESOURCE: ApiResource = {
  collection: '/things',
  item: '/things/{thingId}',
  idParam: 'thingId',
  idSource: '$response.body#/id',
  idProperty: 'id',
  create: 'create',
  list: 'list',
  read: 'read',
  replace: 'replace',
  patch: 'patch',
  delete: 'delete',
  source: 'inferred',
};

const operation = (id: string, method: Operation['method'], path: string): Operation => ({
  id,
  method,
  path,
  pointer: '',
  tags: [],
  deprecated: false,
  parameters: [],
  // A missing item is documented as a 404, as use-after-free needs to judge a read after a delete.
  responses: { '404': { status: '404', headers: {}, content: {} } },
  security: [],
  extensions: {},
});

type Thing = Record<string, unknown> & { id: number };

/**
 * Runs commands against a small in-memory CRUD server (three seeded things, a `created_at` it
 * sets itself) with the given bug, and records the trace the stateful checks read.
 */
export function traceOf(commands: readonly Command[], bug?: ResourceBug, certain = true): ResourceTrace {
  const things: Thing[] = [1, 2, 3].map((id) => ({
    id,
    name: `seed ${id}`,
    size: id,
    done: false,
    created_at: 't0',
  }));
  const seeded = things.length;
  const created = new Set<number>();
  const ids: number[] = [];
  let next = 4;
  let clock = 1;
  const steps: ResourceStep[] = [];
  const record = (
    action: ResourceStep['action'],
    method: Operation['method'],
    path: string,
    status: number,
    body: unknown,
    sent?: Fields,
  ): Exchange => ({
    operation: operation(action, method, path),
    request: {
      method,
      path,
      query: '',
      headers: sent === undefined ? {} : { 'content-type': 'application/json' },
      ...(sent === undefined ? {} : { body: JSON.stringify(sent) }),
      operationId: action,
      mode: 'positive',
    },
    response: {
      status,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
      truncated: false,
      durationMs: 0,
    },
  });
  const writable = (fields: Fields): Fields =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

  for (const command of commands) {
    if (command.kind === 'foreign-create') {
      things.push({ id: next++, name: 'someone else', created_at: `t${clock++}` });
      continue;
    }
    if (command.kind === 'create') {
      const thing: Thing = { ...writable(command.fields), id: next++, created_at: `t${clock++}` };
      const stored = bug === 'create-answer-differs' ? { ...thing, done: thing.done !== true } : thing;
      things.push(stored);
      created.add(thing.id);
      ids.push(thing.id);
      steps.push({
        action: 'create',
        id: String(thing.id),
        exchange: record('create', 'POST', '/things', 201, thing, command.fields),
      });
      continue;
    }
    if (command.kind === 'list') {
      const listed = things.filter((t) => bug !== 'create-not-listed' || !created.has(t.id));
      const total = bug === 'count-ignores-writes' ? seeded : listed.length;
      steps.push({
        action: 'list',
        exchange: record('list', 'GET', '/things', 200, { count: total, results: listed.slice(0, 2) }),
        walk: { ids: listed.map((t) => String(t.id)), complete: true, total },
      });
      continue;
    }
    const id = ids.length === 0 ? 1 : (ids[command.target % ids.length] as number);
    const path = `/things/${id}`;
    const index = things.findIndex((t) => t.id === id);
    const found = things[index];
    const action = command.kind;
    const method = ({ read: 'GET', delete: 'DELETE', replace: 'PUT', patch: 'PATCH' } as const)[action];
    const sent = command.kind === 'replace' || command.kind === 'patch' ? command.fields : undefined;
    if (found === undefined || (action === 'read' && bug === 'create-unreadable' && created.has(id))) {
      steps.push({
        action,
        id: String(id),
        exchange: record(action, method, path, 404, { detail: 'Not found.' }, sent),
      });
      continue;
    }
    if (action === 'read') {
      steps.push({ action, id: String(id), exchange: record(action, method, path, 200, found, sent) });
    } else if (action === 'delete') {
      if (bug !== 'delete-keeps-item') things.splice(index, 1);
      steps.push({ action, id: String(id), exchange: record(action, method, path, 204, undefined) });
    } else {
      const base =
        action === 'patch' && bug !== 'patch-drops-fields'
          ? found
          : { id: found.id, created_at: found.created_at };
      const changed: Thing = { ...base, ...writable(sent ?? {}), id: found.id };
      if (bug !== 'update-not-kept') things[index] = changed;
      steps.push({ action, id: String(id), exchange: record(action, method, path, 200, changed, sent) });
    }
  }
  return { resource: RESOURCE, steps, volatile: ['created_at'], certain };
}
