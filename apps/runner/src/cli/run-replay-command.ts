import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { createMock, DEFAULT_MOCK_TOKEN } from '@assay/mock';
import type { HttpMethod, HttpRequest } from '@assay/model';
import { AssayError } from '@assay/model';
import { loadApi } from '@assay/spec';
import { type Dispatcher, Pool } from 'undici';
import { createKit } from '../engine/create-kit.js';
import { wrongToken } from '../engine/credentials.js';
import { groupByLocation } from '../engine/exchange/group-by-location.js';
import { mockBaseUrl } from '../engine/execute-run.js';
import { createRedactor } from '../report/create-redactor.js';
import { REDACTED } from '../report/redact-secrets.js';
import { createTransport } from '../transport/create-transport.js';
import type { CliIo } from './cli-io.js';
import { runDefaults } from './parse-cli-args.js';
import type { ReplayOptions } from './run-options.js';

/** A failure as the JSON report stores it: what a replay needs. */
interface StoredFailure {
  operationId: string;
  method: HttpMethod;
  path: string;
  check: string;
  message: string;
  mode: HttpRequest['mode'];
  fingerprint: string;
  request: { method: HttpMethod; url: string; headers: Record<string, string>; body: unknown };
  rerun?: string;
}

interface StoredReport {
  tool: 'assay';
  seed: number;
  spec: string;
  target: string;
  mock?: { faults: string[]; items?: number };
  failures: StoredFailure[];
}

/** How one replayed failure came out. */
type Verdict = 'still fails' | 'no longer fails' | 'not replayable';

/**
 * `assay replay <report.json> [--failure N]`: re-sends the request of each failure (or of failure N,
 * 1-based as the report lists them) to the report's target (the built-in mock is started again with
 * the run's seed and faults; `--base-url` sends elsewhere), runs the check that failed on the
 * response, and says whether it still fails. Redacted credentials are filled in from
 * `--auth-bearer` / `ASSAY_BEARER` and `ASSAY_HEADER_<NAME>`. Failures of sequence checks (a walk
 * over pages) cannot be replayed from one request: their `assay run` command is printed instead.
 * Exit 1 when a failure still fails, 0 when none does.
 */
export async function runReplayCommand(options: ReplayOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const file = resolve(cwd, options.report);
  const report = await readReport(file);
  const chosen =
    options.failure === undefined
      ? report.failures.map((failure, index) => ({ failure, index }))
      : [{ failure: report.failures[options.failure - 1], index: options.failure - 1 }];
  if (chosen.some((c) => c.failure === undefined)) {
    throw new AssayError(
      'usage',
      `--failure ${options.failure}: ${file} has ${report.failures.length} failure${report.failures.length === 1 ? '' : 's'}`,
      { flag: '--failure' },
    );
  }
  const spec =
    /^https?:\/\//i.test(report.spec) || isAbsolute(report.spec) ? report.spec : resolve(cwd, report.spec);
  const api = await loadApi(spec);
  const mock = options.baseUrl === undefined && report.target.startsWith('mock:');
  const bearer = options.bearer ?? nonEmpty(io.env.ASSAY_BEARER) ?? (mock ? DEFAULT_MOCK_TOKEN : undefined);
  const { kit, validator } = createKit(api, { excludeChecks: [] });
  const base = mock ? mockBaseUrl(api) : (options.baseUrl ?? new URL(report.target));
  const recorded = mock ? mockBaseUrl(api).href : report.target;
  let dispatcher: Dispatcher;
  let pool: Pool | undefined;
  if (mock) {
    dispatcher = createMock(api, {
      seed: report.seed,
      faults: report.mock?.faults ?? [],
      validator,
      ...(report.mock?.items === undefined ? {} : { items: report.mock.items }),
      ...(bearer === undefined ? {} : { token: bearer }),
    }).dispatcher;
  } else {
    pool = new Pool(base.origin, { connections: 1 });
    dispatcher = pool;
  }
  const transport = createTransport({
    baseUrl: base,
    dispatcher,
    concurrency: 1,
    timeoutMs: runDefaults.timeoutMs,
    maxBodyBytes: runDefaults.maxBodyBytes,
  });
  const redactor = createRedactor({ ...(bearer === undefined || mock ? {} : { bearer }) });
  const verdicts: Verdict[] = [];
  try {
    for (const { failure, index } of chosen as Array<{ failure: StoredFailure; index: number }>) {
      const title = `failure ${index + 1} of ${report.failures.length}: ${failure.check} on ${failure.method} ${failure.path} (${failure.operationId})`;
      io.stdout.write(`${redactor.text(title)}\n`);
      const operation = api.operations.find((o) => o.id === failure.operationId);
      const check = kit.checks.find((c) => c.id === failure.check);
      const transportCheck = failure.check === 'response-timeout' || failure.check === 'transport-error';
      if (operation === undefined || (check === undefined && !transportCheck)) {
        const why =
          operation === undefined
            ? `the spec has no operation ${failure.operationId} any more`
            : `${failure.check} judges a sequence of requests, not one${failure.rerun === undefined ? '' : `; run it again with: ${failure.rerun}`}`;
        io.stdout.write(`  - not replayed: ${redactor.text(why)}\n`);
        verdicts.push('not replayable');
        continue;
      }
      const request = storedRequest(failure, recorded, bearer, io.env);
      const outcome = await transport.send(request);
      io.stdout.write(
        `  ${redactor.text(`${outcome.sent.method} ${outcome.sent.url}`)} → ${outcome.kind === 'response' ? outcome.response.status : outcome.kind === 'fault' ? outcome.fault.message : 'aborted'}\n`,
      );
      let violations: Array<{ fingerprint: string; message: string; severity: string }> = [];
      if (outcome.kind === 'fault' && outcome.fault.check === failure.check) {
        violations = [{ fingerprint: outcome.fault.code, message: outcome.fault.message, severity: 'error' }];
      } else if (outcome.kind === 'response' && check !== undefined) {
        // Grouped as the run grouped them, so the fingerprints compare.
        violations = groupByLocation(check.verify({ operation, request, response: outcome.response }));
      }
      const same = violations.find((v) => v.fingerprint === failure.fingerprint) ?? violations[0];
      if (same === undefined) {
        io.stdout.write('  ✓ no longer fails\n');
        verdicts.push('no longer fails');
      } else {
        const how = same.fingerprint === failure.fingerprint ? 'the same way' : 'differently';
        io.stdout.write(`  ✗ still fails, ${how}: ${redactor.text(same.message)}\n`);
        verdicts.push('still fails');
      }
    }
  } finally {
    await pool?.close().catch(() => undefined);
  }
  const count = (verdict: Verdict): number => verdicts.filter((v) => v === verdict).length;
  const notReplayed = count('not replayable');
  io.stdout.write(
    `\n${count('still fails')} still failing, ${count('no longer fails')} no longer failing${notReplayed > 0 ? `, ${notReplayed} not replayed` : ''}\n`,
  );
  return count('still fails') > 0 ? 1 : 0;
}

