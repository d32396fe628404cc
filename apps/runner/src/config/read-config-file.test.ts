// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the config file's ${VAR} syntax is what these tests are about
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realisticConfig } from './_test/realistic-config.js';
import { parseConfigText } from './parse-config-text.js';
import { readConfigFile } from './read-config-file.js';
import { substituteEnv } from './substitute-env.js';

const file = 'assay.config.yaml';
const parse = (text: string, env: Record<string, string> = {}) => parseConfigText(text, file, env).config;

function configError(thunk: () => unknown): AssayError {
  try {
    thunk();
  } catch (error) {
    if (AssayError.is(error)) {
      expect(error.code).toBe('config');
      expect(error.message).not.toContain('\n');
      return error;
    }
    throw error;
  }
  throw new Error('expected a config error');
}

describe('parseConfigText', () => {
  it('reads a realistic file into typed settings, substituting the environment', () => {
    const config = parse(realisticConfig, { STAGING_TOKEN: 'tok-1' });
    expect(config).toMatchObject({
      spec: './openapi.yaml',
      target: 'staging',
      maxExamples: 50,
      seed: 7,
      targets: {
        staging: {
          baseUrl: 'https://staging.example.com/api/v3',
          auth: { bearer: 'tok-1' },
          headers: { 'X-Tenant': 'acme' },
        },
        local: { mock: true, faults: ['schema-break'] },
      },
    });
    expect(config.operations?.['/reports/**']).toEqual({
      timeout: 30_000,
      expectedStatuses: { 'status-code-conformance': [422, '4XX'] },
      volatile: ['/results/*/generated_at'],
    });
    expect(config.operations?.['GET /users/{id}/']?.parameters).toEqual({ id: { examples: [1, 2, 3] } });
  });

  it('reads JSON too (YAML 1.2 reads it)', () => {
    expect(parse('{"maxExamples": 3, "only": {"tags": ["stages"]}}')).toEqual({
      maxExamples: 3,
      only: { tags: ['stages'] },
    });
  });

  it('names the file, line, column and key of an unknown key, suggesting the nearest known one', () => {
    const error = configError(() => parse('seed: 1\noperations:\n  listUsers:\n    maxExampels: 5\n'));
    expect(error.message).toBe(
      'assay.config.yaml:4:5: operations.listUsers.maxExampels: unknown key; did you mean "maxExamples"?',
    );
    expect(error.details).toMatchObject({ file, line: 4, column: 5 });
  });

  it('lists the known keys when nothing is near', () => {
    expect(configError(() => parse('frobnicate: 1')).message).toMatch(
      /^assay\.config\.yaml:1:1: frobnicate: unknown key; expected one of \$schema, spec, target, targets/,
    );
  });

  it.each([
    ['concurrency: many', '1:14', 'concurrency: expected an integer from 1 to 1024, got "many"'],
    ['maxExamples: -1', '1:14', 'maxExamples: expected an integer from 0 to 1000000'],
    ['rate: 0', '1:7', 'rate: expected a positive number'],
    ['unsafe: sometimes', '1:9', 'unsafe: expected true or false'],
    ['checks: not-a-list', '1:9', 'checks: expected a list'],
    [
      'targets:\n  a:\n    baseUrl: ftp://x/y',
      '3:14',
      'targets.a.baseUrl: "ftp://x/y" must use http or https',
    ],
    ['headers:\n  "bad header": x', '2:17', 'is not a header name'],
    ['shard: half', '1:8', 'shard: expected <i>/<n>'],
    [
      'target: prod\ntargets:\n  staging: {mock: true}',
      '1:9',
      'no target "prod" under targets (known: staging)',
    ],
    ['baseUrl: http://h\nmock: true', '2:7', 'mock: use either baseUrl or mock: true, not both'],
    ['operations:\n  "GET users": {skip: x}', '2:16', 'a selector is an operationId'],
    ['operations:\n  "FETCH /users": {skip: x}', '2:19', '"FETCH" is not an HTTP method'],
    ['operations:\n  a:\n    volatile: [results/id]', '3:16', 'is not a JSON pointer'],
    ['operations:\n  a:\n    expectedStatuses: {x: [4YY]}', '3:28', '"4YY" is not a status'],
    ['operations:\n  a:\n    list: {style: pages}', '3:19', '"pages" is not one of page-object'],
    ['auth:\n  schemes:\n    s: {token: a, value: b}', '3:8', 'auth.schemes.s: expected one of {token}'],
    ['auth:\n  basic: {username: u}', '2:10', 'auth.basic.password: this key is required'],
    ['seed:', '1:1', 'seed: the value is missing'],
    ['seed: 1\nseed: 2', '2:1', 'Map keys must be unique'],
    ['seed: [1', '1:9', 'not valid YAML'],
    ['base: &a {x: 1}\nother: *a', '1:1', 'base: unknown key'],
  ])('rejects %j at %s: %s', (text, at, what) => {
    const error = configError(() => parse(text));
    expect(error.message).toContain(`${file}:${at}:`);
    expect(error.message).toContain(what);
  });

  it('substitutes ${VAR} and ${VAR:-default}, also into numbers', () => {
    const config = parse('maxExamples: ${N:-7}\nseed: ${SEED}\nbaseUrl: http://${HOST:-localhost}:9000', {
      SEED: '42',
    });
    expect(config).toEqual({ maxExamples: 7, seed: 42, baseUrl: 'http://localhost:9000' });
  });

  it('says which variable is missing, and where', () => {
    const error = configError(() => parse('mock: true\nauth:\n  bearer: ${PROD_TOKEN}\n', { OTHER: 'x' }));
    expect(error.message).toBe(
      'assay.config.yaml:3:11: auth.bearer: environment variable PROD_TOKEN is not set (export it, or write ${PROD_TOKEN:-default})',
    );
  });

  it('substitutes inside parameter values of any shape', () => {
    const config = parse(
      'operations:\n  getUser:\n    parameters:\n      tenant: ${TENANT}\n      id: {examples: ["${ID}"]}',
      {
        TENANT: 'acme',
        ID: 'u-1',
      },
    );
    expect(config.operations?.getUser?.parameters).toEqual({ tenant: 'acme', id: { examples: ['u-1'] } });
  });

  it('passes unknown list keys through to the loader, validating the known ones', () => {
    const config = parse(
      'operations:\n  l:\n    list: {style: cursor, cursorParam: after, itemsPath: data.items}',
    );
    expect(config.operations?.l?.list).toEqual({
      style: 'cursor',
      cursorParam: 'after',
      itemsPath: 'data.items',
    });
  });
});

