/**
 * Derives a 31-bit seed from the mock's seed and a name (FNV-1a), so that each operation and each
 * property gets its own stream of values and adding an operation does not change the others.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return (hash >>> 0) & 0x7fffffff;
}
