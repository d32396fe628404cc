import { isAbsolute, resolve } from 'node:path';
import { loadApi } from '@assay/spec';
import { apiInspection } from './api-inspection.js';
import type { CliIo } from './cli-io.js';
import { formatInspection } from './format-inspection.js';

/** The options of `assay inspect`. */
export interface InspectOptions {
  command: 'inspect';
  spec: string;
  /** Print the {@link ApiInspection} as JSON instead of text. */
  json: boolean;
}

/** `assay inspect <spec> [--json]`: prints what Assay understood of each operation; exits 0. */
export async function runInspectCommand(options: InspectOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const source =
    /^https?:\/\//i.test(options.spec) || isAbsolute(options.spec)
      ? options.spec
      : resolve(cwd, options.spec);
  const inspection = apiInspection(await loadApi(source));
  io.stdout.write(options.json ? `${JSON.stringify(inspection, null, 2)}\n` : formatInspection(inspection));
  return 0;
}
