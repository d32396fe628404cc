import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createChecks } from '@assay/checks';
import { AssayError } from '@assay/model';
import { Pool } from 'undici';
import { configureRun } from '../config/configure-run.js';
import { loadConfiguredApi } from '../config/load-configured-api.js';
import { noPlugins } from '../config/load-plugins.js';
import type { DiffResult } from '../diff/diff-result.js';
import { differenceBook } from '../diff/difference-book.js';
import { teeTransport } from '../diff/tee-transport.js';
import { executeRun } from '../engine/execute-run.js';
import { createRedactor } from '../report/create-redactor.js';
import { createTransport } from '../transport/create-transport.js';
import type { CliIo } from './cli-io.js';
import { presentDiff } from './present-diff.js';
import type { DiffOptions } from './run-options.js';
import { specSource } from './spec-source.js';
import { checkReportPaths } from './write-reports.js';

/**
 * `assay diff`: runs the engine against A exactly as `assay run` does, with a transport that sends
 * each request to B as well and compares the answers; prints and writes the differences. Returns
 * the exit code: 0 no difference, 1 differences (or failures of A's own run), 3 when B answers nothing.
 */
export async function runDiffCommand(flags: DiffOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { options, config } = await configureRun({ ...flags, command: 'run' }, { cwd, env: io.env });
  if (options.baseUrl === undefined) {
    throw new AssayError('usage', '--base-url: missing: assay diff <spec> --base-url <A> --against <B>', {
      flag: '--base-url',
    });
  }
  const unsupported = options.reports.filter((report) => report.kind !== 'json');
  if (unsupported.length > 0) {
    throw new AssayError(
      'usage',
      `--report: assay diff writes json reports only, not ${unsupported[0]?.kind}`,
      {
        flag: '--report',
      },
    );
  }
  await checkReportPaths(options.reports, cwd);
  const { api, plan, unnarrowed } = await loadConfiguredApi(specSource(options.spec, cwd), config);
  const pool = (url: URL) =>
    new Pool(url.origin, {
      connections: options.concurrency,
      keepAliveTimeout: 10_000,
      connect: { timeout: Math.min(options.timeoutMs, 30_000) },
    });
  const poolA = pool(options.baseUrl);
  const poolB = pool(flags.against);
  const book = differenceBook();
  const { checks } = createChecks(api);
  try {
    const transportB = createTransport({
      baseUrl: flags.against,
      dispatcher: poolB,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: options.maxBodyBytes,
      ...(options.rate === undefined ? {} : { rate: options.rate }),
      ...(io.signal === undefined ? {} : { signal: io.signal }),
    });
    const run = await executeRun(api, {
      ...options,
      dispatcher: poolA,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      configured: { plan, plugins: noPlugins, unnarrowed },
      wrapTransport: (transport) =>
        teeTransport(transport, transportB, {
          api,
          checks,
          volatileFor: (id) => plan.get(id)?.volatile ?? [],
          volatileHeadersFor: (id) => plan.get(id)?.volatileHeaders ?? [],
          book,
        }),
    });
    const result: DiffResult = {
      run,
      against: flags.against.href.replace(/\/$/, ''),
      answeredByB: book.answeredByB,
      unansweredByB: book.unansweredByB,
      differences: [...book.entries.values()].sort(
        (a, b) =>
          compare(a.operationId, b.operationId) ||
          compare(a.difference.fingerprint, b.difference.fingerprint),
      ),
    };
    const redactor = createRedactor({ secrets: run.secrets });
    for (const report of options.reports) {
      await writeFile(
        resolve(cwd, report.path),
        `${redactor.text(JSON.stringify(diffReport(result), null, 2))}\n`,
      );
    }
    presentDiff(io, result, redactor);
    if (result.answeredByB === 0 && result.unansweredByB > 0) {
      throw new AssayError(
        'target-unreachable',
        `B (${result.against}) gave no usable answer to any request`,
      );
    }
    if (io.signal?.aborted === true) return 130;
    return result.differences.length > 0 ? 1 : 0;
  } finally {
    await Promise.all([poolA.close().catch(() => undefined), poolB.close().catch(() => undefined)]);
  }
}

/** The JSON report of a diff: the run's identity, the counts, and every difference with both answers. */
function diffReport(result: DiffResult): unknown {
  const { run } = result;
  return {
    tool: 'assay',
    command: 'diff',
    version: run.version,
    seed: run.seed,
    spec: run.spec,
    a: run.target,
    b: result.against,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    requests: run.requests,
    answeredByB: result.answeredByB,
    unansweredByB: result.unansweredByB,
    incomplete: run.incomplete,
    differences: result.differences,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
