import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ChildServer, startChildServer } from './child-server.js';
import { freePort } from './free-port.js';

const require = createRequire(import.meta.url);

/** The prism CLI script of the installed @stoplight/prism-cli (a devDependency of this package). */
function prismScript(): string {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/**
 * Starts Stoplight Prism on 127.0.0.1: `prism mock -d <spec>` (dynamic, random data from the
 * schemas) or `prism proxy <spec> <upstream>` (forwards and validates). Prism serves the spec's
 * paths at its root: it ignores a relative server URL such as `/api/v3`.
 */
export async function startPrism(
  options: { mode: 'mock'; spec: string } | { mode: 'proxy'; spec: string; upstream: string },
  ready: (url: string) => Promise<boolean>,
): Promise<ChildServer> {
  const port = await freePort();
  const args =
    options.mode === 'mock'
      ? ['mock', '-d', '-h', '127.0.0.1', '-p', String(port), options.spec]
      : ['proxy', '-h', '127.0.0.1', '-p', String(port), options.spec, options.upstream];
  return startChildServer({
    command: process.execPath,
    args: [prismScript(), ...args],
    url: `http://127.0.0.1:${port}`,
    ready,
    timeoutMs: 120_000,
  });
}
