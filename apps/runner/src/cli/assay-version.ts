import { readFileSync } from 'node:fs';

/**
 * The version of the installed `@assay/runner`, read from its package.json: the one place the
 * version is written, so `assay --version` cannot drift from what npm installed. The path holds
 * from both src/cli (tests) and dist/cli (the built CLI).
 */
export function assayVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
