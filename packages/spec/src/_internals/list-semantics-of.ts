import type { JsonSchema, ListSemantics, Operation, Pagination } from '@assay/model';

export function listSemanticsOf(
  _operation: Operation,
  _defs: Record<string, JsonSchema>,
  _override: Partial<Pagination> | undefined,
): ListSemantics | undefined {
  return undefined;
}
