import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built `assay` CLI of this repository (the corpus runs what a user runs). */
export const assayBin = fileURLToPath(new URL('../../runner/dist/bin.js', import.meta.url));

/** How one spec fared against Assay's own mock of it. */
export type SpecOutcome =
  | { kind: 'clean'; id: string; ms: number; requests: number; operations: number }
  /** The loader refused the document: `reason` is the CLI's one line (code, defect, where). */
  | { kind: 'rejected'; id: string; ms: number; reason: string }
  /** Assay found failures in its own mock: generator, mock and checks disagree about the document. */
  | { kind: 'failing'; id: string; ms: number; failures: SpecFailure[] }
  /** Anything else: an internal error, a rejection longer than one line, a crash or a timeout. */
  | { kind: 'broken'; id: string; ms: number; reason: string };

/** One failure of a failing spec, as the JSON report has it. */
export interface SpecFailure {
  check: string;
  operationId: string;
  message: string;
}

/** Options of {@link checkSpec}. */
export interface CheckSpecOptions {
  seed: number;
  maxExamples: number;
  /** Passed as `--time-budget`: the run stops sending after this many seconds. */
  timeBudgetSeconds: number;
  /** The process is killed after this long (loading a huge spec is not covered by the budget). */
  killAfterMs: number;
}

/**
 * Runs `assay run <spec> --mock --unsafe` in a child process, as a user would, and classifies the
 * outcome by exit code: 0 clean, 1 failing (read from the JSON report), 2 rejected when stderr is
 * one line naming a spec error; anything else is broken. A child per spec keeps one spec's memory
 * or hang from affecting the next.
 */
export async function checkSpec(
  spec: { id: string; file: string },
  options: CheckSpecOptions,
): Promise<SpecOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-corpus-'));
  const report = join(dir, 'report.json');
  const started = performance.now();
  try {
    const argv = [
      ...[assayBin, 'run', spec.file, '--mock', '--unsafe', '--quiet', '--no-shrink'],
      ...['--seed', String(options.seed), '--max-examples', String(options.maxExamples)],
      ...['--time-budget', String(options.timeBudgetSeconds), '--report', `json=${report}`],
    ];
    const run = await spawnNode(argv, options.killAfterMs);
    const ms = Math.round(performance.now() - started);
    const { id } = spec;
    const stderr = run.stderr.trim();
    if (run.timedOut) return { kind: 'broken', id, ms, reason: `killed after ${options.killAfterMs} ms` };
    if (run.code === 2 && stderr.startsWith('assay: ') && !stderr.includes('\n')) {
      if (stderr.startsWith('assay: internal error')) return { kind: 'broken', id, ms, reason: stderr };
      return { kind: 'rejected', id, ms, reason: stderr.slice('assay: '.length) };
    }
    if (run.code === 0 || run.code === 1) {
      const json = JSON.parse(await readFile(report, 'utf8')) as {
        summary: { operations: number; requests: number };
        failures: Array<SpecFailure & { severity: string }>;
      };
      const failures = json.failures
        .filter((failure) => failure.severity === 'error')
        .map(({ check, operationId, message }) => ({ check, operationId, message }));
      if (failures.length === 0)
        return {
          kind: 'clean',
          id,
          ms,
          requests: json.summary.requests,
          operations: json.summary.operations,
        };
      return { kind: 'failing', id, ms, failures };
    }
    const said = stderr.split('\n').slice(0, 3).join(' | ');
    return { kind: 'broken', id, ms, reason: `exit ${run.code ?? run.signal}: ${said}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  timedOut: boolean;
}

function spawnNode(argv: readonly string[], killAfterMs: number): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, timedOut });
    });
  });
}
