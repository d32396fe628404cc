import type { HttpRequest, Operation, SecurityScheme } from '@assay/model';
import type { MockContext } from './mock-context.js';

/**
 * Whether a request satisfies one of the operation's security requirements with the mock's token
 * (OpenAPI 3.1 §4.8.30: any one requirement, and every scheme within it). No requirement, or an
 * empty one, means anonymous access.
 */
export function isAuthorized(
  ctx: MockContext,
  operation: Operation,
  request: HttpRequest,
  query: Map<string, string[]>,
): boolean {
  if (operation.security.length === 0) return true;
  return operation.security.some((requirement) =>
    Object.keys(requirement).every((name) => {
      const scheme = ctx.api.securitySchemes[name];
      // A scheme the document does not define cannot be satisfied, nor refused with certainty.
      return scheme === undefined || satisfies(scheme, ctx.token, request, query);
    }),
  );
}

function satisfies(
  scheme: SecurityScheme,
  token: string,
  request: HttpRequest,
  query: Map<string, string[]>,
): boolean {
  switch (scheme.type) {
    case 'http': {
      const [kind, credentials] = splitAuthorization(request.headers.authorization);
      if (kind !== scheme.scheme.toLowerCase()) return false;
      if (kind === 'basic')
        return credentials === token || credentials === Buffer.from(token).toString('base64');
      return credentials === token;
    }
    case 'apiKey': {
      if (scheme.in === 'header') return request.headers[scheme.parameterName.toLowerCase()] === token;
      if (scheme.in === 'query') return query.get(scheme.parameterName)?.includes(token) === true;
      return readCookie(request.headers.cookie ?? '', scheme.parameterName) === token;
    }
    case 'oauth2':
    case 'openIdConnect': {
      const [kind, credentials] = splitAuthorization(request.headers.authorization);
      return kind === 'bearer' && credentials === token;
    }
    case 'mutualTLS':
      // The transport, not the request, carries a client certificate: nothing to check here.
      return true;
  }
}

function splitAuthorization(header: string | undefined): [string, string] {
  if (header === undefined) return ['', ''];
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  if (space === -1) return [trimmed.toLowerCase(), ''];
  return [trimmed.slice(0, space).toLowerCase(), trimmed.slice(space + 1).trim()];
}

function readCookie(header: string, name: string): string | undefined {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
