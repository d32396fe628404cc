import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { type HostileTarget, hostileDocument, startHostileTarget } from '../hostile/_test/hostile-target.js';
import { runCli } from './run-cli.js';

const BEARER = 'hostile-secret-token';
const TENANT = 'tenant-key-4f9a/+=';

let target: HostileTarget;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-secrets-'));
  await writeFile(join(dir, 'api.json'), JSON.stringify(hostileDocument));
  // A server that hands every credential back: in the body, in headers, in a cookie, in a
  // redirect's query string, and in an error page, so every finding carries them.
  let n = 0;
  target = await startHostileTarget((req, res) => {
    n += 1;
    const echo = `${req.headers.authorization} ${req.headers['x-tenant']} ${encodeURIComponent(String(req.headers['x-tenant']))}`;
    const headers = {
      'content-type': 'text/html',
      'x-echo': echo,
      'set-cookie': `session=${BEARER}`,
      location: `http://elsewhere.invalid/?access_token=${BEARER}&tenant=${encodeURIComponent(TENANT)}`,
    };
    res.writeHead(n % 2 === 0 ? 500 : 302, headers).end(`<pre>${echo} ${JSON.stringify({ echo })}</pre>`);
  });
});
afterAll(() => target.close());

describe('secrets never leave the process', () => {
  it('scans stdout, stderr and every report file for the token and the --header value', async () => {
    const out = captureIo({ ASSAY_BEARER: BEARER });
    const argv = [
      ...['run', join(dir, 'api.json'), '--base-url', target.url.href, '--seed', '5', '--max-examples', '10'],
      ...['--header', `X-Tenant: ${TENANT}`],
      ...['json', 'junit', 'html'].flatMap((kind) => ['--report', `${kind}=${join(dir, `out.${kind}`)}`]),
    ];
    expect(await runCli(argv, out.io)).toBe(1);
    const files = (await readdir(dir)).filter((name) => name.startsWith('out.'));
    expect(files.sort()).toEqual(['out.html', 'out.json', 'out.junit']);
    const outputs: Record<string, string> = { stdout: out.stdout, stderr: out.stderr };
    for (const file of files) outputs[file] = await readFile(join(dir, file), 'utf8');
    // The server did reflect them: the findings carry the echoes, redacted.
    expect(outputs['out.json']).toContain('not-a-server-error');
    expect(outputs['out.json']).toContain('[REDACTED]');
    const forms = [BEARER, TENANT].flatMap((secret) => [
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret).toString('base64'),
    ]);
    for (const [name, text] of Object.entries(outputs)) {
      for (const form of forms) expect(text.includes(form), `${name} contains ${form}`).toBe(false);
    }
  });
});
