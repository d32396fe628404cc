import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body read up to a cap. */
export interface CappedBody {
  bytes: Buffer;
  truncated: boolean;
}

/**
 * Reads a response body, keeping at most `maxBytes` bytes and then stopping: the rest is never
 * read, so a 200 MB or endless body costs at most the cap. Compressed bodies (which we never ask
 * for) are inflated through a streaming decoder under the same cap, so a gzip bomb stays bounded.
 */
export async function readCappedBody(
  body: Readable,
  maxBytes: number,
  contentEncoding: string | undefined,
): Promise<CappedBody> {
  const decoder = decoderFor(contentEncoding);
  const source: Readable = decoder === undefined ? body : body.pipe(decoder);
  if (decoder !== undefined) body.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      if (size + buffer.length > maxBytes) {
        chunks.push(buffer.subarray(0, maxBytes - size));
        size = maxBytes;
        truncated = true;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    if (truncated || !body.readableEnded) body.destroy();
    decoder?.destroy();
  }
  return { bytes: Buffer.concat(chunks, size), truncated };
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}
