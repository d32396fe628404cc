import { escapePointerToken, pointerTokens } from '@assay/json-schema';

/** Where a schema lives: a document's URL and a JSON pointer into it. */
export interface SchemaLocation {
  url: string;
  pointer: string;
}

// Values that are data, not schemas: a `$id` or `$anchor` inside them identifies nothing.
const DATA = new Set(['const', 'enum', 'default', 'examples', 'example', 'x-examples']);

/**
 * The schema identifiers of one document, read the JSON Schema 2020-12 way (§8.2): a `$id`
 * starts a schema resource whose base URI it gives, resolved against the enclosing base; an
 * `$anchor` or a `$dynamicAnchor` names a location as `<base>#<name>`.
 */
export class SchemaIdentifiers {
  /** Absolute URI without fragment → the resource's root. */
  readonly resources = new Map<string, SchemaLocation>();
  /** `<absolute URI>#<name>` → the location that declares the anchor. */
  readonly anchors = new Map<string, SchemaLocation>();
  /** `<absolute URI>#<name>` → the location that declares the dynamic anchor. */
  readonly dynamicAnchors = new Map<string, SchemaLocation>();
  /** Whether any document uses `$dynamicRef`, which makes conversion track the dynamic scope. */
  usesDynamicRef = false;
  private readonly bases = new Map<string, string>();

  /** Reads the identifiers of the document at `url`. */
  add(url: string, document: unknown): void {
    this.walk(url, document, url, '', 0);
  }

  /** The base URI in force at `pointer` of the document at `url` (the document's URL when no `$id` encloses it). */
  baseAt(url: string, pointer: string, document: unknown): string {
    let base = url;
    let node = document;
    let at = '';
    for (const token of ['', ...pointerTokens(pointer)]) {
      if (token !== '') {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) break;
        node = (node as Record<string, unknown>)[token];
        at += `/${escapePointerToken(token)}`;
      }
      const known = this.bases.get(`${url}#${at}`);
      if (known !== undefined) base = known;
    }
    return base;
  }

  private walk(url: string, node: unknown, base: string, pointer: string, depth: number): void {
    if (node === null || typeof node !== 'object' || depth > 256) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        this.walk(url, item, base, `${pointer}/${i}`, depth + 1);
      });
      return;
    }
    const record = node as Record<string, unknown>;
    let here = base;
    const location = { url, pointer };
    if (typeof record.$id === 'string') {
      const id = absolute(record.$id, base);
      if (id !== undefined) {
        here = stripFragment(id);
        this.bases.set(`${url}#${pointer}`, here);
        if (!this.resources.has(here)) this.resources.set(here, location);
      }
    }
    if (typeof record.$dynamicRef === 'string') this.usesDynamicRef = true;
    if (typeof record.$anchor === 'string') this.anchors.set(`${here}#${record.$anchor}`, location);
    if (typeof record.$dynamicAnchor === 'string') {
      const key = `${here}#${record.$dynamicAnchor}`;
      // A dynamic anchor is also a plain anchor for `$ref` (2020-12 §8.2.3.2).
      if (!this.anchors.has(key)) this.anchors.set(key, location);
      this.dynamicAnchors.set(key, location);
    }
    for (const [key, value] of Object.entries(record)) {
      if (DATA.has(key)) continue;
      this.walk(url, value, here, `${pointer}/${escapePointerToken(key)}`, depth + 1);
    }
  }
}

/** `reference` resolved against `base`, or undefined when it is no URI reference. */
export function absolute(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    // `urn:` bases take no relative references; a fragment-only one still resolves against them.
    if (reference.startsWith('#')) return stripFragment(base) + reference;
    try {
      return new URL(reference).href;
    } catch {
      return undefined;
    }
  }
}

export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
