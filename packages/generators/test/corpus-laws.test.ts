import { createSchemaValidator } from '@assay/checks';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaArbitrary } from '../src/index.js';
import { type CorpusApi, loadCorpus, type SchemaRole, schemasOf, unsupportedKeywords } from './corpus.js';

// How many schemas per document are exercised, spread evenly over its list: keeps the suite within
// its time budget while touching every document of the corpus.
const PER_DOCUMENT = 25;
const VALUES_PER_SCHEMA = 8;

interface Failure {
  law: string;
  file: string;
  where: string;
  detail: string;
}

describe('schemaArbitrary laws over the corpus', () => {
  let corpus: { apis: CorpusApi[]; refused: string[] };
  const failures: Failure[] = [];
  const exercised: Record<SchemaRole, number> = { parameter: 0, response: 0, 'request-body': 0 };
  const generationErrors = new Map<string, number>();
  const unsupported = new Map<string, number>();
  let values = 0;
  let shrinkCandidates = 0;

  beforeAll(async () => {
    corpus = await loadCorpus();
    for (const { file, api } of corpus.apis) {
      const validator = createSchemaValidator(api.schemas);
      const all = schemasOf(api);
      const step = Math.max(1, all.length / PER_DOCUMENT);
      for (let k = 0; k < all.length; k += step) {
        const { role, where, schema } = all[Math.floor(k)]!;
        for (const [keyword, count] of unsupportedKeywords(schema, api.schemas))
          unsupported.set(keyword, (unsupported.get(keyword) ?? 0) + count);
        let arbitrary: fc.Arbitrary<unknown>;
        try {
          arbitrary = schemaArbitrary(schema, { defs: api.schemas });
          const seed = k + 1;
          const drawn = fc.sample(arbitrary, { numRuns: VALUES_PER_SCHEMA, seed });
          exercised[role] += 1;
          values += drawn.length;
          for (const value of drawn) {
            let ok = false;
            try {
              ok = validator.isValid(schema, value);
            } catch (e) {
              const bad: string[] = [];
              JSON.stringify(value, (k, v) => {
                if (k in Object.prototype) bad.push(k + '=' + JSON.stringify(v));
                return v;
              });
              console.log('CRASH', bad.join(' '));
              throw e;
            }
            if (!ok) {
              const errors = validator
                .validate(schema, value)
                .slice(0, 2)
                .map((e) => `${e.pointer} ${e.keyword} ${e.message}`);
              failures.push({
                law: 'valid',
                file,
                where,
                detail: `${JSON.stringify(value).slice(0, 200)} :: ${errors.join('; ')}`,
              });
              break;
            }
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
          if (!AssayError.is(error) || error.code !== 'generation') throw error;
          const reason = error.message.replace(/".*?"|\d+|\/.*?\//g, '…').slice(0, 90);
          generationErrors.set(reason, (generationErrors.get(reason) ?? 0) + 1);
          if (process.env.ASSAY_DEBUG) console.log('GENERR', file, where, error.message.slice(0, 150));
        }
      }
    }
    const total = exercised.parameter + exercised.response + exercised['request-body'];
    const skipped = [...generationErrors.values()].reduce((a, b) => a + b, 0);
    console.log(
      [
        `corpus laws: ${corpus.apis.length} documents loaded (${corpus.refused.length} refused by the loader)`,
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
  }, 240_000);

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
