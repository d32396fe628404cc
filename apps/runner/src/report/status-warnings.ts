/** Fewer responses than this say nothing about the target as a whole. */
const MIN_RESPONSES = 10;
/** The share of responses from which "almost every response" is meant. */
const SHARE = 0.9;

/**
 * Warnings about the target drawn from the statuses it answered (requests made to test
 * authentication left out, since those are meant to be refused): when almost every response is a
 * 404, the base URL is probably wrong; when almost every one is a 401 or 403, the credentials are.
 * Each finding such a run produces says more about the setup than about the API.
 */
export function statusWarnings(
  statuses: Readonly<Record<string, number>>,
  target: { mock: boolean; hasCredentials: boolean },
): string[] {
  const total = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  if (total < MIN_RESPONSES) return [];
  const count = (status: number): number => statuses[String(status)] ?? 0;
  const warnings: string[] = [];
  const notFound = count(404);
  if (notFound >= total * SHARE) {
    warnings.push(
      `${notFound} of ${total} responses were 404 Not Found: the base URL is probably wrong${
        target.mock ? '' : " (does --base-url include the API's base path, as the spec's servers do?)"
      }`,
    );
  }
  const refused = count(401) + count(403);
  if (refused >= total * SHARE) {
    warnings.push(
      `${refused} of ${total} responses were 401 or 403: the credentials are probably ${
        target.hasCredentials ? 'wrong or expired' : 'missing (--auth-bearer, ASSAY_BEARER or --header)'
      }`,
    );
  }
  return warnings;
}