/**
 * The request of a stored failure, relative to the base URL it was sent to, with redacted
 * credentials filled in again (an auth probe's wrong credential stays wrong).
 */
function storedRequest(
  failure: StoredFailure,
  recordedBase: string,
  bearer: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): HttpRequest {
  const base = recordedBase.replace(/\/$/, '');
  const url = failure.request.url.startsWith(base)
    ? new URL(`http://replay.invalid${failure.request.url.slice(base.length)}`)
    : new URL(failure.request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(failure.request.headers)) {
    if (!value.includes(REDACTED)) {
      headers[name] = value;
      continue;
    }
    const fill =
      failure.mode === 'auth'
        ? wrongToken
        : name === 'authorization' || name === 'proxy-authorization'
          ? bearer
          : (nonEmpty(env[`ASSAY_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`]) ?? bearer);
    if (fill !== undefined) headers[name] = value.split(REDACTED).join(fill);
  }
  const query = url.search
    .slice(1)
    .split(REDACTED)
    .join(encodeURIComponent(bearer ?? ''));
  const body = failure.request.body;
  const request: HttpRequest = {
    method: failure.request.method,
    path: url.pathname,
    query,
    headers,
    operationId: failure.operationId,
    mode: failure.mode,
  };
  if (body !== null && body !== undefined && body !== '') {
    request.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  return request;
}

async function readReport(file: string): Promise<StoredReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new AssayError(
      'usage',
      `${file}: cannot read the report (${(cause as NodeJS.ErrnoException).code ?? cause})`,
      {
        file,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AssayError('usage', `${file}: not JSON; expected a report written with --report json=<path>`, {
      file,
    });
  }
  const report = value as Partial<StoredReport>;
  if (
    report?.tool !== 'assay' ||
    typeof report.spec !== 'string' ||
    typeof report.target !== 'string' ||
    typeof report.seed !== 'number' ||
    !Array.isArray(report.failures) ||
    report.failures.some((f) => typeof f?.request?.url !== 'string' || typeof f.fingerprint !== 'string')
  ) {
    throw new AssayError(
      'usage',
      `${file}: not a JSON report of assay run (written with --report json=<path>)`,
      {
        file,
      },
    );
  }
  return report as StoredReport;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
