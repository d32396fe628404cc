import type { HttpResponse } from '@assay/model';
import type { ReportResponse } from './run-report.js';
import { REPORT_BODY_BYTES, truncateBody } from './truncate-body.js';

/** The report form of a response: its body cut to `maxBodyBytes` (4 KiB by default) with a marker. */
export function reportResponse(
  response: HttpResponse,
  maxBodyBytes: number = REPORT_BODY_BYTES,
): ReportResponse {
  return {
    status: response.status,
    headers: { ...response.headers },
    body: truncateBody(response.body, maxBodyBytes, response.truncated),
  };
}
