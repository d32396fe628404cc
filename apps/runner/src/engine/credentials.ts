import type { ApiModel, HttpRequest, Operation } from '@assay/model';

/** What the user gave to authenticate: a bearer token and extra headers (`--header`). */
export interface Credentials {
  bearer?: string;
  headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** The value sent as a wrong credential in ignored-auth probes. */
export const wrongToken = 'assay-invalid-credential';

/**
 * Adds the credentials to a request: `--header` values first, then the bearer token in
 * `authorization` (so a generated header never overrides what the user configured).
 */
export function withCredentials(request: HttpRequest, credentials: Credentials): HttpRequest {
  const headers = { ...request.headers };
  for (const [name, value] of credentials.headers) headers[name] = value;
  if (credentials.bearer !== undefined) headers.authorization = `Bearer ${credentials.bearer}`;
  return { ...request, headers };
}

/** The header names that carry credentials for an operation (bearer/basic, apiKey in header). */
export function credentialHeaders(api: ApiModel, operation: Operation): string[] {
  const names = new Set<string>(['authorization']);
  for (const requirement of operation.security) {
    for (const schemeName of Object.keys(requirement)) {
      const scheme = api.securitySchemes[schemeName];
      if (scheme?.type === 'apiKey' && scheme.in === 'header') names.add(scheme.parameterName.toLowerCase());
    }
  }
  return [...names];
}

/** True when the operation requires credentials: it has requirements and none is anonymous (`{}`). */
export function requiresAuth(operation: Operation): boolean {
  return operation.security.length > 0 && !operation.security.some((r) => Object.keys(r).length === 0);
}

/**
 * The two ignored-auth probes of a request: one with no credentials at all, one with wrong ones.
 * Both carry mode `auth`, so checks expect them to be refused (401/403).
 */
export function authProbes(api: ApiModel, operation: Operation, request: HttpRequest): HttpRequest[] {
  const names = credentialHeaders(api, operation);
  const missing = { ...request.headers };
  for (const name of names) delete missing[name];
  const wrong = { ...missing };
  for (const name of names) wrong[name] = name === 'authorization' ? `Bearer ${wrongToken}` : wrongToken;
  return [
    { ...request, headers: missing, mode: 'auth' },
    { ...request, headers: wrong, mode: 'auth' },
  ];
}
