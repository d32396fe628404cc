import type { AuthSettings } from '../auth/auth-settings.js';

/**
 * The kinds of credentials in a run's `auth` that are not sent: a live target gets every one its
 * security schemes ask for, but the in-process mock takes its own token in every scheme. Said once
 * on stderr, so configured credentials are never dropped in silence.
 */
export function unsentAuth(auth: AuthSettings | undefined, mock: boolean): string[] {
  if (auth === undefined || !mock) return [];
  return (['basic', 'apiKey', 'oauth2', 'schemes'] as const).filter((kind) => auth[kind] !== undefined);
}
