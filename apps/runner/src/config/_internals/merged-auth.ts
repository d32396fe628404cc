import type { AuthSettings } from '../../auth/auth-settings.js';

/** `over`'s credentials replace `under`'s kind by kind; scheme credentials merge by name. */
export function mergedAuth(
  under: AuthSettings | undefined,
  over: AuthSettings | undefined,
): AuthSettings | undefined {
  if (under === undefined) return over;
  if (over === undefined) return under;
  const merged: AuthSettings = { ...under, ...over };
  if (under.schemes !== undefined || over.schemes !== undefined) {
    merged.schemes = { ...under.schemes, ...over.schemes };
  }
  return merged;
}
