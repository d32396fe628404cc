import { createSchemaValidator, type SchemaValidator } from '@assay/checks';
import { AssayError, type HttpRequest, type Operation } from '@assay/model';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planRequest, type RequestPlan, readBack } from '../src/_internals/request-plan.js';
import { coverageRequests, exampleRequests, requestArbitrary, schemaArbitrary } from '../src/index.js';
import {
  type CorpusApi,
  corpusMissing,
  loadCorpus,
  type SchemaRole,
  schemasOf,
  unsupportedKeywords,
} from './corpus.js';

// How many schemas and operations per document are exercised, spread evenly over its lists: keeps
// the suite within its time budget while touching every document of the corpus.
const SCHEMAS_PER_DOCUMENT = 25;
const VALUES_PER_SCHEMA = 8;
const OPERATIONS_PER_DOCUMENT = 4;
const REQUESTS_PER_MODE = 12;

interface Failure {
  law: string;
  file: string;
  where: string;
  detail: string;
}

function spread<T>(items: readonly T[], count: number): T[] {
  const step = Math.max(1, items.length / count);
  const out: T[] = [];
  for (let k = 0; k < items.length; k += step) out.push(items[Math.floor(k)]!);
  return out;
}

function generationReason(error: unknown): string | undefined {
  if (!AssayError.is(error) || error.code !== 'generation') return undefined;
  return error.message.replace(/".*?"|\d+|\/.*?\/|Operation \S+/g, '…').slice(0, 90);
}

if (corpusMissing !== undefined) process.stderr.write(`generators corpus laws: skipped: ${corpusMissing}\n`);

let corpus: { apis: CorpusApi[]; refused: string[] };

beforeAll(async () => {
  corpus = corpusMissing === undefined ? await loadCorpus() : { apis: [], refused: [] };
}, 600_000);

