import type { ApiModel } from '@assay/model';

/**
 * One line per list operation whose pagination Assay could not understand (it takes paging
 * parameters but matches no convention), saying so and how to describe it. Its walks are not
 * checked, and a run must say so rather than pass in silence.
 */
export function notUnderstoodLists(api: ApiModel): string[] {
  const lines: string[] = [];
  for (const operation of api.operations) {
    const reason = operation.list?.unresolved?.find((line) => line.startsWith('pagination:'));
    if (reason === undefined) continue;
    lines.push(
      `assay: ${operation.method} ${operation.path} (${operation.id}): ${reason.slice('pagination: '.length)}; its pages are not checked (assay inspect shows what was understood)`,
    );
  }
  return lines;
}