describe('substituteEnv', () => {
  const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);
  const plain = fc.string().filter((s) => !s.includes('$') && !s.includes('}'));

  it('leaves text without references as it is', () => {
    fc.assert(
      fc.property(plain, (text) => {
        expect(substituteEnv(text, {})).toEqual({ ok: true, text });
      }),
    );
  });

  it('puts a set variable in place, and a default only when it is unset or empty', () => {
    fc.assert(
      fc.property(
        plain,
        name,
        fc.option(plain, { nil: undefined }),
        plain,
        (before, variable, value, fallback) => {
          const env = value === undefined ? {} : { [variable]: value };
          const result = substituteEnv(`${before}\${${variable}:-${fallback}}`, env);
          expect(result).toEqual({
            ok: true,
            text: before + (value === undefined || value === '' ? fallback : value),
          });
        },
      ),
    );
  });

  it('reports an unset variable without a default, and keeps $${ literal', () => {
    expect(substituteEnv('a ${NOPE} b', {})).toEqual({ ok: false, missing: 'NOPE' });
    expect(substituteEnv('$${HOME}', { HOME: '/root' })).toEqual({ ok: true, text: '${HOME}' });
  });
});

describe('readConfigFile', () => {
  it('names a missing file and shows paths relative to the working directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assay-config-'));
    const error = await readConfigFile('nope.yaml', { cwd: dir, env: {} }).catch((e: unknown) => e);
    expect(AssayError.is(error) && error.message).toBe('nope.yaml: config file not found');
    await writeFile(join(dir, 'c.yaml'), 'seed: x\n');
    const bad = await readConfigFile('c.yaml', { cwd: dir, env: {} }).catch((e: unknown) => e);
    expect(AssayError.is(bad) && bad.message).toMatch(/^c\.yaml:1:7: seed: expected an integer/);
  });
});

describe('the README example', () => {
  it('is a file the reader accepts', async () => {
    const readme = await readFile(new URL('../../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Config file'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const config = parse(yaml!, { STAGING_TOKEN: 't' });
    expect(Object.keys(config.operations ?? {})).toHaveLength(4);
    expect(yaml!.split('\n').length).toBeGreaterThanOrEqual(20);
  });
});
