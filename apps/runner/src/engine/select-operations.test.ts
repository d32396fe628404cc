import type { HttpMethod, Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectOperations } from './select-operations.js';

const operation = (id: string, method: HttpMethod, path: string, tags: string[] = []): Operation => ({
  id,
  method,
  path,
  pointer: '',
  tags,
  deprecated: false,
  parameters: [],
  responses: {},
  security: [],
  extensions: {},
});

const ops = [
  operation('list_pets', 'GET', '/pets', ['pets']),
  operation('create_pet', 'POST', '/pets', ['pets']),
  operation('get_user', 'GET', '/users/{id}', ['users']),
  operation('delete_user', 'DELETE', '/users/{id}', ['users']),
];
const none = { operations: [], tags: [], unsafe: true };

describe('selectOperations', () => {
  it('selects by operationId or "METHOD /path", and by tag (both must match)', () => {
    const ids = (selection: Parameters<typeof selectOperations>[1]) =>
      selectOperations(ops, selection).selected.map((op) => op.id);
    expect(ids({ ...none, operations: ['get_user'] })).toEqual(['get_user']);
    expect(ids({ ...none, operations: ['post /pets'] })).toEqual(['create_pet']);
    expect(ids({ ...none, tags: ['users'] })).toEqual(['get_user', 'delete_user']);
    expect(ids({ ...none, tags: ['users'], operations: ['get_user', 'list_pets'] })).toEqual(['get_user']);
  });

  it('keeps unsafe methods out without --unsafe, saying why', () => {
    const { selected, skipped } = selectOperations(ops, { ...none, unsafe: false });
    expect(selected.map((op) => op.method)).toEqual(['GET', 'GET']);
    expect(skipped.map((s) => s.operation.id)).toEqual(['create_pet', 'delete_user']);
    expect(skipped[0]!.reason).toContain('--unsafe');
  });

  it('rejects a spec without operations, saying so rather than blaming a selector', () => {
    expect(() => selectOperations([], none)).toThrow(/the spec defines no operation under paths/);
  });

  it('rejects a selector that matches nothing', () => {
    for (const selection of [
      { ...none, operations: ['nope'] },
      { ...none, tags: ['nope'] },
      { ...none, tags: ['users'], operations: ['list_pets'] },
    ]) {
      expect(() => selectOperations(ops, selection)).toThrow(AssayError);
    }
  });

  it('splits operations into shards that partition them, whatever the order', () => {
    const many = Array.from({ length: 40 }, (_, i) => operation(`op_${i}`, 'GET', `/r${i}`));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.shuffledSubarray(many, { minLength: 1 }),
        (count, subset) => {
          const seen: string[] = [];
          for (let index = 1; index <= count; index++) {
            const shard = selectOperations(subset, { ...none, shard: { index, count } }).selected.map(
              (op) => op.id,
            );
            const reversed = selectOperations([...subset].reverse(), { ...none, shard: { index, count } })
              .selected.map((op) => op.id)
              .reverse();
            expect(reversed).toEqual(shard);
            seen.push(...shard);
          }
          expect(seen.sort()).toEqual(subset.map((op) => op.id).sort());
        },
      ),
    );
  });
});
