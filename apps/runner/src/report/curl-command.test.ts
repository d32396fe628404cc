import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './create-redactor.js';
import { curlCommand } from './curl-command.js';
import type { ReportRequest } from './run-report.js';

/** The argv bash hands to curl for `command`: curl is shadowed by a function that prints its arguments. */
function argvOf(command: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}\n`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\0').slice(0, -1);
}

const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({
  method: 'POST',
  url: 'http://127.0.0.1:8080/api/v3/items/',
  headers: { 'content-type': 'application/json' },
  body: '{"name":"x"}',
  ...over,
});

// Text as a shell would see it: no NUL (argv cannot hold one), no lone surrogates (not encodable).
const shellText = fc
  .string({ unit: 'binary', maxLength: 30 })
  .map((s) => Buffer.from(s, 'utf8').toString('utf8').replace(/\0/g, ''));

describe('curlCommand', () => {
  it('is one line that bash splits back into exactly the request, for any text', () => {
    fc.assert(
      fc.property(shellText, shellText, shellText, (path, value, body) => {
        const command = curlCommand(
          request({ url: `http://h/${path}`, headers: { 'x-v': value }, body: body === '' ? null : body }),
        );
        expect(command).not.toMatch(/[\r\n]/);
        const argv = argvOf(command);
        expect(argv).toContain(`http://h/${path}`);
        const header = argv[argv.indexOf('-H') + 1];
        expect(header).toBe(value === '' ? 'x-v;' : `x-v: ${value}`);
        if (body !== '') expect(argv.at(-1)).toBe(body);
      }),
      { numRuns: 40 },
    );
  });

  it('quotes embedded single quotes and keeps shell syntax inert', () => {
    const hostile = `it's $(touch /tmp/pwned) \`id\` "; rm -rf /`;
    const command = curlCommand(request({ body: hostile }));
    expect(command).toContain(`'it'\\''s $(touch /tmp/pwned)`);
    expect(argvOf(command).at(-1)).toBe(hostile);
  });

  it('names the method, URL, headers and body in curl flags', () => {
    expect(curlCommand(request())).toBe(
      `curl -i -X POST 'http://127.0.0.1:8080/api/v3/items/' -H 'content-type: application/json' --data-binary '{"name":"x"}'`,
    );
  });

  it('handles curl’s own traps: HEAD, globbing, dot segments, empty headers, @bodies, computed headers', () => {
    expect(curlCommand(request({ method: 'HEAD', body: null, headers: {} }))).toBe(
      `curl --head 'http://127.0.0.1:8080/api/v3/items/'`,
    );
    expect(curlCommand(request({ url: 'http://h/a?f[x]={1}', body: null, headers: {} }))).toContain(
      '--globoff',
    );
    expect(curlCommand(request({ url: 'http://h/a/../b', body: null, headers: {} }))).toContain(
      '--path-as-is',
    );
    expect(curlCommand(request({ url: 'http://h/a/..b', body: null, headers: {} }))).not.toContain(
      '--path-as-is',
    );
    expect(
      curlCommand(request({ headers: { 'x-empty': '', 'content-length': '3' }, body: '@/etc/passwd' })),
    ).toBe(`curl -i -X POST 'http://127.0.0.1:8080/api/v3/items/' -H 'x-empty;' --data-raw '@/etc/passwd'`);
  });

  it('redacts credentials, by header name and by configured value', () => {
    const redactor = createRedactor({ bearer: 'sekret-token', headers: [{ name: 'x-tenant', value: 'ab' }] });
    const command = curlCommand(
      request({
        url: 'http://h/a?q=sekret-token',
        headers: { authorization: 'Bearer sekret-token', 'x-tenant': 'ab', cookie: 'sid=1' },
        body: '{"echo":"sekret-token"}',
      }),
      { redactor },
    );
    expect(command).not.toContain('sekret-token');
    expect(command).toContain(`-H 'authorization: Bearer [REDACTED]'`);
    expect(command).toContain(`-H 'x-tenant: [REDACTED]'`);
    expect(command).toContain(`-H 'cookie: [REDACTED]'`);
    // Without a redactor, credential-named headers are still blanked.
    expect(curlCommand(request({ headers: { authorization: 'Bearer zz' } }))).not.toContain('zz');
  });

  it('writes credentials as shell variables that bash fills in, never their value', () => {
    const variables = [
      { name: 'ASSAY_BEARER', value: 'sekret-token' },
      { name: 'ASSAY_HEADER_X_API_KEY', value: "k'y$1", header: 'x-api-key' },
    ];
    const command = curlCommand(
      request({
        url: 'http://h/a?token=sekret-token',
        headers: { authorization: 'Bearer sekret-token', 'x-api-key': "k'y$1" },
        body: null,
      }),
      { variables },
    );
    expect(command).not.toContain('sekret-token');
    expect(command).not.toContain("k'y$1");
    expect(command).toContain(`-H 'authorization: Bearer '"$ASSAY_BEARER"`);
    const script = `ASSAY_BEARER=sekret-token ASSAY_HEADER_X_API_KEY="k'y\\$1"; export ASSAY_BEARER ASSAY_HEADER_X_API_KEY\ncurl() { printf '%s\\0' "$@"; }\n${command}\n`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    const argv = result.stdout.split('\0').slice(0, -1);
    expect(argv).toContain('http://h/a?token=sekret-token');
    expect(argv).toContain('authorization: Bearer sekret-token');
    expect(argv).toContain("x-api-key: k'y$1");
  });

  it('uses a public default when one is given (the built-in mock token)', () => {
    const command = curlCommand(
      request({ headers: { authorization: 'Bearer assay-mock-token' }, body: null }),
      {
        variables: [{ name: 'ASSAY_BEARER', value: 'assay-mock-token', fallback: 'assay-mock-token' }],
      },
    );
    expect(command).toContain(`'authorization: Bearer '"\${ASSAY_BEARER:-assay-mock-token}"`);
    expect(argvOf(command)).toContain('authorization: Bearer assay-mock-token');
  });
});
