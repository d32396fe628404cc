/** The default cap on a response body in reports: enough to see the problem, small enough for CI logs. */
export const REPORT_BODY_BYTES = 4096;

/**
 * Cuts `body` to at most `maxBytes` bytes of UTF-8 (never inside a character) and appends a marker
 * such as `… [truncated: 4096 of 183201 bytes shown]`. `alreadyTruncated` says the transport cut
 * the body before: the marker then says the total is unknown.
 */
export function truncateBody(
  body: string,
  maxBytes: number = REPORT_BODY_BYTES,
  alreadyTruncated = false,
): string {
  const total = Buffer.byteLength(body, 'utf8');
  if (total <= maxBytes) return alreadyTruncated ? `${body}… [truncated by the transport's read cap]` : body;
  let bytes = 0;
  let end = 0;
  for (const char of body) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  const of = alreadyTruncated ? `more than ${total}` : `${total}`;
  return `${body.slice(0, end)}… [truncated: ${bytes} of ${of} bytes shown]`;
}
