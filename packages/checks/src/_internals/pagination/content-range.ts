/** A parsed `Content-Range` (RFC 9110 §14.4): a range of items, or `*` for none; total `undefined` when `*`. */
export interface ContentRange {
  unit?: string;
  /** Absent for an unsatisfied range (`*\/total`). */
  start?: number;
  end?: number;
  total?: number;
}

/** Parses `items 0-24/100`, `0-24/*` or `*\/100`; `undefined` when malformed. */
export function parseContentRange(header: string): ContentRange | undefined {
  const match = /^\s*(?:([A-Za-z][\w-]*)\s+)?(?:(\d+)-(\d+)|\*)\/(\d+|\*)\s*$/.exec(header);
  if (match === null) return undefined;
  const out: ContentRange = {};
  if (match[1] !== undefined) out.unit = match[1];
  if (match[2] !== undefined) {
    out.start = Number(match[2]);
    out.end = Number(match[3]);
  }
  if (match[4] !== '*') out.total = Number(match[4]);
  return out;
}
