import { parseArgs } from 'node:util';
import { AssayError } from '@assay/model';
import type { InspectOptions } from './run-inspect-command.js';

/** Parses `assay inspect <spec> [--json]`; a problem throws `AssayError('usage')` naming the flag. */
export function parseInspectArgs(argv: readonly string[]): InspectOptions {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { json: { type: 'boolean' } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new AssayError('usage', `assay inspect: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    throw new AssayError(
      'usage',
      positionals.length === 0
        ? 'assay inspect: missing <spec> (a path or URL of an OpenAPI document)'
        : `assay inspect: expected one <spec>, got ${positionals.length}`,
    );
  }
  return { command: 'inspect', spec: positionals[0]!, json: values.json === true };
}
