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

// Index-based (no rest array per level). Many writes into one body go through bodyWriter instead,
// which copies each object once; this plain form is also what bodyWriter's tests hold it to.
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

/** Writes many paths into a body, copying each object on the way once (see {@link bodyWriter}). */
export interface BodyWriter {
  /** Sets `value` at `path`, creating missing objects on the way ({@link writeBodyPath}). */
  write(path: BodyPath, value: unknown): void;
  /** Removes the property at `path`; a path that is not there is left as it is. */
  remove(path: BodyPath): void;
  /** The body written so far. */
  readonly body: unknown;
}

/**
 * Writes into copies of `base`'s objects, each copied once however many paths go through it (a
 * page's metadata is six or more fields in one object: copying it per field was the mock's largest
 * cost per page). `base` is never written to. The result is that of {@link writeBodyPath} applied
 * write by write, and of removing each removed property from a copy.
 */
export function bodyWriter(base: unknown): BodyWriter {
  const fresh = new Set<object>();
  const own = (value: unknown): Record<string, unknown> => {
    if (fresh.has(value as object)) return value as Record<string, unknown>;
    const copy = isPlainObject(value) ? { ...value } : {};
    fresh.add(copy);
    return copy;
  };
  let body = base;
  const parentOf = (path: BodyPath): Record<string, unknown> => {
    const root = own(body);
    body = root;
    let parent = root;
    for (let at = 0; at < path.length - 1; at++) {
      const key = path[at] as string;
      const child = own(parent[key]);
      parent[key] = child;
      parent = child;
    }
    return parent;
  };
  return {
    write(path, value) {
      if (path.length === 0) body = value;
      else parentOf(path)[path[path.length - 1] as string] = value;
    },
    remove(path) {
      if (path.length === 0) return;
      let probe = body;
      for (const key of path) {
        if (!isPlainObject(probe) || !Object.hasOwn(probe, key)) return;
        probe = probe[key];
      }
      delete parentOf(path)[path[path.length - 1] as string];
    },
    get body() {
      return body;
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
