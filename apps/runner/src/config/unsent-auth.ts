import type { AuthSettings } from '../auth/auth-settings.js';

/**
 * The kinds of credentials in a run's `auth` that the engine does not send yet (it sends the
 * bearer token): said once on stderr, so a file's credentials are never dropped in silence.
 */
export function unsentAuth(auth: AuthSettings | undefined): string[] {
  if (auth === undefined) return [];
  return (['basic', 'apiKey', 'schemes'] as const).filter((kind) => auth[kind] !== undefined);
}
