import type { ApiInspection, OperationConfigInspection, OperationInspection } from './api-inspection.js';

/** `assay inspect` as text: one block per operation, then the list counts. */
export function formatInspection(inspection: ApiInspection): string {
  const lines: string[] = [
    `${inspection.title} ${inspection.version} (${inspection.format}, ${inspection.source})`,
  ];
  const file = inspection.config;
  if (file !== undefined) {
    lines.push(
      `config ${file.file}${file.target === undefined ? '' : `, target ${file.target}`}${file.sendsTo === undefined ? '' : `, sends to ${file.sendsTo}`}; credentials: ${file.credentials.join(', ') || 'none'}${file.headers === undefined ? '' : `; headers: ${file.headers.join(', ')}`}`,
    );
    const p = file.plugins;
    if (p !== undefined) {
      const checks = [...p.checks, ...p.sequenceChecks, ...p.runChecks];
      lines.push(
        `plugins: checks ${checks.join(', ') || 'none'}; hooks ${p.hooks.join(', ') || 'none'} (run on every request, after credentials)`,
      );
    }
  }
  lines.push('');
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
    if (p === undefined) out.push(`  pagination: none (${l.notPaginated ?? 'not understood'})`);
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
  if (op.config !== undefined) out.push(...configLines(op.config));
  return out;
}

/** What the config file does to the operation, one line per setting. */
function configLines(config: OperationConfigInspection): string[] {
  const out: string[] = [];
  if (config.skip !== undefined) out.push(`  config: skipped (${config.skip}), not tested`);
  else if (config.notTested !== undefined) out.push(`  config: not tested (${config.notTested})`);
  const { checks, turnedOff } = config;
  out.push(
    turnedOff.length === 0
      ? `  config: checks: all ${checks.length}`
      : checks.length <= turnedOff.length
        ? `  config: checks: only ${checks.join(', ') || 'none'}`
        : `  config: checks: ${checks.length} of ${checks.length + turnedOff.length}, not ${turnedOff.join(', ')}`,
  );
  for (const [check, statuses] of Object.entries(config.expectedStatuses ?? {}))
    out.push(`  config: ${check} expects ${statuses.join(', ')} too`);
  for (const [name, setting] of Object.entries(config.parameters ?? {}))
    out.push(
      `  config: parameter ${name} ${'fixed' in setting ? `fixed to ${JSON.stringify(setting.fixed)}` : `drawn from ${setting.examples.map((e) => JSON.stringify(e)).join(', ')}`}`,
    );
  if (config.volatile !== undefined) out.push(`  config: volatile fields ${config.volatile.join(', ')}`);
  if (config.volatileHeaders !== undefined)
    out.push(`  config: volatile headers ${config.volatileHeaders.join(', ')}`);
  if (config.list === true) out.push('  config: list described by the file');
  out.push(`  config: ${config.maxExamples} requests per mode, timeout ${config.timeoutMs} ms`);
  const credentials = config.credentials;
  out.push(
    'sends' in credentials
      ? `  config: credentials: ${credentials.sends.length === 0 ? 'none needed' : `sends ${credentials.sends.join(' + ')}`}`
      : `  config: credentials: none fits (missing ${credentials.missing.map((r) => r.join(' + ')).join(' | ')})`,
  );
  return out;
}
