import { joinPointer } from '@assay/json-schema';
import type { DocumentSet, RefSite } from './document-set.js';

/**
 * Whether evaluating the schema at `site` can meet a `$dynamicRef`: inside it, or behind any
 * `$ref` it holds, however many references away. Such a schema reads differently under different
 * dynamic scopes even when it holds no `$dynamicRef` itself (a plain schema between a typed list
 * and the generic list it refers to). `known` remembers the schemas found to reach one; a "no" is
 * not remembered, since a cycle still open when it was given may yet lead to one.
 */
export function reachesDynamicRef(
  docs: DocumentSet,
  site: RefSite,
  value: unknown,
  known: Set<string>,
): boolean {
  const seen = new Set<string>();
  const visit = (at: RefSite, node: unknown): boolean => {
    const location = `${at.url}#${at.pointer}`;
    if (known.has(location)) return true;
    if (seen.has(location)) return false;
    seen.add(location);
    const found = walk(at, node, 0);
    if (found) known.add(location);
    return found;
  };
  const walk = (at: RefSite, node: unknown, depth: number): boolean => {
    if (node === null || typeof node !== 'object' || depth > 64) return false;
    if (Array.isArray(node))
      return node.some((item, i) =>
        walk({ url: at.url, pointer: joinPointer(at.pointer, i) }, item, depth + 1),
      );
    const record = node as Record<string, unknown>;
    if (typeof record.$dynamicRef === 'string') return true;
    if (typeof record.$ref === 'string') {
      try {
        const target = docs.resolve(record.$ref, { url: at.url, pointer: joinPointer(at.pointer, '$ref') });
        if (visit({ url: target.url, pointer: target.pointer }, target.value)) return true;
      } catch {
        // A reference that leads nowhere is reported where it is converted, not here.
      }
    }
    return Object.entries(record).some(
      ([key, sub]) =>
        key !== '$ref' && walk({ url: at.url, pointer: joinPointer(at.pointer, key) }, sub, depth + 1),
    );
  };
  return visit(site, value);
}
