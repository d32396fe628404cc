import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** What `npm install -D @assay/vitest` brings, as tarballs packed from the repository. */
const publishable = [
  'packages/model',
  'packages/patterns',
  'packages/json-schema',
  'packages/spec',
  'packages/generators',
  'packages/checks',
  'packages/mock',
  'apps/runner',
  'packages/vitest',
];

/** npm's codes for "the registry could not be reached". */
const offline = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/;

const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    timeout: 300_000,
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, npm_config_workspace: undefined, npm_config_workspaces: undefined },
  });

// The user's whole test file: ten lines against their own small server.
const USER_TEST = `import { describeApi } from '@assay/vitest';
import { createServer } from 'node:http';
import { afterAll } from 'vitest';
import { booksListener } from './books-server.js';

const server = createServer(booksListener(process.env.BOOKS_BUG));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise((resolve) => server.close(resolve)));

describeApi('books.yaml', { baseUrl: \`http://127.0.0.1:\${server.address().port}/api\`, maxExamples: 10 });
`;

let project: string;
let unreachable: string | undefined;

beforeAll(async () => {
  await run('npx', ['turbo', 'run', 'build', '--filter=@assay/vitest', '--output-logs=errors-only'], {
    cwd: repoRoot,
    timeout: 300_000,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  project = await mkdtemp(join(tmpdir(), 'assay-vitest-install-'));
  const { stdout } = await npm(
    ['pack', '--json', '--pack-destination', project, ...publishable.flatMap((dir) => ['-w', dir])],
    repoRoot,
  );
  const tarballs = (JSON.parse(stdout) as Array<{ filename: string }>).map((entry) =>
    join(project, entry.filename.replace(/^@/, '').replace('/', '-')),
  );
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'books-service', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  await copyFile(new URL('../src/_test/books.yaml', import.meta.url), join(project, 'books.yaml'));
  // The server is the project's own code: the books API of the package's tests, as plain JS.
  await writeFile(join(project, 'books-server.js'), BOOKS_SERVER_JS);
  await writeFile(join(project, 'books.test.js'), USER_TEST);
  try {
    // vitest from the npm cache (the repository's own install put it there), the rest from the tarballs.
    await npm(['install', '--prefer-offline', '--save-dev', 'vitest@4.1.12', ...tarballs], project);
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    if (!offline.test(stderr)) throw error;
    unreachable = `needs the npm registry or a warm npm cache for third-party packages (${offline.exec(stderr)?.[0]})`;
  }
}, 600_000);

afterAll(async () => {
  if (project !== undefined) await rm(project, { recursive: true, force: true });
});

async function vitest(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['--no-install', 'vitest', 'run'], {
      cwd: project,
      timeout: 240_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: '1', NO_COLOR: '1', ...env },
    });
    return { code: 0, output: plain(stdout + stderr) };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: plain(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) };
  }
}

function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape that starts a colour code
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

describe('@assay/vitest installed from its tarballs into an empty project', () => {
  it('a ten-line test file is green against a correct server and red, readably, on a pagination bug', async (context) => {
    if (unreachable !== undefined) {
      process.stderr.write(`vitest pack-install: skipped: ${unreachable}\n`);
      context.skip(unreachable);
    }
    const good = await vitest({});
    expect(good.output).toMatch(/Tests\s+7 passed \| 2 skipped/);
    expect(good.code, good.output).toBe(0);
    const bad = await vitest({ BOOKS_BUG: 'overlapping-pages' });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/list walks and query probes/);
    expect(bad.output).toMatch(/pagination-no-duplicates: id \d+ appears on page 1/);
    expect(bad.output).toMatch(/replay: ASSAY_SEED=1 npx vitest run 'books\.test\.js'/);
  });
});

/** The books server of `src/_test/books-server.ts`, as the JavaScript a user's project would hold. */
const BOOKS_SERVER_JS = `const BOOKS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, title: \`Book \${i + 1}\` }));

export function booksListener(bug) {
  return (req, res) => {
    const url = new URL(req.url ?? '/', \`http://\${req.headers.host ?? 'localhost'}\`);
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const item = /^\\/api\\/books\\/([^/]+)\\/$/.exec(url.pathname);
    if (req.method === 'GET' && item !== null) {
      const id = Number(item[1]);
      if (!Number.isInteger(id) || id < 1) return send(400, { detail: 'id must be a positive integer' });
      const book = BOOKS[id - 1];
      return book === undefined ? send(404, { detail: 'Not found.' }) : send(200, book);
    }
    if (req.method !== 'GET' || url.pathname !== '/api/books/') return send(404, { detail: 'Not found.' });
    const number = (text, fallback) => (text === null ? fallback : /^\\d+$/.test(text) ? Number(text) : undefined);
    const page = number(url.searchParams.get('page'), 1);
    const size = number(url.searchParams.get('page_size'), 10);
    if (page === undefined || page < 1 || size === undefined || size < 1 || size > 50) {
      return send(400, { detail: 'Invalid page.' });
    }
    const pages = Math.max(1, Math.ceil(BOOKS.length / size));
    if (page > pages) return send(404, { detail: 'Invalid page.' });
    const start = (page - 1) * size - (bug === 'overlapping-pages' && page > 1 ? 1 : 0);
    const link = (n) => {
      const next = new URL(url);
      next.searchParams.set('page', String(n));
      return next.href;
    };
    send(200, {
      count: BOOKS.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: BOOKS.slice(start, start + size),
    });
  };
}
`;
