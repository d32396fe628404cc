import type { HttpRequest, SecurityScheme } from '@assay/model';

/** A credential ready to go on the wire: the value of `Authorization`, or an API key. */
export type WireCredential = { kind: 'authorization'; value: string } | { kind: 'apiKey'; value: string };

/**
 * Puts a credential where the scheme reads it (OpenAPI 3.1 §4.8.27): `Authorization` for `http`,
 * `oauth2` and `openIdConnect`; the named header, query parameter or cookie for `apiKey`. A value
 * the request already has in that place is replaced, so a generated header never shadows it.
 */
export function placeCredential(
  request: HttpRequest,
  scheme: SecurityScheme,
  credential: WireCredential,
): HttpRequest {
  if (scheme.type !== 'apiKey') {
    return { ...request, headers: { ...request.headers, authorization: credential.value } };
  }
  const name = scheme.parameterName;
  switch (scheme.in) {
    case 'header':
      return { ...request, headers: { ...request.headers, [name.toLowerCase()]: credential.value } };
    case 'query': {
      const pairs = withoutQueryParameter(request.query, name);
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(credential.value)}`);
      return { ...request, query: pairs.join('&') };
    }
    case 'cookie': {
      const kept = withoutCookie(request.headers.cookie, name);
      kept.push(`${name}=${encodeURIComponent(credential.value)}`);
      return { ...request, headers: { ...request.headers, cookie: kept.join('; ') } };
    }
  }
}

/**
 * Takes away whatever the scheme reads, so a probe can show the server a request without it. With
 * `Authorization` shared by several `http` schemes, removing one removes the header.
 */
export function removeCredential(request: HttpRequest, scheme: SecurityScheme): HttpRequest {
  if (scheme.type !== 'apiKey') {
    const { authorization: _, ...headers } = request.headers;
    return { ...request, headers };
  }
  const name = scheme.parameterName;
  switch (scheme.in) {
    case 'header': {
      const headers = { ...request.headers };
      delete headers[name.toLowerCase()];
      return { ...request, headers };
    }
    case 'query':
      return { ...request, query: withoutQueryParameter(request.query, name).join('&') };
    case 'cookie': {
      const kept = withoutCookie(request.headers.cookie, name);
      const headers = { ...request.headers };
      if (kept.length === 0) delete headers.cookie;
      else headers.cookie = kept.join('; ');
      return { ...request, headers };
    }
  }
}

function withoutQueryParameter(query: string, name: string): string[] {
  return query.split('&').filter((pair) => {
    if (pair === '') return false;
    const key = pair.split('=')[0]!;
    try {
      return decodeURIComponent(key.replace(/\+/g, ' ')) !== name;
    } catch {
      return true;
    }
  });
}

function withoutCookie(cookie: string | undefined, name: string): string[] {
  if (cookie === undefined) return [];
  return cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.split('=')[0]!.trim() !== name);
}
