import type { BodyPath } from '@assay/model';
import type { ListEvidence } from '../pagination-convention.js';

/** A number (integer or not) at the path. */
export function isNumberAt(ev: ListEvidence, path: BodyPath): boolean {
  const t = ev.typeAt(path);
  return t === 'integer' || t === 'number';
}

/** A string, or a field whose type the schema leaves open (a link may be `string | null`, or untyped). */
export function isTextAt(ev: ListEvidence, path: BodyPath): boolean {
  const t = ev.typeAt(path);
  return t === 'string' || t === 'unknown';
}

export function isBooleanAt(ev: ListEvidence, path: BodyPath): boolean {
  return ev.typeAt(path) === 'boolean';
}

/** The paths of a description that exist in the body, the others left out. */
export function knownPaths<K extends string>(
  ev: ListEvidence,
  paths: Record<K, BodyPath>,
): Partial<Record<K, BodyPath>> {
  const out: Partial<Record<K, BodyPath>> = {};
  for (const [key, path] of Object.entries(paths) as [K, BodyPath][])
    if (ev.typeAt(path) !== undefined) out[key] = path;
  return out;
}

/** A link that is a string or an object with `href` (JSON:API, HAL): the path of the URL. */
export function linkPath(ev: ListEvidence, path: BodyPath): BodyPath | undefined {
  const t = ev.typeAt(path);
  if (t === 'string' || t === 'unknown') return path;
  if (t === 'object' && ev.typeAt([...path, 'href']) !== undefined) return [...path, 'href'];
  return undefined;
}

/** The one array inside the object at a path (HAL's `_embedded.<rel>`). */
export function onlyArrayIn(ev: ListEvidence, path: BodyPath): BodyPath | undefined {
  const arrays = ev.keysAt(path).filter((key) => ev.typeAt([...path, key]) === 'array');
  return arrays.length === 1 ? [...path, arrays[0]!] : undefined;
}

/** The items array: the loader's pick, else the body's one array property. */
export function itemsIn(ev: ListEvidence): BodyPath | undefined {
  if (ev.itemsPath !== undefined) return ev.itemsPath;
  return onlyArrayIn(ev, []);
}
