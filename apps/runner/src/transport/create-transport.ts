import type { HttpRequest, HttpResponse } from '@assay/model';
import type { Dispatcher } from 'undici';
import { bodyTexts } from '../_internals/body-texts.js';
import { classifyTransportError, type TransportFault } from '../_internals/classify-transport-error.js';
import { dispatchRequest } from '../_internals/dispatch-request.js';
import { inFlightRequests } from '../_internals/in-flight-requests.js';
import { requestSignal } from '../_internals/request-signal.js';
import { requestSlots, sleep } from '../_internals/request-slots.js';
import { retryAfterMs } from '../_internals/retry-after-ms.js';
import type { SentRequest } from '../engine/run-result.js';

/** How requests are sent. */
export interface TransportOptions {
  /** Origin plus base path, without a trailing slash: the spec's server URL is replaced by it. */
  baseUrl: URL;
  /** An undici Pool/Agent for a live server, or the mock's in-process dispatcher. */
  dispatcher: Dispatcher;
  concurrency: number;
  /** Requests per second; absent: unlimited. */
  rate?: number;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Retries of a 429, or of a 503 that carries Retry-After (default 2). */
  maxRetries?: number;
  /** A Retry-After longer than this is not waited for (default 10 s). */
  maxRetryWaitMs?: number;
  /** The first wait before retrying a 429 without Retry-After; doubled each time (default 250 ms). */
  retryBackoffMs?: number;
  /** Aborts everything in flight and everything queued (time budget, SIGINT). */
  signal?: AbortSignal;
}

/** What came of one send. */
export type SendOutcome = (
  | { kind: 'response'; sent: SentRequest; response: HttpResponse; attempts: number }
  | { kind: 'fault'; sent: SentRequest; fault: TransportFault; durationMs: number; attempts: number }
  | { kind: 'aborted'; sent: SentRequest; attempts: number }
) & {
  /** The request as it went on the wire, when a wrapping transport changed it (the config's hooks). */
  wire?: HttpRequest;
};

/** Sends requests; the one code path for live servers and the mock. */
export interface Transport {
  /**
   * Sends a request whose headers already carry the credentials. Never throws. `signal` cancels
   * this request alone (queued or in flight), on top of the transport's own signal.
   */
  send(request: HttpRequest, signal?: AbortSignal): Promise<SendOutcome>;
  /** The absolute URL a request goes to. */
  urlOf(request: HttpRequest): string;
  /** Requests put on the wire so far, retries included. */
  readonly sent: number;
}

/**
 * Builds a transport over an undici dispatcher: bounded concurrency and rate (requests leave in
 * call order), a per-request timeout covering headers and body, capped body reads, Retry-After
 * honoured on 429/503 a bounded number of times, and redirects returned as they are (never
 * followed, so credentials never travel to another origin and a redirect loop costs one request).
 *
 * A 429 (with or without Retry-After) or a 503 with Retry-After is the server declining to answer,
 * not an answer: when it persists past the retries, or asks for a longer wait than allowed, the
 * outcome is a `transport-error` fault (`RATE_LIMITED` / `UNAVAILABLE`) saying the request could not
 * be tested, so a storm of them gives the operation up like any other transport failure. A 503
 * without Retry-After stays a response: checks judge it as a server error.
 */
