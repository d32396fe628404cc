import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { faultCatalogue } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { identificationSpec, sharedSpecs } from '../_test/paths.js';
import { type ExecuteRunOptions, executeRun } from './execute-run.js';
import { formatWarning } from './format-warning.js';
import type { RunResult } from './run-result.js';

// The engine's behaviour, pinned: for a fixed seed, the exact requests on the wire (method, URL,
// body, in order) and everything the run found. The fingerprints below were produced by the engine
// before it was split into phases; a change to the engine that changes what a seed sends or finds
// shows here. When a change is meant to alter behaviour, say so in the commit and update them.

const base: ExecuteRunOptions = {
  spec: 'spec',
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: 25,
  seed: 1,
  excludeChecks: [],
  concurrency: 4,
  timeoutMs: 5000,
  unsafe: false,
  shrink: true,
  maxBodyBytes: 10 * 1024 * 1024,
  faults: [],
};

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('base64');
  return `<${typeof body}>`;
}

/** Every request that reaches the target, in order: method, path and query, body. */
function recorder(log: string[]) {
  return (dispatcher: Dispatcher): Dispatcher =>
    dispatcher.compose((dispatch) => (options, handler) => {
      log.push(`${options.method} ${options.path} ${bodyText(options.body)}`);
      return dispatch(options, handler);
    });
}

/** What a run found, without what depends on the clock (durations, latencies, dates). */
function findings(result: RunResult): unknown {
  return {
    requests: result.requests,
    incomplete: result.incomplete,
    checks: result.checks,
    operations: result.operations.map((op) => [
      op.operationId,
      op.requests,
      op.failures,
      op.checks,
      op.skipped,
    ]),
    failures: result.failures.map((f) => [
      f.operationId,
      f.method,
      f.operationPath,
      f.violation.check,
      f.violation.severity,
      f.violation.message,
      f.violation.pointer,
      f.violation.keyword,
      f.violation.expected,
      f.violation.actual,
      f.violation.fingerprint,
      f.mode,
      f.request,
      f.response === undefined
        ? null
        : [f.response.status, f.response.headers, f.response.body, f.response.truncated],
      f.seed,
      f.path ?? null,
      f.shrunk,
      f.occurrences,
    ]),
    warnings: (result.warnings ?? []).map(formatWarning),
    specWarnings: (result.specWarnings ?? []).map(formatWarning),
  };
}

interface Fingerprint {
  requests: number;
  failures: number;
  warnings: number;
  hash: string;
}

async function fingerprintOf(api: ApiModel, options: Partial<ExecuteRunOptions>): Promise<Fingerprint> {
  const log: string[] = [];
  const result = await executeRun(api, { ...base, ...options, wrapDispatcher: recorder(log) });
  const hash = createHash('sha256');
  for (const line of log) hash.update(`${line}\n`);
  hash.update(JSON.stringify(findings(result)));
  return {
    requests: log.length,
    failures: result.failures.length,
    warnings: (result.warnings?.length ?? 0) + (result.specWarnings?.length ?? 0),
    hash: hash.digest('hex').slice(0, 16),
  };
}

