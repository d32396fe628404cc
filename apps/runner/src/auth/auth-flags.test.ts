import { AssayError } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../cli/parse-cli-args.js';
import { checkSchemeNames } from './auth-flags.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  parseCliArgs(['run', 'api.yaml', '--base-url', 'http://127.0.0.1:1', ...args], env, () => 1);

function usageOf(thunk: () => unknown): AssayError {
  try {
    thunk();
  } catch (error) {
    if (AssayError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('credential flags', () => {
  it('read basic, API keys (general and per scheme) and an OAuth2 client, flags over env', () => {
    const options = run(
      [
        '--auth-basic',
        'ada:pa:ss',
        '--auth-api-key',
        'k1',
        '--auth-api-key',
        'tenant=k2',
        '--auth-api-key',
        'other==x',
      ],
      {
        ASSAY_OAUTH2_CLIENT_ID: 'cid',
        ASSAY_OAUTH2_CLIENT_SECRET: 's',
        ASSAY_AUTH_BASIC: 'env:ignored',
        ASSAY_BEARER: 'b',
      },
    );
    expect(options).toMatchObject({
      auth: {
        bearer: 'b',
        basic: { username: 'ada', password: 'pa:ss' },
        apiKey: 'k1',
        schemes: { tenant: { value: 'k2' }, other: { value: '=x' } },
        oauth2: { clientId: 'cid', clientSecret: 's' },
      },
    });
  });

  it('take a key holding = without a scheme as =value, and read ASSAY_API_KEY', () => {
    expect(run(['--auth-api-key', '=dGVzdA=='])).toMatchObject({ auth: { apiKey: 'dGVzdA==' } });
    expect(run([], { ASSAY_API_KEY: 'from-env' })).toMatchObject({ auth: { apiKey: 'from-env' } });
    expect(run([])).not.toHaveProperty('auth');
  });

  it('reject malformed values in one line naming the flag, never echoing the value', () => {
    const cases: [string[], string][] = [
      [['--auth-basic', 'secret-without-colon'], '--auth-basic'],
      [['--auth-api-key', 'a=1', '--auth-api-key', 'a=2'], '--auth-api-key'],
      [['--oauth2-client-secret', 'topsecret'], '--oauth2-client-secret'],
      [['--oauth2-client-id', 'client-77', '--oauth2-username', 'user-name-x'], '--oauth2-username'],
      [['--oauth2-client-id', 'client-77', '--oauth2-token-url', 'not a url'], '--oauth2-token-url'],
    ];
    for (const [args, flag] of cases) {
      const error = usageOf(() => run(args));
      expect(error.code).toBe('usage');
      expect(error.details.flag).toBe(flag);
      for (const arg of args.filter((a) => !a.startsWith('--'))) expect(error.message).not.toContain(arg);
    }
  });

  it('name an unknown scheme against the spec', () => {
    const error = usageOf(() => checkSchemeNames({ schemes: { tenat: { value: 'k' } } }, ['tenant']));
    expect(error.message).toBe('--auth-api-key: the spec has no security scheme "tenat" (it defines tenant)');
  });
});
