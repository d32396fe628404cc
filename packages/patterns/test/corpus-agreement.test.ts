import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { patternMatcher } from '../src/index.js';

// The reference corpus, next to the repository (never copied into it).
const CORPUS = join(import.meta.dirname, '../../../../shared/specs');
/** Why the suite cannot run here, said in one line; undefined when it can. */
const missing = existsSync(CORPUS)
  ? undefined
  : 'needs ../shared/specs, the reference corpus beside the repository (.ci/run provides it)';
if (missing !== undefined) process.stderr.write(`patterns corpus agreement: skipped: ${missing}\n`);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

function collect(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'pattern' && typeof item === 'string') into.add(item);
      collect(item, into);
    }
  }
}

const patterns = new Set<string>();

beforeAll(() => {
  if (missing !== undefined) return;
  for (const file of walk(CORPUS)) {
    if (!/\.(json|ya?ml)$/.test(file) || file.includes('/.licenses/')) continue;
    const text = readFileSync(file, 'utf8');
    try {
      collect(file.endsWith('.json') ? JSON.parse(text) : load(text, { json: true }), patterns);
    } catch {
      // Documents the loader refuses are not this test's concern.
    }
  }
});

describe.skipIf(missing !== undefined)('the pattern policy over every pattern of the corpus', () => {
  it('compiles every pattern, and only unreadable ones go unenforced', () => {
    const engines = { ecmascript: 0, re2: 0, none: 0 };
    for (const pattern of patterns) {
      const matcher = patternMatcher(pattern);
      engines[matcher.engine] += 1;
      if (matcher.engine === 'none') {
        // Unenforced only when ECMAScript cannot read it, or it is risky and RE2 cannot express it.
        let readable = true;
        try {
          new RegExp(pattern);
        } catch {
          readable = false;
        }
        expect(readable === false || matcher.toString().startsWith('none:'), pattern).toBe(true);
      }
    }
    console.log(`corpus patterns: ${patterns.size} distinct; engines ${JSON.stringify(engines)}`);
    expect(patterns.size).toBeGreaterThan(150);
    expect(engines.re2).toBeGreaterThan(0);
  });

  it('RE2 answers as ECMAScript does wherever the policy swaps engines (strings drawn from the pattern, and near misses)', () => {
    const disagreements: string[] = [];
    for (const pattern of patterns) {
      const matcher = patternMatcher(pattern);
      if (matcher.engine !== 're2' || matcher.regExp === undefined) continue;
      const native = matcher.regExp;
      // Short strings keep the backtracking engine's worst case small enough to run here (near misses
      // are what makes it backtrack; strings drawn from the pattern match on its first path).
      const matching = fc.stringMatching(native).map((s) => (s.length <= 40 ? s : s.slice(0, 16)));
      const literals = [...new Set(pattern.replace(/\\./g, '').split(''))];
      const nearMiss = fc.string({
        unit: fc.constantFrom(...literals, 'a', '0', '-', '!', ' ', 'é'),
        maxLength: 14,
      });
      for (const value of fc.sample(fc.oneof(matching, nearMiss), { numRuns: 60, seed: 7 })) {
        if (matcher.test(value) !== native.test(value))
          disagreements.push(`${pattern} on ${JSON.stringify(value)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
