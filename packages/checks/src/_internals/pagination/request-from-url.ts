import type { HttpRequest } from '@assay/model';

/**
 * The request a pagination link points to, relative to the target's base URL like every request.
 * A link to the same operation path keeps the request's path; otherwise `basePath` (the server
 * URL's path, e.g. `/api/v3`) is cut from the front. `undefined` when the link is not a URL.
 */
export function requestFromUrl(
  request: HttpRequest,
  link: string,
  basePath?: string,
): HttpRequest | undefined {
  let url: URL;
  try {
    url = new URL(link, `http://relative.invalid${request.path}`);
  } catch {
    return undefined;
  }
  let path = url.pathname;
  if (path.endsWith(request.path)) path = request.path;
  else if (basePath !== undefined && basePath !== '/' && path.startsWith(basePath.replace(/\/$/, ''))) {
    path = path.slice(basePath.replace(/\/$/, '').length) || '/';
  }
  return nextRequest(request, { path, query: url.search.replace(/^\?/, '') });
}

/** A follow-up request: same operation and headers, `pagination` mode, no negative reason. */
export function nextRequest(request: HttpRequest, changes: Partial<HttpRequest>): HttpRequest {
  const { reason: _reason, ...rest } = request;
  return { ...rest, mode: 'pagination', ...changes };
}