export function createTransport(options: TransportOptions): Transport {
  const slots = requestSlots(options.concurrency, options.rate);
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 10_000;
  const retryBackoffMs = options.retryBackoffMs ?? 250;
  const basePath = options.baseUrl.pathname.replace(/\/+$/, '');
  const origin = options.baseUrl.origin;
  let sent = 0;
  const inFlight = inFlightRequests(options.timeoutMs);
  const texts = bodyTexts();

  const pathOf = (request: HttpRequest) =>
    `${basePath}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  const urlOf = (request: HttpRequest) => `${origin}${pathOf(request)}`;

  async function attempt(request: HttpRequest, own?: AbortSignal): Promise<SendOutcome> {
    const sentOf = lazySent(request, urlOf);
    const run = options.signal;
    let attempts = 0;
    for (;;) {
      if (!(await slots.acquire(run, own))) return aborted(sentOf, attempts);
      attempts += 1;
      sent += 1;
      let outcome: SendOutcome;
      try {
        outcome = await once(request, sentOf, attempts, own);
      } finally {
        slots.release();
      }
      if (outcome.kind !== 'response') return outcome;
      const { status, headers } = outcome.response;
      const asked = retryAfterMs(headers['retry-after']);
      if (status !== 429 && !(status === 503 && asked !== undefined)) return outcome;
      const wait = asked ?? retryBackoffMs * 2 ** (attempts - 1);
      if (attempts > maxRetries || wait > maxRetryWaitMs) return declined(outcome, attempts, asked);
      // Waiting to retry is rare: this is the one place a combined signal is worth making.
      const cancelling = requestSignal([run, own]);
      try {
        await sleep(wait, cancelling.signal);
      } finally {
        cancelling.dispose();
      }
      if (run?.aborted === true || own?.aborted === true) return aborted(sentOf, attempts);
    }
  }

  function declined(
    outcome: Extract<SendOutcome, { kind: 'response' }>,
    attempts: number,
    asked: number | undefined,
  ): SendOutcome {
    const { status, durationMs } = outcome.response;
    const tried = attempts === 1 ? `${status}` : `${status} on ${attempts} attempts`;
    const how =
      asked === undefined
        ? attempts === 1
          ? ''
          : ', backing off between them'
        : asked > maxRetryWaitMs
          ? `, Retry-After ${Math.round(asked / 1000)} s is longer than the ${Math.round(maxRetryWaitMs / 1000)} s Assay waits`
          : `, Retry-After ${Math.round(asked / 1000)} s honoured`;
    const what = status === 429 ? 'rate limited the request' : 'said it is unavailable';
    const advice = status === 429 ? '; lower --rate or --concurrency' : '';
    return {
      kind: 'fault',
      sent: outcome.sent,
      attempts,
      durationMs,
      fault: {
        check: 'transport-error',
        code: status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE',
        unreachable: false,
        message: `the server ${what} (${tried}${how}): it could not be tested${advice}`,
      },
    };
  }

  async function once(
    request: HttpRequest,
    sentOf: () => SentRequest,
    attempts: number,
    own: AbortSignal | undefined,
  ): Promise<SendOutcome> {
    const started = performance.now();
    const result = await dispatchRequest(
      options.dispatcher,
      {
        origin,
        path: pathOf(request),
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      options.maxBodyBytes,
      inFlight,
      options.signal,
      own,
    );
    if (result.kind === 'response') {
      const { status, headers, bytes, truncated } = result.response;
      return {
        kind: 'response',
        get sent() {
          return sentOf();
        },
        attempts,
        response: {
          status,
          headers,
          body: texts.text(`${request.operationId}\u0000${status}`, bytes),
          truncated,
          durationMs: performance.now() - started,
        },
      };
    }
    if (result.kind === 'stopped' && result.why === 'cancel') return aborted(sentOf, attempts);
    const fault =
      result.kind === 'stopped'
        ? classifyTransportError(
            Object.assign(new Error('timeout'), { code: 'TimeoutError' }),
            options.timeoutMs,
            result.phase,
          )
        : classifyTransportError(result.error, options.timeoutMs, result.phase);
    return { kind: 'fault', sent: sentOf(), fault, durationMs: performance.now() - started, attempts };
  }

  return {
    send: attempt,
    urlOf,
    get sent() {
      return sent;
    },
  };
}

/** What went on the wire, built on first use: it is read only for failures, not for every request. */
function lazySent(request: HttpRequest, urlOf: (request: HttpRequest) => string): () => SentRequest {
  let built: SentRequest | undefined;
  return () => {
    built ??= describe(request, urlOf(request));
    return built;
  };
}

function aborted(sentOf: () => SentRequest, attempts: number): SendOutcome {
  return {
    kind: 'aborted',
    get sent() {
      return sentOf();
    },
    attempts,
  };
}

function describe(request: HttpRequest, url: string): SentRequest {
  const sentRequest: SentRequest = { method: request.method, url, headers: { ...request.headers } };
  if (request.body !== undefined) {
    sentRequest.body =
      typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
  }
  return sentRequest;
}
