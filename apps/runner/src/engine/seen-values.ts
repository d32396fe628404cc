import { parsedBody } from '@assay/checks';
import type { HttpResponse, Operation } from '@assay/model';
import type { SeenValues } from './engine-kit.js';

/** The run's growing pool of seen values, by property name. */
export type SeenPool = Map<string, unknown[]>;

const maxPerName = 32;
const maxBodyChars = 1_000_000;
/**
 * Responses in a row that added nothing, after which a pool stops reading responses. Parsing every
 * page a second time (the checks parse it too) was the largest cost of the engine itself against a
 * fast server, and a pool that took nothing new from this many pages has seen what the data holds.
 * Deterministic: responses are handled in generation order, so a seed still replays exactly.
 */
export const seenQuietLimit = 200;
const quietResponses = new WeakMap<SeenPool, number>();

/**
 * Adds the scalar property values of a JSON response to the pool, by property name: the items of a
 * list operation, else the top-level object. Generators draw filter and search values from it, so
 * probes hit values that exist. Bounded per name; first values win, so the pool is deterministic.
 * After {@link seenQuietLimit} parsed responses in a row added nothing, the pool reads no more.
 */
export function collectSeenValues(response: HttpResponse, operation: Operation, seen: SeenPool): void {
  if (response.status < 200 || response.status > 299 || response.truncated) return;
  if (response.body.length > maxBodyChars || !/json/i.test(response.headers['content-type'] ?? '')) return;
  const quiet = quietResponses.get(seen) ?? 0;
  if (quiet >= seenQuietLimit) return;
  // The checks have just read this very response object: their parse is reused, not repeated.
  const parsed = parsedBody(response);
  if (!parsed.ok) return;
  const body = parsed.value;
  const items = operation.list === undefined ? [body] : itemsAt(body, operation.list.itemsPath);
  let added = false;
  for (const item of items) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [name, value] of Object.entries(item)) {
      if (value === null || typeof value === 'object') continue;
      // A string with a lone surrogate cannot be percent-encoded, so it can never be sent back.
      if (typeof value === 'string' && !wellFormed(value)) continue;
      let pool = seen.get(name);
      if (pool === undefined) {
        pool = [];
        seen.set(name, pool);
      }
      if (pool.length < maxPerName && !pool.includes(value)) {
        pool.push(value);
        added = true;
      }
    }
  }
  quietResponses.set(seen, added ? 0 : quiet + 1);
}

function itemsAt(body: unknown, path: readonly string[]): unknown[] {
  let current = body;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return [];
    current = (current as Record<string, unknown>)[key];
  }
  return Array.isArray(current) ? current.slice(0, 200) : [];
}

/** A frozen copy of the pool, as the generators take it: later responses do not change it. */
export function snapshot(pool: SeenPool): SeenValues {
  return Object.fromEntries([...pool].map(([name, values]) => [name, [...values]]));
}

// Every string of every page passes here: the engine's own check (Node >= 20) rather than a regex.
const nativeWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function wellFormed(text: string): boolean {
  return nativeWellFormed === undefined ? !loneSurrogate.test(text) : nativeWellFormed.call(text);
}
