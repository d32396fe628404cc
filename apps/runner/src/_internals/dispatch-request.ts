import { PassThrough } from 'node:stream';
import type { Dispatcher } from 'undici';
import { type CappedBodyCollector, cappedBodyCollector } from './capped-body.js';
import type { InFlightRequests, StopReason } from './in-flight-requests.js';
import { readCappedBody } from './read-capped-body.js';

/** A response read up to the body cap, before decoding. */
export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (RFC 9110 §5.3). */
  headers: Record<string, string>;
  /** The body; when `truncated`, only a preview of its first bytes (at most 64 KiB). */
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

/**
 * Sends one request through `dispatcher.dispatch` with a handler that collects the body itself, up
 * to `maxBytes`, and never throws. undici's `request()` wraps every response body in a stream and
 * every request in an abort signal; against a fast target (or the in-process mock) that machinery
 * cost as much as the request itself, and a handler needs neither. Timeouts and cancellation come
 * from `inFlight` (`a`, `b` are the cancelling signals). Compressed bodies (never asked for) go
 * through the streaming decoders of `readCappedBody`, under the same cap, with back-pressure (the
 * socket is paused while the decoder is behind, so compressed bytes do not pile up either).
 *
 * The cap is streamed: at the first byte past it (or at once, when the declared Content-Length is
 * past it) the body is cut to a preview ({@link cappedBodyCollector}) and the exchange is dropped on
 * the wire, so a request holds at most `maxBytes` of body, whatever the server sends.
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
    let body: CappedBodyCollector | undefined;
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
        body = undefined;
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
        if (encoding === undefined || !compressed.has(encoding)) {
          body = cappedBodyCollector(maxBytes, declaredLength(headers['content-length']));
        } else {
          const source = new PassThrough();
          inflating = source;
          readCappedBody(source, maxBytes, encoding).then(
            (read) => {
              respond(read.bytes, read.truncated);
              if (read.truncated) abandon('read cap');
            },
            (error: unknown) => settle({ kind: 'error', error, phase: 'body' }),
          );
        }
      },
      onResponseData(wire, chunk) {
        if (settled) return;
        if (inflating !== undefined) {
          const source = inflating;
          if (!source.write(chunk) && !wire.paused) {
            wire.pause();
            source.once('drain', () => wire.resume());
          }
          return;
        }
        if (body !== undefined && !body.push(chunk)) {
          const cut = body.finish();
          body = undefined;
          respond(cut.bytes, cut.truncated);
          abandon('read cap');
        }
      },
      onResponseEnd() {
        if (inflating !== undefined) {
          inflating.end();
          return;
        }
        if (body === undefined) return;
        const whole = body.finish();
        body = undefined;
        respond(whole.bytes, whole.truncated);
      },
      onResponseError(_controller, error) {
        inflating?.destroy(error);
        body = undefined;
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

/** A Content-Length that is one number, else nothing (undici has already refused conflicting ones). */
function declaredLength(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
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
