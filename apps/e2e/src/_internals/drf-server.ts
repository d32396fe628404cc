import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startChildServer } from './child-server.js';

const run = promisify(execFile);

/**
 * Debian's interpreter: the one python3-djangorestframework installs into. The `python3` first on
 * PATH may be another build without Django.
 */
export const debianPython = '/usr/bin/python3';

/** The Debian packages the DRF app runs on. */
const drfPackages = 'python3-djangorestframework python3-django-filters python3-uritemplate python3-yaml';

/**
 * Why the DRF app cannot run on this machine, in one line (a suite then skips, saying so), or
 * undefined when Debian's interpreter imports everything it needs.
 */
export function drfMissing(): string | undefined {
  const probe = spawnSync(debianPython, ['-c', 'import rest_framework, django_filters, uritemplate, yaml'], {
    stdio: 'ignore',
    timeout: 30_000,
  });
  if (probe.status === 0) return undefined;
  return `needs Debian's Django REST Framework on ${debianPython} (apt-get install ${drfPackages}; .ci/run installs them)`;
}

/** The DRF app's folder (manage.py, serve.py). */
export const drfDir = fileURLToPath(new URL('../../drf/', import.meta.url));

/** The list operation's path on the DRF server. */
export const stagesPath = '/api/v3/stages/identification/';

/** A running DRF server with its own SQLite database in a temporary folder. */
export interface DrfServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  token: string;
  /** Rows seeded. */
  stages: number;
  /** The folder holding the database and generated files; removed by close(). */
  dir: string;
  /** Writes DRF's own OpenAPI document (`manage.py generateschema`) into `dir` and returns its path. */
  generateSchema(): Promise<string>;
  output(): string;
  close(): Promise<void>;
}

/**
 * Creates the database (`migrate --run-syncdb`), seeds it, and serves the app on a port the OS
 * picks. Throws with the interpreter's output when Django, DRF or django-filter are missing.
 */
export async function startDrfServer(options: {
  token: string;
  stages: number;
  seed?: number;
}): Promise<DrfServer> {
  const dir = await mkdtemp(join(tmpdir(), 'assay-e2e-drf-'));
  const env = {
    ...process.env,
    E2E_DB: join(dir, 'db.sqlite3'),
    E2E_TOKEN: options.token,
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONUNBUFFERED: '1',
  };
  const manage = (args: string[]) =>
    run(debianPython, ['manage.py', ...args], {
      cwd: drfDir,
      env,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  try {
    await manage(['migrate', '--run-syncdb', '-v', '0']);
    await manage(['seed_stages', '--stages', String(options.stages), '--seed', String(options.seed ?? 7)]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(
      `the DRF app could not set up its database with ${debianPython} (apt-get install ${drfPackages}):\n${stderr}`,
    );
  }
  const server = await startChildServer({
    command: debianPython,
    args: ['serve.py'],
    cwd: drfDir,
    env,
    urlFrom: (output) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1],
    // Ready when the list answers: 403 without credentials, as documented.
    ready: async (url) => (await fetch(new URL(stagesPath, url))).status === 403,
  }).catch(async (error) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: server.url,
    token: options.token,
    stages: options.stages,
    dir,
    async generateSchema() {
      const { stdout } = await manage(['generateschema', '--format', 'openapi-json']);
      const path = join(dir, 'drf-openapi.json');
      await writeFile(path, stdout);
      return path;
    },
    output: server.output,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
