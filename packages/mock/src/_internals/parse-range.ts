/** A `Range: items=0-19` request header (PostgREST) as a start and optional end; undefined when malformed. */
export function parseRange(header: string | undefined): { start: number; end?: number } | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:[a-z]+=)?(\d+)-(\d*)\s*$/i.exec(header);
  if (m === null) return undefined;
  const start = Number(m[1]);
  const end = m[2] === '' || m[2] === undefined ? undefined : Number(m[2]);
  if (end !== undefined && end < start) return undefined;
  return end === undefined ? { start } : { start, end };
}
