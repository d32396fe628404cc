import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssayError } from '@assay/model';
import { afterAll, beforeAll } from 'vitest';

/**
 * A temporary folder for the spec files of one test file, made before its tests and removed after.
 * `file` writes one (making its parent folders) and returns its path; `path` only names one.
 */
export function specFolder(prefix: string): {
  file(name: string, text: string): Promise<string>;
  path(name: string): string;
} {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return {
    async file(name, text) {
      const path = join(dir, name);
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, text);
      return path;
    },
    path: (name) => join(dir, name),
  };
}

/** The AssayError a load rejects with; anything else (or no rejection) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<AssayError> {
  try {
    await promise;
  } catch (error) {
    if (AssayError.is(error)) return error;
    throw error;
  }
  throw new Error('expected the load to fail');
}
