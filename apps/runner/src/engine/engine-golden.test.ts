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
          "hash": "6d44e3dcb8351d7b",
          "requests": 206,
          "warnings": 0,
        },
        "allFaults": {
          "failures": 32,
          "hash": "91faf61901bfe49e",
          "requests": 650,
          "warnings": 0,
        },
        "clean": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "count-ignores-writes": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "create-answer-differs": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "create-not-listed": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "create-unreadable": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "cutBody": {
          "failures": 1,
          "hash": "b7719feeac7d0e6b",
          "requests": 92,
          "warnings": 0,
        },
        "delete-keeps-item": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "duplicates-across-pages": {
          "failures": 3,
          "hash": "f49a719e17a16d82",
          "requests": 110,
          "warnings": 0,
        },
        "endless-walk": {
          "failures": 4,
          "hash": "2f908b8e50368314",
          "requests": 853,
          "warnings": 0,
        },
        "filter-leaks-hidden-items": {
          "failures": 1,
          "hash": "07d7872c9b536734",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-auth": {
          "failures": 1,
          "hash": "7d2adbe03a4c45d9",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-filter": {
          "failures": 9,
          "hash": "b009350f69fa5552",
          "requests": 338,
          "warnings": 0,
        },
        "ignored-ordering": {
          "failures": 1,
          "hash": "ece66b6cda2b9483",
          "requests": 110,
          "warnings": 0,
        },
        "ignored-search": {
          "failures": 1,
          "hash": "2bf2fd46937a4625",
          "requests": 128,
          "warnings": 0,
        },
        "missing-items-across-pages": {
          "failures": 4,
          "hash": "d363c57406b7cabb",
          "requests": 110,
          "warnings": 0,
        },
        "next-on-last-page": {
          "failures": 4,
          "hash": "e432179afa0b552f",
          "requests": 147,
          "warnings": 0,
        },
        "noShrink": {
          "failures": 2,
          "hash": "1245b357e9f118e2",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-dependent-items": {
          "failures": 1,
          "hash": "1870b9cd1a882c2c",
          "requests": 110,
          "warnings": 0,
        },
        "page-size-ignored": {
          "failures": 3,
          "hash": "f9f4698154c09a9d",
          "requests": 130,
          "warnings": 0,
        },
        "past-last-returns-last-page": {
          "failures": 2,
          "hash": "2e282e4a64a10c8c",
          "requests": 171,
          "warnings": 0,
        },
        "patch-drops-fields": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "per-page-ordering": {
          "failures": 4,
          "hash": "1ff0606fd8e48168",
          "requests": 110,
          "warnings": 0,
        },
        "rejects-valid-input": {
          "failures": 1,
          "hash": "691b085aa171a97c",
          "requests": 129,
          "warnings": 0,
        },
        "schema-break": {
          "failures": 2,
          "hash": "683fdd43ef692296",
          "requests": 146,
          "warnings": 0,
        },
        "server-error-on-input": {
          "failures": 2,
          "hash": "b6fbdbddf4d8b0a0",
          "requests": 154,
          "warnings": 0,
        },
        "short-middle-page": {
          "failures": 6,
          "hash": "2b484c80c57927cc",
          "requests": 122,
          "warnings": 0,
        },
        "undocumented-status": {
          "failures": 1,
          "hash": "d4c000a1787644e9",
          "requests": 123,
          "warnings": 0,
        },
        "unstable-count": {
          "failures": 3,
          "hash": "e95ca143ddb42862",
          "requests": 110,
          "warnings": 0,
        },
        "unstable-order": {
          "failures": 3,
          "hash": "f3862ee2eb50cfca",
          "requests": 110,
          "warnings": 0,
        },
        "update-not-kept": {
          "failures": 0,
          "hash": "2523d7e4f45d1968",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-content-type": {
          "failures": 3,
          "hash": "29ccb49ed5de3d72",
          "requests": 119,
          "warnings": 0,
        },
        "wrong-count": {
          "failures": 4,
          "hash": "8090f34fcc211ca0",
          "requests": 139,
          "warnings": 0,
        },
        "wrong-current": {
          "failures": 4,
          "hash": "68d0b4867e7126a1",
          "requests": 322,
          "warnings": 0,
        },
        "wrong-end-index": {
          "failures": 1,
          "hash": "219fc039e08aaa04",
          "requests": 122,
          "warnings": 0,
        },
        "wrong-next": {
          "failures": 5,
          "hash": "c4cf75a6fe661877",
          "requests": 116,
          "warnings": 0,
        },
        "wrong-previous": {
          "failures": 1,
          "hash": "648958580e88bce3",
          "requests": 110,
          "warnings": 0,
        },
        "wrong-start-index": {
          "failures": 3,
          "hash": "7556a557159e9471",
          "requests": 134,
          "warnings": 0,
        },
        "wrong-total-pages": {
          "failures": 3,
          "hash": "2c3b395a5923bd8e",
          "requests": 122,
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
            "hash": "4e91ac8918fd191b",
            "requests": 35607,
            "warnings": 2,
          },
          "faults": {
            "failures": 3451,
            "hash": "1d1e1b58b0c102e3",
            "requests": 179946,
            "warnings": 2,
          },
        }
      `);
    },
    900_000,
  );
});
