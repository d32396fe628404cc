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
          "hash": "f8b6c6f0a28d3d0c",
          "requests": 178,
          "warnings": 0,
        },
        "allFaults": {
          "failures": 32,
          "hash": "1252bacbd4b62c2c",
          "requests": 564,
          "warnings": 0,
        },
        "clean": {
          "failures": 0,
          "hash": "b63edfb79ade8637",
          "requests": 111,
          "warnings": 0,
        },
        "cutBody": {
          "failures": 1,
          "hash": "e498a5f82d47faa5",
          "requests": 92,
          "warnings": 0,
        },
        "duplicates-across-pages": {
          "failures": 3,
          "hash": "ec1cb2097a4452ce",
          "requests": 111,
          "warnings": 0,
        },
        "endless-walk": {
          "failures": 4,
          "hash": "848b46daba61fb01",
          "requests": 850,
          "warnings": 0,
        },
        "filter-leaks-hidden-items": {
          "failures": 1,
          "hash": "0bbb620dd8ef71ae",
          "requests": 112,
          "warnings": 0,
        },
        "ignored-auth": {
          "failures": 1,
          "hash": "1ddd3128f522eee2",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-filter": {
          "failures": 9,
          "hash": "f3df668e9fd861a7",
          "requests": 308,
          "warnings": 0,
        },
        "ignored-ordering": {
          "failures": 1,
          "hash": "765944d727fda74d",
          "requests": 111,
          "warnings": 0,
        },
        "ignored-search": {
          "failures": 1,
          "hash": "639369cd9f5364ac",
          "requests": 126,
          "warnings": 0,
        },
        "missing-items-across-pages": {
          "failures": 4,
          "hash": "cd1a2bf7c0bd2860",
          "requests": 111,
          "warnings": 0,
        },
        "next-on-last-page": {
          "failures": 4,
          "hash": "25b59d9f81c23474",
          "requests": 144,
          "warnings": 0,
        },
        "noShrink": {
          "failures": 2,
          "hash": "e4e44a4f4f6d87ce",
          "requests": 111,
          "warnings": 0,
        },
        "page-size-dependent-items": {
          "failures": 1,
          "hash": "8758f8d3cee21bbd",
          "requests": 111,
          "warnings": 0,
        },
        "page-size-ignored": {
          "failures": 3,
          "hash": "2604a558b1ea3ec7",
          "requests": 127,
          "warnings": 0,
        },
        "past-last-returns-last-page": {
          "failures": 2,
          "hash": "49d3b4f709ad5423",
          "requests": 167,
          "warnings": 0,
        },
        "per-page-ordering": {
          "failures": 4,
          "hash": "0f03ed0730ffcb56",
          "requests": 111,
          "warnings": 0,
        },
        "rejects-valid-input": {
          "failures": 1,
          "hash": "297271313a055acb",
          "requests": 127,
          "warnings": 0,
        },
        "schema-break": {
          "failures": 2,
          "hash": "5217142e5cbae97f",
          "requests": 142,
          "warnings": 0,
        },
        "server-error-on-input": {
          "failures": 2,
          "hash": "dd5b239ea91f75f8",
          "requests": 147,
          "warnings": 0,
        },
        "short-middle-page": {
          "failures": 6,
          "hash": "e69a37a797a018a1",
          "requests": 122,
          "warnings": 0,
        },
        "undocumented-status": {
          "failures": 1,
          "hash": "c345dee281398506",
          "requests": 121,
          "warnings": 0,
        },
        "unstable-count": {
          "failures": 3,
          "hash": "40af71e46427ba5a",
          "requests": 111,
          "warnings": 0,
        },
        "unstable-order": {
          "failures": 3,
          "hash": "02a3cd5306304c1e",
          "requests": 111,
          "warnings": 0,
        },
        "wrong-content-type": {
          "failures": 3,
          "hash": "479c1c2d8dd7eef6",
          "requests": 116,
          "warnings": 0,
        },
        "wrong-count": {
          "failures": 4,
          "hash": "a98b4ad31458a5f0",
          "requests": 135,
          "warnings": 0,
        },
        "wrong-current": {
          "failures": 4,
          "hash": "817fb3f3d9e99d10",
          "requests": 322,
          "warnings": 0,
        },
        "wrong-end-index": {
          "failures": 1,
          "hash": "0d90627290642d37",
          "requests": 122,
          "warnings": 0,
        },
        "wrong-next": {
          "failures": 5,
          "hash": "547e838b8efcf7f2",
          "requests": 116,
          "warnings": 0,
        },
        "wrong-previous": {
          "failures": 1,
          "hash": "181a2ba79fcacb19",
          "requests": 111,
          "warnings": 0,
        },
        "wrong-start-index": {
          "failures": 3,
          "hash": "e305b7854504e0f6",
          "requests": 133,
          "warnings": 0,
        },
        "wrong-total-pages": {
          "failures": 3,
          "hash": "f5f5f050923f7d17",
          "requests": 122,
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
            "hash": "baede37369b097ea",
            "requests": 27715,
            "warnings": 2,
          },
          "faults": {
            "failures": 3329,
            "hash": "16654e4e9336ba14",
            "requests": 44976,
            "warnings": 2,
          },
        }
      `);
    },
    300_000,
  );
});
