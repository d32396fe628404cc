import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { corpusDefaults } from './corpus-defaults.js';
import { corpusSample } from './corpus-sample.js';
import { directorySpecs } from './directory-specs.js';
import { runCorpus } from './run-corpus.js';
import { summarizeOutcomes } from './summarize-outcomes.js';

// `npm run corpus [-- --sample N] [--only id,…] [--concurrency N] [--json out.json]`: every spec of the
// directory (or a sample, or the named ones) against Assay's own mock, one process per core.
const { values } = parseArgs({
  options: {
    sample: { type: 'string' },
    only: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'string' },
  },
});
const all = directorySpecs();
const only = values.only?.split(',');
const specs =
  only !== undefined
    ? all.filter((spec) => only.includes(spec.id))
    : values.sample !== undefined
      ? corpusSample(all, Number(values.sample), corpusDefaults.sampleMaxBytes)
      : all;
const started = performance.now();
const outcomes = await runCorpus(specs, {
  ...corpusDefaults.check,
  concurrency: Number(values.concurrency ?? availableParallelism()),
  onOutcome: (outcome, done, total) => {
    const detail =
      outcome.kind === 'rejected' || outcome.kind === 'broken'
        ? `: ${outcome.reason}`
        : outcome.kind === 'failing'
          ? `: ${outcome.failures.length} failures (${[...new Set(outcome.failures.map((f) => f.check))].join(', ')})`
          : '';
    process.stderr.write(
      `[${done}/${total}] ${outcome.kind} ${outcome.id} ${outcome.ms} ms${detail.slice(0, 200)}\n`,
    );
  },
});
const elapsed = performance.now() - started;
if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(outcomes, null, 2)}\n`);
process.stdout.write(`${summarizeOutcomes(outcomes, elapsed)}\n`);
process.exitCode = outcomes.some((o) => o.kind === 'failing' || o.kind === 'broken') ? 1 : 0;
