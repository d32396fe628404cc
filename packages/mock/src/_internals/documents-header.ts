import type { ResponseSpec } from '@assay/model';

/** Whether a documented response lists the header `name` (lower-case). */
export function documentsHeader(spec: ResponseSpec | undefined, name: string): boolean {
  if (spec === undefined) return false;
  return Object.values(spec.headers).some((header) => header.name === name);
}
