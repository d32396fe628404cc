import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import type { ReportKind } from './run-options.js';

/**
 * Fails fast, before any request is sent, when a report could not be written: the nearest existing
 * folder on its path must be writable (missing folders are created when writing), and the path
 * must not be a folder. A run of minutes must not end in "cannot write".
 */
export async function checkReportPaths(
  reports: ReadonlyArray<{ kind: ReportKind; path: string }>,
  cwd: string,
): Promise<void> {
  for (const report of reports) {
    const path = resolve(cwd, report.path);
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory()) {
      throw new AssayError(
        'report-write',
        `--report ${report.kind}=${report.path}: is a folder, expected a file path`,
        {
          flag: '--report',
          file: path,
        },
      );
    }
    let folder = dirname(path);
    for (;;) {
      const info = await stat(folder).catch(() => undefined);
      if (info !== undefined) {
        if (!info.isDirectory()) {
          throw new AssayError(
            'report-write',
            `--report ${report.kind}=${report.path}: ${folder} is a file, not a folder`,
            {
              flag: '--report',
              file: path,
            },
          );
        }
        break;
      }
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    try {
      await access(folder, constants.W_OK);
    } catch {
      throw new AssayError(
        'report-write',
        `--report ${report.kind}=${report.path}: cannot write in ${folder} (read-only)`,
        {
          flag: '--report',
          file: path,
        },
      );
    }
  }
}
