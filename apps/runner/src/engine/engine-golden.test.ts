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
          "hash": "a11eca0fdbe93124",
          "requests": 177,
          "warnings": 0,
        },
        "allFaults": {
          "failures": 32,
          "hash": "d3bd1e37ed2a0566",
          "requests": 563,
          "warnings": 0,
        },
        "clean": {
          "failures": 0,
          "hash": "ded7b8538e5b4b3a",
          "requests": 110,
          "warnings": 0,
        },
        "cutBody": {
          "failures": 1,
          "hash": "8004ccccde94dd09",
          "requests": 91,
          "warnings": 0,
        },
        "duplicates-across-pages": {
          "failures": 3,
          "hash": "06f03cbedcb55f75",
          "requests": 110,
          "warnings": 0,
        },
        "endless-walk": {
          "failures": 4,
          "hash": "0a64ba746841a6ed",
          "requests": 849,
          "warnings": 0,
        },
        "filter-leaks-hidden-items": {
          "failures": 1,
          "hash": "aeaf09e4760d85a0",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-auth": {
          "failures": 1,
          "hash": "1f5048292c18dc46",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-filter": {
          "failures": 9,
          "hash": "2fdd8930d393be1e",
          "requests": 307,
          "warnings": 0,
        },
        "ignored-ordering": {
          "failures": 1,
          "hash": "e38497d1918ba866",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-search": {
          "failures": 1,
          "hash": "507ded1139754df0",
          "requests": 125,
          "warnings": 0,
        },
        "missing-items-across-pages": {
          "failures": 4,
          "hash": "69868748accc1c8c",
          "requests": 110,
          "warnings": 0,
        },
        "next-on-last-page": {
          "failures": 4,
          "hash": "712f661b9179fd02",
          "requests": 143,
          "warnings": 0,
        },
        "noShrink": {
          "failures": 2,
          "hash": "80e205e512b78abb",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-dependent-items": {
          "failures": 1,
          "hash": "5c46e37e988cb5ec",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-ignored": {
          "failures": 3,
          "hash": "d8ab7a1ae3e9044e",
          "requests": 126,
          "warnings": 0,
        },
        "past-last-returns-last-page": {
          "failures": 2,
          "hash": "e41f87edc7650150",
          "requests": 166,
          "warnings": 0,
        },
        "per-page-ordering": {
          "failures": 4,
          "hash": "c564be3ff097b343",
          "requests": 110,
          "warnings": 0,
        },
        "rejects-valid-input": {
          "failures": 1,
          "hash": "76aa113af41be9a9",
          "requests": 126,
          "warnings": 0,
        },
        "schema-break": {
          "failures": 2,
          "hash": "26c0824ad045af48",
          "requests": 141,
          "warnings": 0,
        },
        "server-error-on-input": {
          "failures": 2,
          "hash": "9d19b005dc1e7c44",
          "requests": 146,
          "warnings": 0,
        },
        "short-middle-page": {
          "failures": 6,
          "hash": "61d9abfd33040b87",
          "requests": 121,
          "warnings": 0,
        },
        "undocumented-status": {
          "failures": 1,
          "hash": "fe8fa5300b1717d4",
          "requests": 120,
          "warnings": 0,
        },
        "unstable-count": {
          "failures": 3,
          "hash": "9dff4ab898f40040",
          "requests": 110,
          "warnings": 0,
        },
        "unstable-order": {
          "failures": 3,
          "hash": "0da8ed174ce73efe",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-content-type": {
          "failures": 3,
          "hash": "d26997ca528eb56c",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-count": {
          "failures": 4,
          "hash": "3fe9e1ea81fffca9",
          "requests": 134,
          "warnings": 0,
        },
        "wrong-current": {
          "failures": 4,
          "hash": "b578306b2ed3e346",
          "requests": 321,
          "warnings": 0,
        },
        "wrong-end-index": {
          "failures": 1,
          "hash": "b2e3b3a35ad47914",
          "requests": 121,
          "warnings": 0,
        },
        "wrong-next": {
          "failures": 5,
          "hash": "9637b4843137ec13",
          "requests": 115,
          "warnings": 0,
        },
        "wrong-previous": {
          "failures": 1,
          "hash": "500d44144cb1ce55",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-start-index": {
          "failures": 3,
          "hash": "8381642ee3f0149e",
          "requests": 132,
          "warnings": 0,
        },
        "wrong-total-pages": {
          "failures": 3,
          "hash": "42b81051c18fc8e8",
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
            "failures": 0,
            "hash": "aa41bbeabdeb6a5e",
            "requests": 27166,
            "warnings": 2,
          },
          "faults": {
            "failures": 3329,
            "hash": "183bd94e953af8c1",
            "requests": 44428,
            "warnings": 2,
          },
        }
      `);
    },
    300_000,
  );
});
