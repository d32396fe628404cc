/** What a redacted secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Secrets shorter than this (in characters) are not searched for in free text.
 *
 * A 1-3 character secret (`--header "X-Debug: 1"`, a test token `ab`) occurs by chance in almost
 * any body, URL or message: replacing every `1` would make the report unreadable while protecting
 * nothing, since a secret that short falls to a few thousand guesses anyway. Such secrets are still
 * redacted wherever they stand as a whole header value (see `createRedactor`), which is where a
 * credential actually travels.
 */
export const MIN_TEXT_SECRET_LENGTH = 4;

/** Characters, not UTF-16 code units: a 2-emoji secret is 2 characters long. */
function characterLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** `[start, end)` ranges of every occurrence, overlapping ones included, merged and sorted. */
function occurrences(text: string, secrets: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const secret of secrets) {
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      ranges.push([at, at + secret.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function replaceRanges(text: string, ranges: ReadonlyArray<[number, number]>, marker: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += text.slice(from, start) + marker;
    from = end;
  }
  return out + text.slice(from);
}

function containsAny(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => text.includes(secret));
}

/**
 * Replaces every occurrence of every secret in `text` with {@link REDACTED}. Secrets are matched as
 * literal strings (never as regular expressions), overlapping occurrences are covered by one marker,
 * and secrets shorter than {@link MIN_TEXT_SECRET_LENGTH} characters are ignored.
 *
 * The result never contains a secret, even one that overlaps the marker itself (a secret such as
 * `ED]x` could reappear across `[REDACTED]` and the text after it): when that happens a marker-free
 * replacement is tried, and as a last resort the whole text is withheld.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const searched = secrets.filter((secret) => characterLength(secret) >= MIN_TEXT_SECRET_LENGTH);
  if (searched.length === 0) return text;
  const ranges = occurrences(text, searched);
  if (ranges.length === 0) return text;
  for (const marker of [REDACTED, '***', '']) {
    const out = replaceRanges(text, ranges, marker);
    if (!containsAny(out, searched)) return out;
  }
  return containsAny(REDACTED, searched) ? '' : REDACTED;
}
