import { AssayError } from '@assay/model';
import type { LoadedConfig } from './assay-config.js';

/**
 * An error about a key of a config file found after reading it (a selector that matches no
 * operation, a parameter the operation does not have): one line, `file:line:column: key: message`.
 */
export function configProblem(loaded: LoadedConfig, key: readonly string[], message: string): AssayError {
  let position: { line: number; column: number } | undefined;
  for (let depth = key.length; depth > 0 && position === undefined; depth--) {
    position = loaded.positions.get(key.slice(0, depth).join('\u0000'));
  }
  const where = position === undefined ? loaded.shown : `${loaded.shown}:${position.line}:${position.column}`;
  return new AssayError('config', `${where}: ${key.join('.')}: ${message}`, {
    file: loaded.shown,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    pointer: `/${key.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
  });
}
