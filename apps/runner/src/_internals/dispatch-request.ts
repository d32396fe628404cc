import { PassThrough } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { InFlightRequests, StopReason } from './in-flight-requests.js';
import { readCappedBody } from './read-capped-body.js';

/** A response read up to the body cap, before decoding. */
export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (RFC 9110 §5.3). */
  headers: Record<string, string>;
  bytes: Buffer;
  /** True when the body was longer than the cap and was cut (the rest was never read). */
  truncated: boolean;
}

/** What came of one request on the wire. */
export type DispatchResult =
  | { kind: 'response'; response: RawResponse }
  | { kind: 'error'; error: unknown; phase: 'headers' | 'body' }
  | { kind: 'stopped'; why: StopReason; phase: 'headers' | 'body' };

const compressed = new Set(['gzip', 'x-gzip', 'deflate', 'br']);
const empty = Buffer.alloc(0);

/**
 * Sends one request through `dispatcher.dispatch` with a handler that collects the body itself, up
 * to `maxBytes`, and never throws. undici's `request()` wraps every response body in a stream and
 * every request in an abort signal; against a fast target (or the in-process mock) that machinery
 * cost as much as the request itself, and a handler needs neither. Timeouts and cancellation come
 * from `inFlight` (`a`, `b` are the cancelling signals). Compressed bodies (never asked for) go
 * through the streaming decoders of `readCappedBody`, under the same cap.
 */
export function dispatchRequest(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  maxBytes: number,
  inFlight: InFlightRequests,
  a?: AbortSignal,
  b?: AbortSignal,
): Promise<DispatchResult> {
  return new Promise<DispatchResult>((resolve) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let phase: 'headers' | 'body' = 'headers';
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    let inflating: PassThrough | undefined;
    let watched: { end(): void } | undefined;

    const settle = (result: DispatchResult): void => {
      if (settled) return;
      settled = true;
      watched?.end();
      resolve(result);
    };
    /** Stops the exchange on the wire: the connection is not reused for a half-read response. */
    const abandon = (reason: string): void => {
      if (controller !== undefined && !controller.aborted) controller.abort(new Error(reason));
    };
    const respond = (bytes: Buffer, truncated: boolean): void =>
      settle({ kind: 'response', response: { status, headers, bytes, truncated } });

    watched = inFlight.watch(
      (why) => {
        settle({ kind: 'stopped', why, phase });
        abandon(why === 'timeout' ? 'timeout' : 'cancelled');
        inflating?.destroy();
      },
      a,
      b,
    );
    if (settled) return;

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // Stopped while queued in the dispatcher: it must not go out after all.
        if (settled) abandon('stopped');
      },
      onResponseStart(_controller, statusCode, raw) {
        // An interim 1xx response is not the answer: the final one is still to come.
        if (settled || statusCode < 200) return;
        phase = 'body';
        status = statusCode;
        headers = flattenHeaders(raw);
        const encoding = headers['content-encoding']?.trim().toLowerCase();
        if (encoding !== undefined && compressed.has(encoding)) {
          const source = new PassThrough();
          inflating = source;
          readCappedBody(source, maxBytes, encoding).then(
            (body) => {
              respond(body.bytes, body.truncated);
              if (body.truncated) abandon('read cap');
            },
            (error: unknown) => settle({ kind: 'error', error, phase: 'body' }),
          );
        }
      },
      onResponseData(_controller, chunk) {
        if (settled) return;
        if (inflating !== undefined) {
          inflating.write(chunk);
          return;
        }
        if (size + chunk.length > maxBytes) {
          chunks.push(chunk.subarray(0, maxBytes - size));
          size = maxBytes;
          respond(Buffer.concat(chunks, size), true);
          abandon('read cap');
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      },
      onResponseEnd() {
        if (inflating !== undefined) {
          inflating.end();
          return;
        }
        respond(size === 0 ? empty : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size), false);
      },
      onResponseError(_controller, error) {
        inflating?.destroy(error);
        settle({ kind: 'error', error, phase });
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      settle({ kind: 'error', error, phase });
    }
  });
}

/** Lower-case names; repeated headers joined with `, ` (RFC 9110 §5.3), as the model says. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