describe('the engine replays a seed exactly as before (golden fingerprints)', () => {
  it('on the identification spec: clean, each fault alone, all faults, a cut body', async () => {
    const api = await loadApi(identificationSpec);
    const runs: Record<string, Fingerprint> = {};
    runs.clean = await fingerprintOf(api, { seed: 7 });
    runs.noShrink = await fingerprintOf(api, { seed: 7, faults: ['server-error-on-input'], shrink: false });
    for (const fault of faultCatalogue)
      runs[fault.name] = await fingerprintOf(api, { seed: 7, faults: [fault.name] });
    runs.allFaults = await fingerprintOf(api, { seed: 11, faults: faultCatalogue.map((f) => f.name) });
    runs.cutBody = await fingerprintOf(api, { seed: 7, maxBodyBytes: 300 });
    expect(runs).toMatchInlineSnapshot(`
      {
        "accepts-invalid-input": {
          "failures": 9,
          "hash": "ae64b573432e2cfc",
          "requests": 177,
          "warnings": 0,
        },
        "allFaults": {
          "failures": 32,
          "hash": "81649fbe4197fdec",
          "requests": 563,
          "warnings": 0,
        },
        "clean": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "count-ignores-writes": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "create-answer-differs": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "create-not-listed": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "create-unreadable": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "cutBody": {
          "failures": 1,
          "hash": "0f8baa5eac7c546d",
          "requests": 91,
          "warnings": 0,
        },
        "delete-keeps-item": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "duplicates-across-pages": {
          "failures": 3,
          "hash": "3562a3cdacbeb15f",
          "requests": 110,
          "warnings": 0,
        },
        "endless-walk": {
          "failures": 4,
          "hash": "ddea3d17caa9d74d",
          "requests": 849,
          "warnings": 0,
        },
        "filter-leaks-hidden-items": {
          "failures": 1,
          "hash": "b453a49b3e2c5055",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-auth": {
          "failures": 1,
          "hash": "c2cbd08ae4375403",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-filter": {
          "failures": 9,
          "hash": "6eb59fb11ca46dcd",
          "requests": 307,
          "warnings": 0,
        },
        "ignored-ordering": {
          "failures": 1,
          "hash": "703ed830b2c4f9d3",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-search": {
          "failures": 1,
          "hash": "b130b3d6e7ab7948",
          "requests": 125,
          "warnings": 0,
        },
        "missing-items-across-pages": {
          "failures": 4,
          "hash": "041b8c83acda6422",
          "requests": 110,
          "warnings": 0,
        },
        "next-on-last-page": {
          "failures": 4,
          "hash": "645a10bcceba78e8",
          "requests": 143,
          "warnings": 0,
        },
        "noShrink": {
          "failures": 2,
          "hash": "47f1d83b1ba6726c",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-dependent-items": {
          "failures": 1,
          "hash": "42d66cf28a1ec0fa",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-ignored": {
          "failures": 3,
          "hash": "acf0fbf7860e056e",
          "requests": 126,
          "warnings": 0,
        },
        "past-last-returns-last-page": {
          "failures": 2,
          "hash": "f2d7299fcfa5f1b3",
          "requests": 166,
          "warnings": 0,
        },
        "patch-drops-fields": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "per-page-ordering": {
          "failures": 4,
          "hash": "fa9ce625f7be1fcf",
          "requests": 110,
          "warnings": 0,
        },
        "rejects-valid-input": {
          "failures": 1,
          "hash": "675ecf6d7e2ea4ec",
          "requests": 126,
          "warnings": 0,
        },
        "schema-break": {
          "failures": 2,
          "hash": "a0b6d20e4f6b078c",
          "requests": 141,
          "warnings": 0,
        },
        "server-error-on-input": {
          "failures": 2,
          "hash": "798e0eb3bbd355b5",
          "requests": 146,
          "warnings": 0,
        },
        "short-middle-page": {
          "failures": 6,
          "hash": "7f9baf666fc82337",
          "requests": 121,
          "warnings": 0,
        },
        "undocumented-status": {
          "failures": 1,
          "hash": "95bbf1cac23dc5da",
          "requests": 120,
          "warnings": 0,
        },
        "unstable-count": {
          "failures": 3,
          "hash": "e8ead0b0aa84c916",
          "requests": 110,
          "warnings": 0,
        },
        "unstable-order": {
          "failures": 3,
          "hash": "dcbd3ded4bfc33c6",
          "requests": 110,
          "warnings": 0,
        },
        "update-not-kept": {
          "failures": 0,
          "hash": "ebe78d4ec6bd548b",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-content-type": {
          "failures": 3,
          "hash": "f783c5b38d3f2fbd",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-count": {
          "failures": 4,
          "hash": "877347ebefe2e8df",
          "requests": 134,
          "warnings": 0,
        },
        "wrong-current": {
          "failures": 4,
          "hash": "56298423a6d06c03",
          "requests": 321,
          "warnings": 0,
        },
        "wrong-end-index": {
          "failures": 1,
          "hash": "bd9c7387c677b170",
          "requests": 121,
          "warnings": 0,
        },
        "wrong-next": {
          "failures": 5,
          "hash": "6c0caeb3cbbce1f5",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-previous": {
          "failures": 1,
          "hash": "b127f519eb946cdf",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-start-index": {
          "failures": 3,
          "hash": "e1b1e8880e5baef7",
          "requests": 132,
          "warnings": 0,
        },
        "wrong-total-pages": {
          "failures": 3,
          "hash": "941cd66e7fe4dd9c",
          "requests": 121,
          "warnings": 0,
        },
      }
    `);
  });

  const authentik = `${sharedSpecs}authentik-schema.yml`;
  if (!existsSync(authentik)) {
    process.stderr.write(
      'engine golden on authentik: skipped: needs ../shared/specs/authentik-schema.yml, from the reference corpus beside the repository (.ci/run provides it)\n',
    );
  }
  it.skipIf(!existsSync(authentik))(
    "on authentik's schema, writes included (needs ../shared/specs/authentik-schema.yml)",
    async () => {
      const api = await loadApi(authentik);
      const runs = {
        clean: await fingerprintOf(api, { seed: 1130, maxExamples: 3, unsafe: true }),
        faults: await fingerprintOf(api, {
          seed: 5,
          maxExamples: 2,
          unsafe: true,
          faults: ['schema-break', 'ignored-auth', 'wrong-count', 'server-error-on-input'],
        }),
      };
      expect(runs).toMatchInlineSnapshot(`
        {
          "clean": {
            "failures": 488,
            "hash": "c8bf544d3fc57704",
            "requests": 38654,
            "warnings": 2,
          },
          "faults": {
            "failures": 3577,
            "hash": "12a1df85242abec3",
            "requests": 169641,
            "warnings": 2,
          },
        }
      `);
    },
    600_000,
  );
});
