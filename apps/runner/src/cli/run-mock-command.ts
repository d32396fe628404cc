import { isAbsolute, resolve } from 'node:path';
import { createMock } from '@assay/mock';
import { loadApi } from '@assay/spec';
import type { CliIo } from './cli-io.js';
import type { MockOptions } from './run-options.js';

/**
 * `assay mock`: serves the spec's stateful mock over HTTP until interrupted (SIGINT), then closes
 * the server and returns 0.
 */
export async function runMockCommand(options: MockOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const source =
    /^https?:\/\//i.test(options.spec) || isAbsolute(options.spec)
      ? options.spec
      : resolve(cwd, options.spec);
  const api = await loadApi(source);
  const mock = createMock(api, {
    seed: options.seed,
    faults: options.faults,
    ...(options.items === undefined ? {} : { items: options.items }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const server = await mock.listen({ port: options.port, host: options.host });
  const faults = options.faults.length === 0 ? 'no faults' : `faults: ${options.faults.join(', ')}`;
  io.stdout.write(
    `assay mock: serving ${api.title} (${api.operations.length} operations) at ${server.url} (seed ${options.seed}, ${faults}); Ctrl-C stops\n`,
  );
  await new Promise<void>((done) => {
    if (io.signal === undefined || io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
  await server.close();
  io.stdout.write('assay mock: stopped\n');
  return 0;
}
