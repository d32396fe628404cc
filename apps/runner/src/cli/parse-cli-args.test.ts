import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRunTarget, parseCliArgs } from './parse-cli-args.js';

const seed = () => 42;
/** Parses, then checks the target as a run without a config file does. */
const parseRun = (argv: string[]) => {
  const options = parseCliArgs(argv, {}, seed);
  if (options.command === 'run') checkRunTarget(options);
  return options;
};
const run = (...args: string[]) => parseRun(['run', 'spec.yaml', ...args]);

function usageError(thunk: () => unknown): AssayError {
  try {
    thunk();
  } catch (error) {
    if (AssayError.is(error)) {
      expect(error.code).toBe('usage');
      return error;
    }
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('parseCliArgs', () => {
  it('parses every option of run with its exact name', () => {
    const options = run(
      '--base-url',
      'http://host:9000/api/v3/',
      ...['--operation', 'stages_identification_list', '--operation', 'GET /x'],
      ...['--tag', 'stages', '--auth-bearer', 'tok', '--header', 'X-Tenant: a:b'],
      ...['--max-examples', '7', '--seed', '123', '--checks', 'a,b', '--exclude-checks', 'c'],
      ...['--concurrency', '8', '--rate', '2.5', '--timeout', '500', '--time-budget', '30', '--unsafe'],
      ...['--report', 'json=out.json', '--report', 'junit=j.xml', '--shard', '2/3', '--quiet', '--no-shrink'],
    );
    expect(options).toMatchObject({
      command: 'run',
      spec: 'spec.yaml',
      mock: false,
      operations: ['stages_identification_list', 'GET /x'],
      tags: ['stages'],
      bearer: 'tok',
      headers: [['x-tenant', 'a:b']],
      maxExamples: 7,
      seed: 123,
      checks: ['a', 'b'],
      excludeChecks: ['c'],
      concurrency: 8,
      rate: 2.5,
      timeoutMs: 500,
      timeBudgetS: 30,
      unsafe: true,
      reports: [
        { kind: 'json', path: 'out.json' },
        { kind: 'junit', path: 'j.xml' },
      ],
      shard: { index: 2, count: 3 },
      quiet: true,
      shrink: false,
    });
    if (options.command !== 'run') throw new Error('run expected');
    expect(options.baseUrl?.href).toBe('http://host:9000/api/v3');
  });

  it('defaults to 100 examples, a random seed, shrinking on, safe methods only', () => {
    const options = run('--mock');
    expect(options).toMatchObject({ maxExamples: 100, seed: 42, shrink: true, unsafe: false, mock: true });
  });

  it('reads the bearer token from ASSAY_BEARER, the flag winning', () => {
    const env = { ASSAY_BEARER: 'from-env' };
    expect(parseCliArgs(['run', 's.yaml', '--mock'], env, seed)).toMatchObject({ bearer: 'from-env' });
    expect(parseCliArgs(['run', 's.yaml', '--mock', '--auth-bearer', 'flag'], env, seed)).toMatchObject({
      bearer: 'flag',
    });
  });

  it('parses assay mock with its defaults', () => {
    expect(parseCliArgs(['mock', 's.yaml'], {}, seed)).toEqual({
      command: 'mock',
      spec: 's.yaml',
      port: 8080,
      host: '127.0.0.1',
      seed: 42,
      faults: [],
    });
    expect(
      parseCliArgs(
        ['mock', 's.yaml', '--port', '0', '--items', '3', '--token', 't', '--fault', 'f'],
        {},
        seed,
      ),
    ).toMatchObject({ port: 0, items: 3, token: 't', faults: ['f'] });
  });

  it.each([
    [['--mock', '--frobnicate'], '--frobnicate'],
    [['--base-url', 'not a url'], '--base-url'],
    [['--base-url', 'ftp://host/x'], '--base-url'],
    [['--base-url', 'http://host/?a=1'], '--base-url'],
    [[], '--base-url'],
    [['--mock', '--base-url', 'http://h'], '--base-url'],
    [['--mock', '--shard', '0/2'], '--shard'],
    [['--mock', '--shard', '3/2'], '--shard'],
    [['--mock', '--shard', 'x'], '--shard'],
    [['--mock', '--max-examples', '-1'], '--max-examples'],
    [['--mock', '--max-examples', '1e3'], '--max-examples'],
    [['--mock', '--concurrency', '0'], '--concurrency'],
    [['--mock', '--rate', 'fast'], '--rate'],
    [['--mock', '--timeout', '1.5'], '--timeout'],
    [['--mock', '--time-budget', '0'], '--time-budget'],
    [['--mock', '--seed', 'abc'], '--seed'],
    [['--mock', '--header', 'NoColon'], '--header'],
    [['--mock', '--report', 'pdf=x.pdf'], '--report'],
    [['--mock', '--report', 'json='], '--report'],
    [['--mock', '--seed'], '--seed'],
    [['--base-url', 'http://h', '--fault', 'x'], '--fault'],
  ])('rejects %j naming %s', (args, flag) => {
    const error = usageError(() => run(...args));
    expect(error.message).toContain(flag);
    expect(error.message).not.toContain('\n');
  });

  it('rejects a missing or doubled spec, and an unknown command', () => {
    expect(usageError(() => parseRun(['run', '--mock'])).message).toContain('missing <spec>');
    expect(usageError(() => parseRun(['run', 'a', 'b', '--mock'])).message).toContain('one <spec>');
    expect(usageError(() => parseCliArgs(['fuzz'], {}, seed)).message).toContain('unknown command');
  });

  it('accepts exactly the shards 1 <= i <= n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (i, n) => {
        const valid = n >= 1 && i >= 1 && i <= n;
        if (valid)
          expect(run('--mock', '--shard', `${i}/${n}`)).toMatchObject({ shard: { index: i, count: n } });
        else usageError(() => run('--mock', '--shard', `${i}/${n}`));
      }),
    );
  });
});
