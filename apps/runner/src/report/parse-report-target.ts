import { AssayError } from '@assay/model';
import type { ReportFormat, ReportTarget } from './write-reports.js';

const FORMATS: readonly ReportFormat[] = ['json', 'junit', 'html'];

/**
 * Reads one `--report` value, `<format>=<path>` with format `json`, `junit` or `html`. Throws an
 * `AssayError` (`usage`, flag `--report`) saying what is expected.
 */
export function parseReportTarget(value: string): ReportTarget {
  const eq = value.indexOf('=');
  const format = eq === -1 ? '' : value.slice(0, eq).trim().toLowerCase();
  const path = eq === -1 ? '' : value.slice(eq + 1);
  if (!FORMATS.includes(format as ReportFormat)) {
    throw new AssayError(
      'usage',
      `--report ${JSON.stringify(value)}: expected <format>=<path> with format ${FORMATS.join(', ')}, e.g. --report junit=reports/assay.xml.`,
      { flag: '--report' },
    );
  }
  if (path.trim() === '') {
    throw new AssayError(
      'usage',
      `--report ${format}=: the path is empty; give a file, e.g. --report ${format}=reports/assay.${format === 'junit' ? 'xml' : format}.`,
      {
        flag: '--report',
      },
    );
  }
  return { format: format as ReportFormat, path };
}
