import type { SpecOutcome } from './check-spec.js';

/**
 * The shape of a rejection reason, so that rejections for the same defect count together: quoted
 * names, JSON pointers, file paths and numbers are replaced by `…`.
 */
export function reasonShape(reason: string): string {
  return reason
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/#\/\S*/g, '…')
    .replace(/\s(at|in)\s\/\S+/g, ' $1 …')
    .replace(/\/\S+\.json(:\d+(:\d+)?)?/g, '…')
    .replace(/\d+/g, '…');
}

/**
 * A plain-text summary of a corpus run: how many specs were clean, rejected (grouped by the shape
 * of their reason), failing (with the checks that failed) and broken, each failing and broken spec
 * named.
 */
export function summarizeOutcomes(outcomes: readonly SpecOutcome[], elapsedMs?: number): string {
  const of = <K extends SpecOutcome['kind']>(kind: K) =>
    outcomes.filter((o): o is Extract<SpecOutcome, { kind: K }> => o.kind === kind);
  const clean = of('clean');
  const rejected = of('rejected');
  const failing = of('failing');
  const broken = of('broken');
  const lines = [
    `${outcomes.length} specs: ${clean.length} clean, ${rejected.length} rejected, ${failing.length} failing, ${broken.length} broken${
      elapsedMs === undefined ? '' : ` (${Math.round(elapsedMs / 1000)} s)`
    }`,
  ];
  if (rejected.length > 0) {
    lines.push('', 'rejected, by reason:');
    const shapes = new Map<string, { count: number; example: string }>();
    for (const o of rejected) {
      const shape = reasonShape(o.reason);
      const entry = shapes.get(shape) ?? { count: 0, example: `${o.id}: ${o.reason}` };
      entry.count += 1;
      shapes.set(shape, entry);
    }
    for (const [shape, { count, example }] of [...shapes].sort((a, b) => b[1].count - a[1].count))
      lines.push(`  ${String(count).padStart(4)}  ${shape}`, `        e.g. ${example.slice(0, 300)}`);
  }
  if (failing.length > 0) {
    lines.push('', 'failing (Assay disagrees with its own mock):');
    for (const o of failing) {
      const checks = new Map<string, number>();
      for (const f of o.failures) checks.set(f.check, (checks.get(f.check) ?? 0) + 1);
      const first = o.failures[0];
      lines.push(
        `  ${o.id}: ${[...checks].map(([check, n]) => `${check} x${n}`).join(', ')}`,
        `        e.g. ${first?.operationId}: ${first?.message.replace(/\s+/g, ' ').slice(0, 300)}`,
      );
    }
  }
  if (broken.length > 0) {
    lines.push('', 'broken (internal error, crash, timeout, or a rejection not in one line):');
    for (const o of broken) lines.push(`  ${o.id}: ${o.reason.slice(0, 300)}`);
  }
  return lines.join('\n');
}
