import type { ApiModel, Operation, SecurityRequirement, SecurityScheme } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuthSettings } from './auth-settings.js';
import { chooseRequirement } from './choose-requirement.js';
import { schemeCredential } from './scheme-credential.js';

const schemes: Record<string, SecurityScheme> = {
  key: { type: 'apiKey', name: 'key', in: 'header', parameterName: 'X-Key' },
  basic: { type: 'http', name: 'basic', scheme: 'basic' },
  bearer: { type: 'http', name: 'bearer', scheme: 'bearer' },
  oauth: { type: 'oauth2', name: 'oauth', scopes: [] },
  tls: { type: 'mutualTLS', name: 'tls' },
};
const api = { securitySchemes: schemes } as unknown as ApiModel;
const names = [...Object.keys(schemes), 'undefined-scheme'];

const requirement = fc
  .uniqueArray(fc.constantFrom(...names), { maxLength: 3 })
  .map((list): SecurityRequirement => Object.fromEntries(list.map((name) => [name, []])));
const settings: fc.Arbitrary<AuthSettings> = fc.record(
  {
    bearer: fc.constant('t'),
    basic: fc.constant({ username: 'u', password: 'p' }),
    apiKey: fc.constant('k'),
    schemes: fc.constant({ oauth: { clientId: 'c' } }),
  },
  { requiredKeys: [] },
);

describe('chooseRequirement', () => {
  it('sends the first requirement whose every scheme has a credential; else anonymous only where {} is allowed', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 4 }), settings, (security, auth) => {
        const operation = { security } as unknown as Operation;
        const choice = chooseRequirement(api, operation, auth);
        const met = (r: SecurityRequirement) =>
          Object.keys(r).length > 0 &&
          Object.keys(r).every(
            (name) => schemes[name] !== undefined && schemeCredential(schemes[name]!, auth) !== undefined,
          );
        const first = security.find(met);
        if (security.length === 0) expect(choice.kind).toBe('anonymous');
        else if (first !== undefined) {
          expect(choice.kind).toBe('satisfied');
          if (choice.kind === 'satisfied')
            expect(choice.schemes.map((s) => s.scheme.name)).toEqual(Object.keys(first));
        } else if (security.some((r) => Object.keys(r).length === 0)) expect(choice.kind).toBe('anonymous');
        else expect(choice.kind).toBe('unsatisfied');
      }),
    );
  });

  it('never sends a credential of the wrong form, and a named setting wins over the general ones', () => {
    expect(
      schemeCredential(schemes.key!, { schemes: { key: { username: 'u', password: 'p' } }, apiKey: 'k' }),
    ).toBeUndefined();
    expect(schemeCredential(schemes.basic!, { schemes: { basic: { token: 't' } } })).toBeUndefined();
    expect(
      schemeCredential(schemes.key!, { schemes: { key: { value: 'named' } }, apiKey: 'general' }),
    ).toEqual({ kind: 'apiKey', value: 'named' });
    expect(schemeCredential(schemes.tls!, { bearer: 't' })).toBeUndefined();
    expect(schemeCredential({ type: 'http', name: 'digest', scheme: 'digest' }, { bearer: 't' })).toEqual({
      kind: 'token',
      scheme: 'digest',
      token: 't',
    });
  });
});
