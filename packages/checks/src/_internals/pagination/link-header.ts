/**
 * Parses an RFC 8288 `Link` header into target URLs by relation type (lower-case). A link with
 * several relation types (`rel="next last"`) is listed under each.
 */
export function parseLinkHeader(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  const linkPattern = /<([^>]*)>((?:\s*;\s*[^;,]+)*)/g;
  for (const match of header.matchAll(linkPattern)) {
    const target = match[1]!;
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    if (rel === null) continue;
    for (const name of (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/)) {
      if (name !== '' && out[name] === undefined) out[name] = target;
    }
  }
  return out;
}
