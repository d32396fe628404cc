import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import type { LoadedConfig } from './assay-config.js';
import { parseConfigText } from './parse-config-text.js';

/**
 * Reads and validates a config file (YAML, or JSON, which YAML 1.2 reads too). Every problem throws
 * `AssayError('config')` whose message is one line: `file:line:column: key: what is wrong`.
 * `${VAR}` and `${VAR:-default}` are substituted from `env` in every string; a variable that is not
 * set and has no default is such a problem.
 */
export async function readConfigFile(
  path: string,
  options: { cwd: string; env: Readonly<Record<string, string | undefined>> },
): Promise<LoadedConfig> {
  const absolute = resolve(options.cwd, path);
  const rel = relative(options.cwd, absolute);
  const shown = rel !== '' && !rel.startsWith('..') ? rel : absolute;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new AssayError(
      'config',
      code === 'ENOENT'
        ? `${shown}: config file not found`
        : `${shown}: cannot read the config file (${code ?? String(error)})`,
      { file: shown },
    );
  }
  const { config, positions, unresolvedTargets } = parseConfigText(text, shown, options.env);
  return { path: absolute, shown, dir: dirname(absolute), config, positions, unresolvedTargets };
}
