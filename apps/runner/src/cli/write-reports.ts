import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AssayError } from '@assay/model';
import type { ReportKind } from './run-options.js';

/**
 * Fails fast, before any request is sent, when a report could not be written: the path must not be
 * a folder, its folder is created, and a probe file is created and removed there. A real write is
 * the only test that holds: permission bits say nothing to root, nor about read-only mounts or
 * pseudo file systems such as /proc. A run of minutes must not end in "cannot write".
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
    const folder = dirname(path);
    const probe = join(folder, `.assay-write-probe-${process.pid}`);
    try {
      await createFolder(folder);
      await (await open(probe, 'w')).close();
      await rm(probe, { force: true });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOTDIR' || code === 'EEXIST'
          ? 'a part of the path is a file, not a folder'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? `cannot write in ${folder} (${code})`
            : `cannot create or write in ${folder} (${code ?? String(cause)})`;
      throw new AssayError('report-write', `--report ${report.kind}=${report.path}: ${reason}`, {
        flag: '--report',
        file: path,
        cause,
      });
    }
  }
}

/**
 * `mkdir -p`, one level at a time: Node 20's recursive mkdir never returns for a path under /proc
 * (it retries ENOENT forever), and a bad --report path must be an error, not a hang.
 */
async function createFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let current = folder;
  while ((await stat(current).catch(() => undefined)) === undefined) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing) await mkdir(path);
}
