import { AssayError } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { parseReportTarget } from './parse-report-target.js';

describe('parseReportTarget', () => {
  it('reads <format>=<path>, keeping any = in the path', () => {
    expect(parseReportTarget('json=out/a.json')).toEqual({ format: 'json', path: 'out/a.json' });
    expect(parseReportTarget('JUnit=r=1.xml')).toEqual({ format: 'junit', path: 'r=1.xml' });
    expect(parseReportTarget('html=report.html')).toEqual({ format: 'html', path: 'report.html' });
  });

  it.each(['xml=a.xml', 'a.json', 'json=', '=x'])('rejects %j as a usage error on --report', (value) => {
    let error: unknown;
    try {
      parseReportTarget(value);
    } catch (e) {
      error = e;
    }
    expect(AssayError.is(error)).toBe(true);
    expect((error as AssayError).code).toBe('usage');
    expect((error as AssayError).details.flag).toBe('--report');
  });
});
