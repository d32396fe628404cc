import { parseArgs } from 'node:util';
import { AssayError } from '@assay/model';
import type { InspectOptions } from './run-inspect-command.js';

const inspectSpec = {
  json: { type: 'boolean' },
  config: { type: 'string' },
  target: { type: 'string' },
} as const;

/**
 * Parses `assay inspect [<spec>] [--json] [--config <file>] [--target <name>]`; a problem throws
 * `AssayError('usage')` naming the flag. The spec may come from the config file instead.
 */
export function parseInspectArgs(argv: readonly string[]): InspectOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof inspectSpec; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: inspectSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AssayError('usage', `assay inspect: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length > 1) {
    throw new AssayError('usage', `assay inspect: expected one <spec>, got ${positionals.length}`);
  }
  for (const flag of ['config', 'target'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      throw new AssayError('usage', `--${flag}: expected a value`, { flag: `--${flag}` });
    }
  }
  return {
    command: 'inspect',
    spec: positionals[0] ?? '',
    json: values.json === true,
    ...(values.config === undefined ? {} : { config: values.config }),
    ...(values.target === undefined ? {} : { target: values.target }),
  };
}
