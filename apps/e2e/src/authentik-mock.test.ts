import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '@assay/runner';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** The reference corpus sits beside the repository (../shared/specs from its root). */
const authentikSchema = resolve(import.meta.dirname, '../../../../shared/specs/authentik-schema.yml');
/** Why the suite cannot run here, said in one line; undefined when it can. */
const missing = existsSync(authentikSchema)
  ? undefined
  : 'needs ../shared/specs/authentik-schema.yml, from the reference corpus beside the repository (.ci/run provides it)';
if (missing !== undefined) process.stderr.write(`e2e authentik on the mock: skipped: ${missing}\n`);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-e2e-authentik-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface JsonReport {
  incomplete?: boolean;
  summary: { operations: number; requests: number; failures: number; durationMs: number };
  operations: Array<{ operationId: string; requests: number }>;
  failures: Array<{ operationId: string; check: string; message: string; severity: string }>;
}

// 1,130 operations, writes included: about a minute on two cores.
it.skipIf(missing !== undefined)(
  "runs the whole of authentik's schema against the built-in mock with zero failures",
  async () => {
    const out: string[] = [];
    const err: string[] = [];
    const report = join(dir, 'authentik.json');
    const started = performance.now();
    const code = await runCli(
      [
        'run',
        authentikSchema,
        '--mock',
        '--max-examples',
        '20',
        '--seed',
        '1130',
        '--unsafe',
        '--quiet',
        '--report',
        `json=${report}`,
      ],
      {
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
        env: {},
        cwd: dir,
      },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    console.log(
      `authentik schema on the mock: ${json.summary.operations} operations, ${json.summary.requests} requests, ${json.summary.failures} failures in ${seconds} s (exit ${code})`,
    );
    const failures = json.failures.map((f) => `${f.operationId} ${f.check} [${f.severity}]: ${f.message}`);
    // Warnings about the spec (a schema no value satisfies, e.g. authentik's oneOf branches that
    // overlap) are printed for the record and allowed only of that kind: any other warning is a bug of
    // the tool, and the run still tests everything else.
    const warnings = err
      .join('')
      .split('\n')
      .filter((line) => line !== '');
    if (warnings.length > 0) console.log(`Assay's own warnings:\n${warnings.join('\n')}`);
    expect(
      warnings.filter(
        (line) => !/^assay: warning: \S+: (positive|negative) requests could not be generated: /.test(line),
      ),
    ).toEqual([]);
    expect(failures).toEqual([]);
    expect(json.incomplete ?? false).toBe(false);
    expect(json.summary.operations).toBe(1130);
    // --unsafe: every operation is sent, writes included (the mock is in-process).
    expect(json.operations.filter((op) => op.requests === 0).map((op) => op.operationId)).toEqual([]);
    expect(code).toBe(0);
  },
);
