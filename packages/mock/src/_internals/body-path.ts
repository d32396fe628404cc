import type { BodyPath } from '@assay/model';

/** The value at `path` inside a JSON body, or undefined. */
export function readBodyPath(body: unknown, path: BodyPath): unknown {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Returns a copy of `body` with `value` at `path`, copying only the objects along the path so that
 * the shared envelope is never mutated. Missing objects on the way are created.
 */
export function writeBodyPath(body: unknown, path: BodyPath, value: unknown): unknown {
  return path.length === 0 ? value : writeFrom(body, path, 0, value);
}

// Index-based (no rest array per level): every page written walks this for each metadata field.
function writeFrom(body: unknown, path: BodyPath, at: number, value: unknown): unknown {
  const head = path[at] as string;
  const base =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  return {
    ...base,
    [head]: at + 1 === path.length ? value : writeFrom(base[head], path, at + 1, value),
  };
}

/** Returns a copy of `body` without the property at `path`, copying only the objects along the path. */
export function removeBodyPath(body: unknown, path: BodyPath): unknown {
  if (path.length === 0 || body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const [head, ...rest] = path as [string, ...string[]];
  const base = body as Record<string, unknown>;
  if (!Object.hasOwn(base, head)) return body;
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = base;
    return others;
  }
  return { ...base, [head]: removeBodyPath(base[head], rest) };
}
