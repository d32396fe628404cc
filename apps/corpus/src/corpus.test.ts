import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecOutcome } from './check-spec.js';
import { corpusDefaults } from './corpus-defaults.js';
import { corpusSample } from './corpus-sample.js';
import { directorySpecs } from './directory-specs.js';
import { knownDisagreements } from './known-disagreements.js';
import { runCorpus } from './run-corpus.js';
import { summarizeOutcomes } from './summarize-outcomes.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let outcomes: SpecOutcome[];

beforeAll(async () => {
  // The sample runs the built CLI, as a user would: build it (turbo, cached) rather than trust a stale dist/.
  await promisify(execFile)(
    'npx',
    ['turbo', 'run', 'build', '--filter=@assay/runner', '--output-logs=errors-only'],
    { cwd: repoRoot, timeout: 240_000, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  const sample = corpusSample(directorySpecs(), corpusDefaults.sampleSize, corpusDefaults.sampleMaxBytes);
  const started = performance.now();
  outcomes = await runCorpus(sample, { ...corpusDefaults.check, concurrency: availableParallelism() });
  console.log(summarizeOutcomes(outcomes, performance.now() - started));
});

describe(`Assay against its own mock, over a fixed sample of ${corpusDefaults.sampleSize} APIs.guru specs`, () => {
  it('covers the whole sample', () => {
    expect(outcomes).toHaveLength(corpusDefaults.sampleSize);
  });

  it('never breaks: no internal error, crash, timeout or rejection longer than one line', () => {
    expect(outcomes.filter((o) => o.kind === 'broken').map((o) => `${o.id}: ${o.reason}`)).toEqual([]);
  });

  it('rejects a spec only with one line naming the error code and the defect', () => {
    for (const o of outcomes) {
      if (o.kind !== 'rejected') continue;
      expect(o.reason, o.id).toMatch(/^[a-z]+(-[a-z]+)*: \S.{10,}$/);
    }
  });

  it('finds no failure on its own mock but the known disagreements, and each of those still fails', () => {
    const failing = new Map(
      outcomes.flatMap((o) =>
        o.kind === 'failing' ? [[o.id, [...new Set(o.failures.map((f) => f.check))].sort()]] : [],
      ),
    );
    const unexplained = [...failing].filter(
      ([id, checks]) => !checks.every((check) => knownDisagreements[id]?.checks.includes(check)),
    );
    expect(unexplained.map(([id, checks]) => `${id}: ${checks.join(', ')}`)).toEqual([]);
    const sampled = new Set(outcomes.map((o) => o.id));
    const stale = Object.keys(knownDisagreements).filter(
      (id) => sampled.has(id) && !failing.has(id) && knownDisagreements[id]?.open !== true,
    );
    expect(stale, 'these no longer fail: remove them from known-disagreements.ts').toEqual([]);
  });
});
