import { isAbsolute, resolve } from 'node:path';
import { AssayError } from '@assay/model';

/** The `<spec>` argument as the loader takes it: a URL stays a URL; a path is resolved against `cwd`. */
export function specSource(spec: string, cwd: string): string {
  if (/^https?:\/\//i.test(spec)) return spec;
  if (spec.trim() === '') throw new AssayError('usage', 'the <spec> argument is empty');
  return isAbsolute(spec) ? spec : resolve(cwd, spec);
}
