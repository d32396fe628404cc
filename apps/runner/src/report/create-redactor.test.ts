import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';
import { REDACTED } from './redact-secrets.js';

describe('createRedactor', () => {
  it('blanks credential headers whatever their value, keeping the auth scheme', () => {
    const redactor = createRedactor();
    expect(
      redactor.headers({
        authorization: 'Bearer abc',
        Cookie: 'sid=1',
        'set-cookie': 'sid=2; HttpOnly',
        'x-api-key': 'k',
        'X-Auth-Token': 't',
        api_key: 'z',
        accept: 'application/json',
        'www-authenticate': 'Bearer realm="api"',
      }),
    ).toEqual({
      authorization: `Bearer ${REDACTED}`,
      Cookie: REDACTED,
      'set-cookie': REDACTED,
      'x-api-key': REDACTED,
      'X-Auth-Token': REDACTED,
      api_key: REDACTED,
      accept: 'application/json',
      'www-authenticate': 'Bearer realm="api"',
    });
  });

  it('blanks headers named by --header, even with a one-character value', () => {
    const redactor = createRedactor({ headers: [{ name: 'X-Tenant', value: '7' }] });
    expect(redactor.headers({ 'x-tenant': '7', accept: '*/*' })).toEqual({
      'x-tenant': REDACTED,
      accept: '*/*',
    });
    // ...but a short value is not hunted for in bodies, where `7` is everywhere.
    expect(redactor.text('{"id":7}')).toBe('{"id":7}');
  });

  it('removes the bearer token and header values from text, also percent-encoded or JSON-escaped', () => {
    const token = 'a/b+c"d\\e f';
    const redactor = createRedactor({ bearer: token, headers: [{ name: 'x-org', value: 'org-secret-1' }] });
    const text = [token, encodeURIComponent(token), JSON.stringify(token), 'org-secret-1'].join(' | ');
    const out = redactor.text(text);
    expect(out).not.toContain(token);
    expect(out).not.toContain(encodeURIComponent(token));
    expect(out).not.toContain(JSON.stringify(token).slice(1, -1));
    expect(out).not.toContain('org-secret-1');
  });

  it('blanks passwords in URLs and credential query parameters', () => {
    const redactor = createRedactor();
    expect(redactor.url('http://user:pw@host/a?api_key=k&page=2&access_token=t#x')).toBe(
      `http://user:${REDACTED}@host/a?api_key=${REDACTED}&page=2&access_token=${REDACTED}#x`,
    );
    expect(redactor.url('http://host/a?page=2')).toBe('http://host/a?page=2');
  });

  it('keeps the bearer token out of requests and responses, for any token', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.string(), (token, noise) => {
        const redactor = createRedactor({ bearer: token });
        const request = redactor.request({
          method: 'GET',
          url: 'http://h/p',
          headers: { authorization: `Bearer ${token}`, 'x-echo': token },
          body: null,
        });
        expect(request.headers.authorization).toBe(`Bearer ${REDACTED}`);
        expect(request.headers['x-echo']).toBe(REDACTED);
        const response = redactor.response({
          status: 200,
          headers: { 'x-echo': token },
          body: noise + token,
        });
        expect(response.headers['x-echo']).toBe(REDACTED);
        if ([...token].length >= 4) expect(response.body).not.toContain(token);
      }),
    );
  });
});

describe('what counts as a credential name', () => {
  it('blanks credential names exactly, not names that merely contain such a word', () => {
    const redactor = createRedactor();
    const uuid = '3f1c2a9e-8d4b-4c1e-9a7f-2b6d5e4c3a10';
    // authentik filters stages by these: they are data, and a reproduction needs them verbatim.
    const filters = `http://h/api/v3/stages/identification/?password_stage=${uuid}&token_type=x&author=me&secret_santa=1`;
    expect(redactor.url(filters)).toBe(filters);
    expect(redactor.url(`http://h/?password=p&client_secret=s&token=t&X-Api-Key=k&sid=1`)).toBe(
      `http://h/?password=${REDACTED}&client_secret=${REDACTED}&token=${REDACTED}&X-Api-Key=${REDACTED}&sid=${REDACTED}`,
    );
    expect(redactor.headers({ 'x-password-policy': 'strict', 'x-csrf-token': 'c' })).toEqual({
      'x-password-policy': 'strict',
      'x-csrf-token': REDACTED,
    });
  });

  it('still blanks a configured secret under any query name', () => {
    const redactor = createRedactor({ headers: [{ name: 'X-Tenant', value: 'ab' }] });
    expect(redactor.url('http://h/?tenant=ab&page=ab2')).toBe(`http://h/?tenant=${REDACTED}&page=ab2`);
  });
});
