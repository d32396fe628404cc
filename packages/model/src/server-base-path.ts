/**
 * The path part of a server URL (`https://x.test/api/v3/` → `/api/v3`), without trailing slashes,
 * so a request path (which starts with `/`) appends to it; `''` for the root, for no server, and for
 * a server URL that does not parse. Relative server URLs (`/api/v3`, OAS 3 §4.8.5) are read against
 * a placeholder origin. The one reading of "the base path of a server" for the loader, the checks,
 * the mock and the runner.
 */
export function serverBasePath(server: string | undefined): string {
  if (server === undefined) return '';
  try {
    return new URL(server, 'http://assay.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
