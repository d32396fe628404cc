import type { ApiModel, Operation, SecurityScheme } from '@assay/model';
import type { AuthSettings } from './auth-settings.js';
import { type SchemeCredential, schemeCredential } from './scheme-credential.js';

/** One scheme of the chosen requirement, with the credential it is sent with. */
export interface ChosenScheme {
  scheme: SecurityScheme;
  credential: SchemeCredential;
  /** The scopes the requirement lists for the scheme (OAuth2 and OpenID Connect; roles otherwise). */
  scopes: readonly string[];
}

/** How an operation's `security` is met with what the user configured. */
export type RequirementChoice =
  /** The operation needs no credentials (no requirement), or allows anonymous access (`{}`) and none fits. */
  | { kind: 'anonymous' }
  /** Every scheme of one requirement has a credential: they are all sent together. */
  | { kind: 'satisfied'; schemes: ChosenScheme[] }
  /** No requirement can be met: `missing` names, per requirement, the schemes nothing fits. */
  | { kind: 'unsatisfied'; missing: string[][] };

/**
 * Picks the requirement to send (OpenAPI 3.1 §4.8.30: the Security Requirement Objects of a list
 * are alternatives, and all schemes of one object are needed at once). The first requirement, in
 * document order, whose every scheme has a configured credential wins; an empty requirement `{}`
 * allows anonymous access. A requirement that names a scheme the document does not define, or a
 * `mutualTLS` scheme, cannot be met by headers and is skipped.
 */
export function chooseRequirement(
  api: ApiModel,
  operation: Operation,
  settings: AuthSettings,
): RequirementChoice {
  if (operation.security.length === 0) return { kind: 'anonymous' };
  const missing: string[][] = [];
  let anonymous = false;
  for (const requirement of operation.security) {
    const names = Object.keys(requirement);
    if (names.length === 0) {
      anonymous = true;
      continue;
    }
    const chosen: ChosenScheme[] = [];
    const lacking: string[] = [];
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = api.securitySchemes[name];
      const credential = scheme === undefined ? undefined : schemeCredential(scheme, settings);
      if (scheme === undefined || credential === undefined) lacking.push(name);
      else chosen.push({ scheme, credential, scopes: Array.isArray(scopes) ? scopes : [] });
    }
    if (lacking.length === 0) return { kind: 'satisfied', schemes: chosen };
    missing.push(lacking);
  }
  return anonymous ? { kind: 'anonymous' } : { kind: 'unsatisfied', missing };
}
