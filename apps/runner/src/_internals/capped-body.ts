/** A body read up to a cap. */
export interface CappedBody {
  /** The whole body; when `truncated`, only its first bytes (the preview a report shows). */
  bytes: Buffer;
  /** True when the body was longer than the cap: `bytes` is a preview, and the rest was never read. */
  truncated: boolean;
}

/** Collects a response body chunk by chunk under a cap. */
export interface CappedBodyCollector {
  /** Adds a chunk; `false` once the body is known to be cut: read nothing more, drop the connection. */
  push(chunk: Buffer): boolean;
  /** The body read so far (the preview, when cut). */
  finish(): CappedBody;
}

/** Bytes of a cut body kept for the report: failures keep 64 KiB of a body, and reports show 4 KiB. */
export const previewBytes = 64 * 1024;

const empty = Buffer.alloc(0);

/**
 * Collects at most `maxBytes` of a body. Memory is bounded by design, not by when the collector
 * runs: a body under the cap is kept whole (the checks need all of it); the moment a chunk takes it
 * past the cap, everything but the first `min(maxBytes, 64 KiB)` bytes is let go and `push` says
 * stop. A cut body is never judged (the checks cannot be sure of it), so the preview is all anyone
 * reads. `declaredLength` (a Content-Length, for an uncompressed body) longer than the cap says so
 * from the start: only the preview is ever held, and reading stops as soon as it is full.
 */
export function cappedBodyCollector(maxBytes: number, declaredLength?: number): CappedBodyCollector {
  const preview = Math.min(maxBytes, previewBytes);
  let chunks: Buffer[] = [];
  let size = 0;
  let truncated = declaredLength !== undefined && declaredLength > maxBytes;
  let cut: Buffer | undefined;

  /** The first `preview` bytes of what was read, copied so the chunks they came from can go. */
  const cutHere = (last: Buffer): void => {
    truncated = true;
    const kept = Buffer.allocUnsafe(Math.min(preview, size + last.length));
    let at = 0;
    for (const chunk of [...chunks, last]) {
      if (at === kept.length) break;
      at += chunk.copy(kept, at, 0, Math.min(chunk.length, kept.length - at));
    }
    cut = kept;
    chunks = [];
    size = kept.length;
  };

  return {
    push(chunk) {
      if (cut !== undefined) return false;
      const limit = truncated ? preview : maxBytes;
      if (size + chunk.length > limit || (truncated && size + chunk.length === limit)) {
        cutHere(chunk);
        return false;
      }
      chunks.push(chunk);
      size += chunk.length;
      return true;
    },
    finish() {
      if (cut !== undefined) return { bytes: cut, truncated: true };
      if (truncated) {
        // Declared longer than the cap, yet it ended within the preview: the server's length lied,
        // and what arrived is kept as it is, still marked cut (the declared body was never whole).
        const bytes = Buffer.concat(chunks, size);
        return { bytes, truncated: true };
      }
      const bytes = size === 0 ? empty : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      return { bytes, truncated: false };
    },
  };
}
