import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { ignoredAuthCheck } from './ignored-auth.js';

const hidden = operationWith([responseSpec('200')], { id: 'hidden', security: [{ key: [], basic: [] }] });
const plain = operationWith([responseSpec('200')], { id: 'plain', security: [{ key: [] }] });

describe('ignored-auth with configured rejection statuses', () => {
  const check = ignoredAuthCheck({
    rejectionStatuses: (op) => (op.id === 'hidden' ? [401, 404] : undefined),
  });
  const probe = (op: typeof hidden, status: number, scheme?: string) => {
    const exchange = exchangeWith(op, { mode: 'auth', status });
    exchange.request.authProbe = scheme === undefined ? { kind: 'missing' } : { scheme, kind: 'wrong' };
    return check.verify(exchange);
  };

  it('takes the statuses configured for the operation, the default elsewhere', () => {
    expect(probe(hidden, 404)).toEqual([]);
    expect(probe(hidden, 403)).toMatchObject([{ expected: [401, 404], actual: 403 }]);
    expect(probe(plain, 403)).toEqual([]);
    expect(probe(plain, 404)).toMatchObject([{ expected: [401, 403] }]);
  });

  it('names the scheme a probe spoiled, one finding per scheme and kind', () => {
    const [basic] = probe(hidden, 200, 'basic');
    const [key] = probe(hidden, 200, 'key');
    expect(basic!.message).toBe('request with a wrong credential for scheme basic answered 200');
    expect(basic!.fingerprint).not.toBe(key!.fingerprint);
    expect(probe(hidden, 200)[0]!.message).toBe('request with no credential for every scheme answered 200');
  });
});
