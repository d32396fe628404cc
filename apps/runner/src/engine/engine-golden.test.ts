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
          "hash": "e7eb9c59394e102b",
          "requests": 177,
          "warnings": 0,
        },
        "allFaults": {
          "failures": 32,
          "hash": "6cd31189b844ac68",
          "requests": 563,
          "warnings": 0,
        },
        "clean": {
          "failures": 0,
          "hash": "751949e1b9384e49",
          "requests": 110,
          "warnings": 0,
        },
        "cutBody": {
          "failures": 1,
          "hash": "412a8b9aff61338f",
          "requests": 91,
          "warnings": 0,
        },
        "duplicates-across-pages": {
          "failures": 3,
          "hash": "4740498d948dcea4",
          "requests": 110,
          "warnings": 0,
        },
        "endless-walk": {
          "failures": 4,
          "hash": "2e2e538d44097680",
          "requests": 849,
          "warnings": 0,
        },
        "filter-leaks-hidden-items": {
          "failures": 1,
          "hash": "9520f26b4924e486",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-auth": {
          "failures": 1,
          "hash": "954d503df87540eb",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-filter": {
          "failures": 9,
          "hash": "b1ed404cfb0746a5",
          "requests": 307,
          "warnings": 0,
        },
        "ignored-ordering": {
          "failures": 1,
          "hash": "ac21fcf62ac09621",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-search": {
          "failures": 1,
          "hash": "bae31d576bc157ea",
          "requests": 125,
          "warnings": 0,
        },
        "missing-items-across-pages": {
          "failures": 4,
          "hash": "344bd1431d1ce065",
          "requests": 110,
          "warnings": 0,
        },
        "next-on-last-page": {
          "failures": 4,
          "hash": "248a3c24e0a33757",
          "requests": 143,
          "warnings": 0,
        },
        "noShrink": {
          "failures": 2,
          "hash": "15ceaa897af3d1d2",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-dependent-items": {
          "failures": 1,
          "hash": "89400f4adb3275f9",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-ignored": {
          "failures": 3,
          "hash": "c1f5c8171ea08f29",
          "requests": 126,
          "warnings": 0,
        },
        "past-last-returns-last-page": {
          "failures": 2,
          "hash": "e89c1ad52eb87b07",
          "requests": 166,
          "warnings": 0,
        },
        "per-page-ordering": {
          "failures": 4,
          "hash": "e848d966abb04492",
          "requests": 110,
          "warnings": 0,
        },
        "rejects-valid-input": {
          "failures": 1,
          "hash": "8fc4bc8bcdf14fed",
          "requests": 126,
          "warnings": 0,
        },
        "schema-break": {
          "failures": 2,
          "hash": "7696b8096250858d",
          "requests": 141,
          "warnings": 0,
        },
        "server-error-on-input": {
          "failures": 2,
          "hash": "224273509f5da091",
          "requests": 146,
          "warnings": 0,
        },
        "short-middle-page": {
          "failures": 6,
          "hash": "9b3de59002ac1319",
          "requests": 121,
          "warnings": 0,
        },
        "undocumented-status": {
          "failures": 1,
          "hash": "1e1f310ec8e37595",
          "requests": 120,
          "warnings": 0,
        },
        "unstable-count": {
          "failures": 3,
          "hash": "c9f06e134c282dab",
          "requests": 110,
          "warnings": 0,
        },
        "unstable-order": {
          "failures": 3,
          "hash": "3a00a7fb72297461",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-content-type": {
          "failures": 3,
          "hash": "4aee3135e3107b31",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-count": {
          "failures": 4,
          "hash": "2190fc445029cf1d",
          "requests": 134,
          "warnings": 0,
        },
        "wrong-current": {
          "failures": 4,
          "hash": "ac65cd07fb55d566",
          "requests": 321,
          "warnings": 0,
        },
        "wrong-end-index": {
          "failures": 1,
          "hash": "26dea0fc174b9223",
          "requests": 121,
          "warnings": 0,
        },
        "wrong-next": {
          "failures": 5,
          "hash": "5073e93336e04e1e",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-previous": {
          "failures": 1,
          "hash": "4cf259074c4616d0",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-start-index": {
          "failures": 3,
          "hash": "1a409f355476ed4e",
          "requests": 132,
          "warnings": 0,
        },
        "wrong-total-pages": {
          "failures": 3,
          "hash": "9648526c40811af0",
          "requests": 121,
          "warnings": 0,
        },
      }
    `);
  });

  const authentik = `${sharedSpecs}authentik-schema.yml`;
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
            "failures": 0,
            "hash": "f7ad8dbac76c5f0d",
            "requests": 25991,
            "warnings": 4,
          },
          "faults": {
            "failures": 3330,
            "hash": "780946d1be120f01",
            "requests": 43044,
            "warnings": 4,
          },
        }
      `);
    },
    180_000,
  );
});
