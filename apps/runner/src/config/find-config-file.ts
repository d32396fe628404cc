import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { AssayError } from '@assay/model';

/** The names a config file is looked for under, in the working directory. */
export const configFileNames = ['assay.config.yaml', 'assay.config.yml', 'assay.config.json'] as const;

/**
 * The config file of a run: the one named with `--config`, else the one in `cwd` (undefined when
 * there is none). Two of them side by side is an error, since either could be the one meant.
 */
export async function findConfigFile(cwd: string, explicit?: string): Promise<string | undefined> {
  if (explicit !== undefined) return explicit;
  const present: string[] = [];
  for (const name of configFileNames) {
    try {
      await access(join(cwd, name));
      present.push(name);
    } catch {
      // Absent: look for the next name.
    }
  }
  if (present.length > 1) {
    throw new AssayError(
      'config',
      `found ${present.join(' and ')} in ${cwd}: keep one, or choose with --config <file>`,
      { file: present[0]! },
    );
  }
  return present[0];
}
