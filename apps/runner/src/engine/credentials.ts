import type { ApiModel, HttpRequest, Operation, SecurityScheme } from '@assay/model';

/** What the run authenticates with. */
export interface Credentials {
  /** `--auth-bearer` / `ASSAY_BEARER`: sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** `--header "Name: value"`, names lower-cased. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * A token to present the way each operation's security scheme asks (bearer, basic, API key in a
   * header, query or cookie). Used against the mock, which accepts one token in every scheme; a
   * live server gets exactly what the user configured instead.
   */
  schemeToken?: string;
}

/** The value sent as a wrong credential in ignored-auth probes. */
export const wrongToken = 'assay-invalid-credential';

/**
 * Adds the credentials to a request: `--header` values, the bearer token, and (with a scheme token)
 * the token where the operation's first security requirement wants it. Configured values override
 * generated headers of the same name.
 */
export function withCredentials(
  request: HttpRequest,
  credentials: Credentials,
  api: ApiModel,
  operation: Operation,
): HttpRequest {
  const headers = { ...request.headers };
  let query = request.query;
  for (const [name, value] of credentials.headers) headers[name] = value;
  if (credentials.bearer !== undefined) headers.authorization = `Bearer ${credentials.bearer}`;
  const token = credentials.schemeToken;
  if (token !== undefined) {
    for (const scheme of schemesOf(api, operation)) {
      const placed = place(scheme, token, headers, query);
      query = placed;
    }
  }
  return { ...request, headers, query };
}

/** The schemes of the operation's first requirement that names any (all must be satisfied at once). */
function schemesOf(api: ApiModel, operation: Operation): SecurityScheme[] {
  const requirement = operation.security.find((r) => Object.keys(r).length > 0);
  if (requirement === undefined) return [];
  return Object.keys(requirement)
    .map((name) => api.securitySchemes[name])
    .filter((scheme): scheme is SecurityScheme => scheme !== undefined);
}

/** Puts the token where the scheme reads it; returns the (possibly extended) query. */
function place(
  scheme: SecurityScheme,
  token: string,
  headers: Record<string, string>,
  query: string,
): string {
  switch (scheme.type) {
    case 'http': {
      const kind = scheme.scheme.toLowerCase();
      if (kind === 'basic') headers.authorization = `Basic ${Buffer.from(token).toString('base64')}`;
      else headers.authorization = `${kind === 'bearer' ? 'Bearer' : scheme.scheme} ${token}`;
      return query;
    }
    case 'apiKey': {
      if (scheme.in === 'header') headers[scheme.parameterName.toLowerCase()] = token;
      if (scheme.in === 'cookie') {
        const pair = `${scheme.parameterName}=${encodeURIComponent(token)}`;
        headers.cookie = headers.cookie === undefined ? pair : `${headers.cookie}; ${pair}`;
      }
      if (scheme.in === 'query') {
        const pair = `${encodeURIComponent(scheme.parameterName)}=${encodeURIComponent(token)}`;
        return query === '' ? pair : `${query}&${pair}`;
      }
      return query;
    }
    case 'oauth2':
    case 'openIdConnect':
      headers.authorization = `Bearer ${token}`;
      return query;
    case 'mutualTLS':
      return query;
  }
}

/** True when the operation requires credentials: it has requirements and none is anonymous (`{}`). */
export function requiresAuth(operation: Operation): boolean {
  return operation.security.length > 0 && !operation.security.some((r) => Object.keys(r).length === 0);
}

/**
 * The two ignored-auth probes of a request that carries valid credentials: one with none at all,
 * one with wrong ones, wherever the operation's schemes read them (authorization, API key headers,
 * cookies and query parameters). Both carry mode `auth`, so checks expect them to be refused.
 */
export function authProbes(api: ApiModel, operation: Operation, request: HttpRequest): HttpRequest[] {
  const headerNames = new Set<string>(['authorization']);
  const queryNames = new Set<string>();
  const cookieNames = new Set<string>();
  for (const requirement of operation.security) {
    for (const name of Object.keys(requirement)) {
      const scheme = api.securitySchemes[name];
      if (scheme?.type !== 'apiKey') continue;
      if (scheme.in === 'header') headerNames.add(scheme.parameterName.toLowerCase());
      if (scheme.in === 'query') queryNames.add(scheme.parameterName);
      if (scheme.in === 'cookie') cookieNames.add(scheme.parameterName);
    }
  }
  const strip = (value: string): HttpRequest => {
    const headers: Record<string, string> = {};
    for (const [name, current] of Object.entries(request.headers)) {
      if (headerNames.has(name)) {
        if (value !== '') headers[name] = name === 'authorization' ? `Bearer ${value}` : value;
      } else if (name === 'cookie' && cookieNames.size > 0) {
        const kept = current
          .split(';')
          .map((part) => part.trim())
          .filter((part) => part !== '' && !cookieNames.has(part.split('=')[0]!));
        if (value !== '') kept.push(...[...cookieNames].map((cookie) => `${cookie}=${value}`));
        if (kept.length > 0) headers.cookie = kept.join('; ');
      } else {
        headers[name] = current;
      }
    }
    if (value !== '' && headers.authorization === undefined && request.headers.authorization === undefined) {
      headers.authorization = `Bearer ${value}`;
    }
    const pairs = request.query.split('&').filter((pair) => {
      if (pair === '') return false;
      try {
        return !queryNames.has(decodeURIComponent(pair.split('=')[0]!));
      } catch {
        return true;
      }
    });
    if (value !== '') pairs.push(...[...queryNames].map((name) => `${encodeURIComponent(name)}=${value}`));
    return { ...request, headers, query: pairs.join('&'), mode: 'auth' };
  };
  return [strip(''), strip(wrongToken)];
}
