import type { HttpRequest } from '@assay/model';
import type { ReportRequest } from './run-report.js';

/**
 * The report form of a request sent to `baseUrl`: `baseUrl` + path + `?query` (a trailing `/` of the
 * base URL is dropped, since paths start with one), the body decoded as UTF-8. `headers` are the
 * headers as sent, credentials included: pass the transport's final headers, the reporters redact them.
 */
export function reportRequest(
  request: HttpRequest,
  baseUrl: string,
  headers: Readonly<Record<string, string>> = request.headers,
): ReportRequest {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  const url = `${base}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  const body =
    request.body === undefined
      ? null
      : typeof request.body === 'string'
        ? request.body
        : new TextDecoder('utf-8').decode(request.body);
  return { method: request.method, url, headers: { ...headers }, body };
}
