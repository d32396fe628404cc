import type { ApiInspection, OperationInspection } from './api-inspection.js';

/** `assay inspect` as text: one block per operation, then the list counts. */
export function formatInspection(inspection: ApiInspection): string {
  const lines: string[] = [
    `${inspection.title} ${inspection.version} (${inspection.format}, ${inspection.source})`,
    '',
  ];
  for (const op of inspection.operations) lines.push(...operationLines(op), '');
  const { summary } = inspection;
  const conventions = Object.entries(summary.byConvention)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  lines.push(
    `${summary.operations} operations, ${summary.lists} lists; paginated by convention: ${conventions || 'none'}; not understood: ${summary.notUnderstood}`,
  );
  return `${lines.join('\n')}\n`;
}

function operationLines(op: OperationInspection): string[] {
  const out = [`${op.method} ${op.path}  (${op.operationId})`];
  out.push(
    `  auth: ${op.auth.length === 0 ? 'none' : op.auth.map((r) => r.join(' + ') || 'anonymous').join(' | ')}`,
  );
  if (op.list === undefined) {
    out.push(`  list: no (${op.notAList})`);
  } else {
    const l = op.list;
    out.push(
      `  list: items at ${l.items === '' ? 'the body' : l.items}; identifier ${l.identifier ?? 'unknown'}`,
    );
    const p = l.pagination;
    if (p === undefined) out.push('  pagination: none');
    else {
      const params = Object.entries(p.parameters).map(([k, v]) => `${k}=${v}`);
      const body = Object.entries(p.body).map(([k, v]) => `${k} ${v}`);
      const headers = Object.entries(p.headers).map(([k, v]) => `${k} ${v}`);
      out.push(`  pagination: ${p.convention} (${p.style}, first page ${p.firstPage})`);
      if (params.length > 0) out.push(`    parameters: ${params.join(', ')}`);
      if (body.length > 0) out.push(`    body: ${body.join(', ')}`);
      if (headers.length > 0) out.push(`    headers: ${headers.join(', ')}`);
      if (p.walkQuery !== undefined) out.push(`    every walk asks: ${p.walkQuery}`);
      const sizes = [
        p.defaultPageSize === undefined ? '' : `default ${p.defaultPageSize}`,
        p.maxPageSize === undefined ? '' : `max ${p.maxPageSize}`,
      ].filter(Boolean);
      if (sizes.length > 0) out.push(`    page size: ${sizes.join(', ')}`);
    }
    if (l.filters.length > 0)
      out.push(`  filters: ${l.filters.map((f) => `${f.param} (${f.kind})`).join(', ')}`);
    if (l.ordering !== undefined)
      out.push(
        `  ordering: ${l.ordering.param} by ${l.ordering.fields.join(', ')}${l.ordering.syntax === undefined ? '' : `, syntax ${l.ordering.syntax}`}`,
      );
    if (l.search !== undefined) out.push(`  search: ${l.search}`);
  }
  for (const line of op.unresolved) out.push(`  could not tell: ${line}`);
  return out;
}
