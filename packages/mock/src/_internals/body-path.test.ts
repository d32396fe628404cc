import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyWriter, writeBodyPath } from './body-path.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The reference: a whole copy per removal, the property taken out. */
function removed(body: unknown, path: readonly string[]): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const [head, ...rest] = path as [string, ...string[]];
  const base = body as Record<string, unknown>;
  if (!Object.hasOwn(base, head)) return body;
  if (rest.length === 0) {
    const { [head]: _gone, ...others } = base;
    return others;
  }
  return { ...base, [head]: removed(base[head], rest) };
}

describe('bodyWriter', () => {
  it('writes and removes as path-by-path copies do, key order included, never touching its base', () => {
    const key = fc.constantFrom('a', 'b', 'pagination', 'results');
    const path = fc.array(key, { maxLength: 3 });
    const value = fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    const base = fc.jsonValue({ maxDepth: 3 });
    const step = fc.tuple(fc.boolean(), path, value);
    fc.assert(
      fc.property(base, fc.array(step, { maxLength: 8 }), (start, steps) => {
        const frozen = deepFreeze(structuredClone(start));
        const writer = bodyWriter(frozen);
        let expected: unknown = frozen;
        for (const [remove, at, v] of steps) {
          if (remove) {
            writer.remove(at);
            expected = removed(expected, at);
          } else {
            writer.write(at, v);
            expected = writeBodyPath(expected, at, v);
          }
        }
        expect(JSON.stringify(writer.body)).toBe(JSON.stringify(expected));
        expect(frozen).toEqual(start);
      }),
    );
  });
});
