import { createRedactor } from './create-redactor.js';
import { redactReport } from './redact-report.js';
import type { ReporterOptions } from './reporter-options.js';
import type { RunReport } from './run-report.js';

/** `application/json`, `application/problem+json`, `application/vnd.api+json; charset=utf-8`. */
const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * A body as the JSON report carries it: the parsed value when its content type says JSON and it
 * parses (so a reader need not decode JSON inside a string), else the text as sent or received (a
 * body cut to the report cap no longer parses, and stays text).
 */
function bodyValue(body: string | null, headers: Readonly<Record<string, string>>): unknown {
  if (body === null || body === '') return body;
  const type = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (type === undefined || !JSON_MEDIA.test(type)) return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * The JSON report: exactly the documented contract (`apps/runner/schema/report.schema.json`), keys in
 * contract order, pretty-printed. `incomplete` appears only on an interrupted run, `summary.errors`
 * only when there were errors; the in-memory extras (latency, the list of checks run) are left out.
 * Credentials are redacted, and a last pass over the text catches a secret that only appears once
 * escaped.
 */
export function jsonReport(report: RunReport, options: ReporterOptions = {}): string {
  const redactor = options.redactor ?? createRedactor();
  const safe = redactReport(report, redactor);
  const contract = {
    tool: safe.tool,
    version: safe.version,
    seed: safe.seed,
    spec: safe.spec,
    target: safe.target,
    ...(safe.mock === undefined ? {} : { mock: safe.mock }),
    ...(safe.configFile === undefined ? {} : { configFile: safe.configFile }),
    ...(safe.startedAt === undefined ? {} : { startedAt: safe.startedAt }),
    ...(safe.incomplete === true ? { incomplete: true } : {}),
    ...(safe.incomplete === true && safe.incompleteReason !== undefined
      ? { incompleteReason: safe.incompleteReason }
      : {}),
    summary: {
      operations: safe.summary.operations,
      tested: safe.summary.tested,
      notTested: safe.summary.notTested,
      failed: safe.summary.failed,
      requests: safe.summary.requests,
      failures: safe.summary.failures,
      ...(safe.summary.errors === undefined ? {} : { errors: safe.summary.errors }),
      durationMs: safe.summary.durationMs,
    },
    checks: safe.checks.map((check) => ({
      check: check.check,
      judged: check.judged,
      passed: check.passed,
      failed: check.failed,
    })),
    operations: safe.operations.map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      state: operation.state,
      ...(operation.reason === undefined ? {} : { reason: operation.reason }),
      requests: operation.requests,
      failures: operation.failures,
      ...(operation.errors === undefined ? {} : { errors: operation.errors }),
      checks: operation.outcomes.map((outcome) => ({
        check: outcome.check,
        state: outcome.state,
        judged: outcome.judged,
        failed: outcome.failed,
        ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      })),
      ...(operation.line === undefined ? {} : { line: operation.line }),
      ...(operation.list === undefined ? {} : { list: operation.list }),
    })),
    failures: safe.failures.map((failure) => ({
      operationId: failure.operationId,
      method: failure.method,
      path: failure.path,
      check: failure.check,
      kind: failure.kind,
      message: failure.message,
      severity: failure.severity,
      mode: failure.mode,
      request: {
        method: failure.request.method,
        url: failure.request.url,
        headers: failure.request.headers,
        body: bodyValue(failure.request.body, failure.request.headers),
      },
      response:
        failure.response === null
          ? null
          : {
              status: failure.response.status,
              headers: failure.response.headers,
              body: bodyValue(failure.response.body, failure.response.headers),
            },
      reproduce: failure.reproduce,
      ...(failure.serve === undefined ? {} : { serve: failure.serve }),
      rerun: failure.rerun,
      seed: failure.seed,
      phaseSeed: failure.phaseSeed,
      counterexamplePath: failure.counterexamplePath,
      fingerprint: failure.fingerprint,
      occurrences: failure.occurrences,
      ...(failure.sequence === undefined ? {} : { sequence: failure.sequence }),
    })),
    warnings: safe.warnings,
    ...(safe.uncleaned === undefined ? {} : { uncleaned: safe.uncleaned }),
  };
  return redactor.text(`${JSON.stringify(contract, null, 2)}\n`);
}
