/**
 * FNV-1a over the UTF-16 code units of a string, as an unsigned 32-bit integer. Stable across
 * runs, machines and Node versions, which is what sharding and per-phase seeds need.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