describe.skipIf(corpusMissing !== undefined)('schemaArbitrary laws over the corpus', () => {
  const failures: Failure[] = [];
  const exercised: Record<SchemaRole, number> = { parameter: 0, response: 0, 'request-body': 0 };
  const generationErrors = new Map<string, number>();
  const unsupported = new Map<string, number>();
  let values = 0;
  let shrinkCandidates = 0;

  beforeAll(() => {
    for (const { file, api } of corpus.apis) {
      const validator = createSchemaValidator(api.schemas);
      spread(schemasOf(api), SCHEMAS_PER_DOCUMENT).forEach(({ role, where, schema }, k) => {
        for (const [keyword, count] of unsupportedKeywords(schema, api.schemas)) {
          unsupported.set(keyword, (unsupported.get(keyword) ?? 0) + count);
        }
        try {
          const arbitrary = schemaArbitrary(schema, { defs: api.schemas });
          const seed = k + 1;
          const drawn = fc.sample(arbitrary, { numRuns: VALUES_PER_SCHEMA, seed });
          exercised[role] += 1;
          values += drawn.length;
          const invalid = drawn.find((value) => !validator.isValid(schema, value));
          if (invalid !== undefined) {
            const errors = validator
              .validate(schema, invalid)
              .slice(0, 2)
              .map((e) => `${e.pointer} ${e.keyword} ${e.message}`);
            failures.push({
              law: 'valid',
              file,
              where,
              detail: `${JSON.stringify(invalid).slice(0, 200)} :: ${errors.join('; ')}`,
            });
          }
          const again = fc.sample(arbitrary, { numRuns: VALUES_PER_SCHEMA, seed });
          if (JSON.stringify(again) !== JSON.stringify(drawn))
            failures.push({ law: 'same seed, same values', file, where, detail: '' });
          // A property that always fails makes fast-check shrink as far as it can; every candidate it tries must stay valid.
          fc.check(
            fc.property(arbitrary, (value) => {
              shrinkCandidates += 1;
              if (!validator.isValid(schema, value)) {
                failures.push({
                  law: 'shrinks stay valid',
                  file,
                  where,
                  detail: JSON.stringify(value).slice(0, 200),
                });
              }
              return false;
            }),
            { numRuns: 1, seed },
          );
        } catch (error) {
          const reason = generationReason(error);
          if (reason === undefined) throw error;
          generationErrors.set(reason, (generationErrors.get(reason) ?? 0) + 1);
        }
      });
    }
    const total = exercised.parameter + exercised.response + exercised['request-body'];
    const skipped = [...generationErrors.values()].reduce((a, b) => a + b, 0);
    console.log(
      [
        `schema laws: ${corpus.apis.length} documents loaded (${corpus.refused.length} refused by the loader)`,
        `schemas exercised: ${total} (parameter ${exercised.parameter}, response ${exercised.response}, request body ${exercised['request-body']}); ${values} values; ${shrinkCandidates} shrink candidates`,
        `not generated (AssayError generation): ${skipped}`,
        ...[...generationErrors].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${n} × ${reason}`),
        `unsupported keywords seen (occurrences): ${
          [...unsupported]
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${k} ${n}`)
            .join(', ') || 'none'
        }`,
        `law failures: ${failures.length}`,
        ...failures.slice(0, 30).map((f) => `  [${f.law}] ${f.file} ${f.where}: ${f.detail}`),
      ].join('\n'),
    );
  }, 600_000);

  it('exercises schemas from every loaded document', () => {
    expect(corpus.apis.length).toBeGreaterThan(100);
    expect(exercised.parameter).toBeGreaterThan(500);
    expect(exercised.response).toBeGreaterThan(500);
  });

  it('generated values validate with the project validator', () => {
    expect(failures.filter((f) => f.law === 'valid')).toEqual([]);
  });

  it('the same seed gives the same values', () => {
    expect(failures.filter((f) => f.law === 'same seed, same values')).toEqual([]);
  });

  it('shrinking never produces an invalid value', () => {
    expect(failures.filter((f) => f.law === 'shrinks stay valid')).toEqual([]);
  });
});

/** Whether every parameter reads back valid, except `except`; and the JSON body, unless excepted. */
function requestProblems(plan: RequestPlan, validator: SchemaValidator, request: HttpRequest): string[] {
  const problems: string[] = [];
  const reason = request.reason;
  plan.params.forEach((p) => {
    const changed =
      reason !== undefined && reason.location === p.parameter.in && reason.name === p.parameter.name;
    const value = readBack(plan, request, p, changed ? 'lenient' : 'plain');
    const valid = value === undefined ? !p.parameter.required : validator.isValid(p.parameter.schema, value);
    if (valid === changed)
      problems.push(
        `${p.parameter.in} ${p.parameter.name} read back as ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`,
      );
  });
  const media = plan.body?.media;
  if (media !== undefined && (media.mediaType === 'application/json' || media.mediaType.endsWith('+json'))) {
    const changed = reason?.location === 'body';
    const valid =
      request.body === undefined
        ? !plan.body!.required
        : validator.isValid(media.schema, JSON.parse(String(request.body)));
    if (valid === changed) problems.push(`body is ${valid ? 'valid' : 'invalid'}`);
  }
  return problems;
}

describe.skipIf(corpusMissing !== undefined)('request generation over the corpus', () => {
  const failures: Failure[] = [];
  const generationErrors = new Map<string, number>();
  const counts = { operations: 0, positive: 0, negative: 0, coverage: 0, coverageNegative: 0, example: 0 };

  beforeAll(() => {
    for (const { file, api } of corpus.apis) {
      const validator = createSchemaValidator(api.schemas);
      const options = { defs: api.schemas, isValid: validator.isValid };
      spread(api.operations, OPERATIONS_PER_DOCUMENT).forEach((operation: Operation, k) => {
        counts.operations += 1;
        const check = (request: HttpRequest) => {
          const plan = planRequest(operation, options);
          for (const problem of requestProblems(plan, validator, request)) {
            failures.push({
              law: request.mode,
              file,
              where: `${operation.id} ${request.reason?.message ?? ''}`,
              detail: problem,
            });
          }
        };
        for (const mode of ['positive', 'negative'] as const) {
          try {
            for (const request of fc.sample(requestArbitrary(operation, mode, options), {
              numRuns: REQUESTS_PER_MODE,
              seed: k + 1,
            })) {
              counts[mode] += 1;
              check(request);
            }
          } catch (error) {
            const reason = generationReason(error);
            if (reason === undefined) throw error;
            generationErrors.set(`${mode}: ${reason}`, (generationErrors.get(`${mode}: ${reason}`) ?? 0) + 1);
          }
        }
        try {
          for (const request of [
            ...coverageRequests(operation, options),
            ...exampleRequests(operation, options),
          ]) {
            if (request.mode === 'coverage') counts.coverage += 1;
            else if (request.mode === 'negative') counts.coverageNegative += 1;
            else counts.example += 1;
            check(request);
          }
        } catch (error) {
          const reason = generationReason(error);
          if (reason === undefined) throw error;
          generationErrors.set(`coverage: ${reason}`, (generationErrors.get(`coverage: ${reason}`) ?? 0) + 1);
        }
      });
    }
    console.log(
      [
        `request laws: ${counts.operations} operations; ${counts.positive} positive, ${counts.negative} negative, ${counts.coverage} coverage, ${counts.coverageNegative} beyond-bounds coverage, ${counts.example} example requests`,
        ...[...generationErrors].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${n} × ${reason}`),
        `request law failures: ${failures.length}`,
        ...failures.slice(0, 30).map((f) => `  [${f.law}] ${f.file} ${f.where}: ${f.detail}`),
      ].join('\n'),
    );
  }, 600_000);

  it('positive and coverage requests: every parameter and JSON body reads back valid', () => {
    expect(counts.positive).toBeGreaterThan(1000);
    expect(
      failures.filter((f) => f.law === 'positive' || f.law === 'coverage' || f.law === 'example'),
    ).toEqual([]);
  });

  it('negative requests: exactly the named parameter or body reads back invalid (zero false positives)', () => {
    expect(counts.negative).toBeGreaterThan(1000);
    expect(failures.filter((f) => f.law === 'negative')).toEqual([]);
  });
});
