import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type CappedBody, cappedBodyCollector } from './capped-body.js';

/**
 * Reads a compressed response body (which we never ask for) through a streaming decoder, keeping
 * at most `maxBytes` inflated bytes ({@link cappedBodyCollector}) and then stopping: the decoder is
 * destroyed at the cap, so nothing past it is inflated and a gzip bomb costs at most the cap. An
 * encoding we cannot decode is read as it is, under the same cap.
 */
export async function readCappedBody(
  body: Readable,
  maxBytes: number,
  contentEncoding: string | undefined,
): Promise<CappedBody> {
  const decoder = decoderFor(contentEncoding);
  const source: Readable = decoder === undefined ? body : body.pipe(decoder);
  if (decoder !== undefined) body.on('error', (error) => decoder.destroy(error));
  const collector = cappedBodyCollector(maxBytes);
  let cut = false;
  try {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      if (!collector.push(buffer)) {
        cut = true;
        break;
      }
    }
  } finally {
    if (cut || !body.readableEnded) body.destroy();
    decoder?.destroy();
  }
  return collector.finish();
}

function decoderFor(encoding: string | undefined) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip({ chunkSize: 64 * 1024 });
    case 'deflate':
      return createInflate({ chunkSize: 64 * 1024 });
    case 'br':
      return createBrotliDecompress({ chunkSize: 64 * 1024 });
    default:
      return undefined;
  }
}
