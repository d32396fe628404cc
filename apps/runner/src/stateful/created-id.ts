import type { ApiResource, HttpResponse } from '@assay/model';

/**
 * The id of a created resource, read where the resource says (an OpenAPI runtime expression):
 * `$response.body#/<pointer>` from the created body, `$response.header.location` from the item
 * URL the header names (matched against the item path, with or without the server's base path).
 * `undefined` when it is not there: the sequence cannot name the resource, and says nothing of it.
 */
export function createdId(
  resource: ApiResource,
  response: HttpResponse,
  basePath: string,
): string | undefined {
  const source = resource.idSource;
  if (source.startsWith('$response.body#')) {
    let value: unknown;
    try {
      value = JSON.parse(response.body);
    } catch {
      return undefined;
    }
    for (const token of source.slice('$response.body#'.length).split('/').slice(1)) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      value =
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    return (typeof value === 'string' && value !== '') || typeof value === 'number'
      ? String(value)
      : undefined;
  }
  const header = /^\$response\.header\.(.+)$/.exec(source)?.[1];
  const location = header === undefined ? undefined : response.headers[header];
  if (location === undefined) return undefined;
  let path: string;
  try {
    path = new URL(location, 'http://assay.invalid').pathname;
  } catch {
    return undefined;
  }
  if (basePath !== '' && path.startsWith(`${basePath}/`)) path = path.slice(basePath.length);
  const [before, after] = resource.item.split(`{${resource.idParam}}`) as [string, string | undefined];
  if (!path.startsWith(before) || !path.endsWith(after ?? '')) return undefined;
  const raw = path.slice(before.length, path.length - (after ?? '').length);
  if (raw === '' || raw.includes('/')) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
