import type { ApiModel, AuthProbe, HttpRequest, Operation, SecurityScheme } from '@assay/model';
import { basicToken } from './basic-token.js';
import type { AuthenticatedRequest } from './create-authenticator.js';
import { placeCredential, removeCredential, type WireCredential } from './place-credential.js';

/** The value sent as a wrong credential: no server issues it. */
export const wrongCredential = 'assay-invalid-credential';

/**
 * The ignored-auth probes of an authenticated request (mode `auth`), for an operation that does
 * not allow anonymous access. When the credentials met a requirement, each scheme of it is probed
 * on its own, the others kept valid: once left out, once spoiled (a requirement needs all of its
 * schemes, OpenAPI 3.1 §4.8.30, so either must be refused). With several schemes, one more probe
 * leaves out all of them. When no requirement could be met, one probe carries none of the
 * schemes' credentials and one carries wrong ones for the first requirement.
 */
export function authProbes(api: ApiModel, operation: Operation, sent: AuthenticatedRequest): HttpRequest[] {
  if (operation.security.length === 0) return [];
  if (operation.security.some((requirement) => Object.keys(requirement).length === 0)) return [];
  const probe = (request: HttpRequest, authProbe: AuthProbe): HttpRequest => ({
    ...request,
    mode: 'auth',
    authProbe,
  });
  const all = operation.security.flatMap((requirement) =>
    Object.keys(requirement).flatMap((name) => api.securitySchemes[name] ?? []),
  );
  const withoutAll = (request: HttpRequest) => all.reduce(removeCredential, request);
  if (sent.choice.kind !== 'satisfied') {
    const first = Object.keys(operation.security[0]!).flatMap((name) => api.securitySchemes[name] ?? []);
    const wrong = first.reduce(
      (request, scheme) => placeCredential(request, scheme, wrongOf(scheme)),
      withoutAll(sent.request),
    );
    return [probe(withoutAll(sent.request), { kind: 'missing' }), probe(wrong, { kind: 'wrong' })];
  }
  const probes: HttpRequest[] = [];
  for (const { scheme } of sent.choice.schemes) {
    probes.push(probe(removeCredential(sent.request, scheme), { scheme: scheme.name, kind: 'missing' }));
    probes.push(
      probe(placeCredential(sent.request, scheme, wrongOf(scheme)), { scheme: scheme.name, kind: 'wrong' }),
    );
  }
  if (sent.choice.schemes.length > 1) probes.push(probe(withoutAll(sent.request), { kind: 'missing' }));
  return probes;
}

/** A credential of the right form for the scheme that no server accepts. */
function wrongOf(scheme: SecurityScheme): WireCredential {
  if (scheme.type === 'apiKey') return { kind: 'apiKey', value: wrongCredential };
  if (scheme.type === 'http' && scheme.scheme === 'basic') {
    return { kind: 'authorization', value: `Basic ${basicToken('assay', wrongCredential)}` };
  }
  const name = scheme.type === 'http' && scheme.scheme !== 'bearer' ? scheme.scheme : 'Bearer';
  return { kind: 'authorization', value: `${name} ${wrongCredential}` };
}
