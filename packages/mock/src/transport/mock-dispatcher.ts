import { STATUS_CODES } from 'node:http';
import type { HttpMethod, HttpRequest } from '@assay/model';
import { Dispatcher } from 'undici';
import type { MockReply } from '../_internals/mock-reply.js';

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/**
 * An undici Dispatcher that answers in-process, without sockets: pass it as `dispatcher` to undici's
 * `request` and the mock answers as a server would. It speaks both handler protocols of undici 7
 * (the `onHeaders`/`onData` one that `request` uses, and the controller-based one). `serve` may
 * answer later (a promise): library mode wraps a Node request listener this way.
 */
export class MockDispatcher extends Dispatcher {
  readonly #serve: (request: HttpRequest) => MockReply | Promise<MockReply>;
  #closed = false;

  constructor(serve: (request: HttpRequest) => MockReply | Promise<MockReply>) {
    super();
    this.#serve = serve;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.#closed) {
      queueMicrotask(() => fail(handler, new Error('The mock dispatcher is closed.')));
      return false;
    }
    const failWith = (error: unknown): void =>
      fail(handler, error instanceof Error ? error : new Error(String(error)));
    const answer = (body: Buffer | undefined): void => {
      const reply = this.#serve(toRequest(options, body));
      if (reply instanceof Promise)
        reply.then((r) => deliver(handler, r, options.method === 'HEAD'), failWith);
      else deliver(handler, reply, options.method === 'HEAD');
    };
    const { body } = options;
    if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) {
      // Most requests carry no body or one already in memory: answer on the next microtask, without
      // the promise chain a stream body needs (still never inside dispatch itself, as undici expects).
      queueMicrotask(() => {
        try {
          answer(body === undefined || body === null ? undefined : Buffer.from(body));
        } catch (error) {
          failWith(error);
        }
      });
      return true;
    }
    readBody(body).then(answer).catch(failWith);
    return true;
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | undefined {
    this.#closed = true;
    if (callback !== undefined) {
      queueMicrotask(callback);
      return undefined;
    }
    return Promise.resolve();
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: Error | null | (() => void), b?: () => void): Promise<void> | undefined {
    this.#closed = true;
    const callback = typeof a === 'function' ? a : b;
    if (callback !== undefined) {
      queueMicrotask(callback);
      return undefined;
    }
    return Promise.resolve();
  }
}

function toRequest(options: Dispatcher.DispatchOptions, body: Buffer | undefined): HttpRequest {
  const headers = normaliseHeaders(options.headers);
  if (headers.host === undefined && options.origin !== undefined)
    headers.host = hostOf(String(options.origin));
  const full = options.path;
  const mark = full.indexOf('?');
  let path = mark === -1 ? full : full.slice(0, mark);
  let query = mark === -1 ? '' : full.slice(mark + 1);
  if (options.query !== undefined && options.query !== null) {
    const extra = new URLSearchParams(options.query as Record<string, string>).toString();
    query = query === '' ? extra : `${query}&${extra}`;
  }
  if (path === '') path = '/';
  const method = options.method.toUpperCase();
  return {
    method: (METHODS.has(method) ? method : 'TRACE') as HttpMethod,
    path,
    query,
    headers,
    ...(body === undefined || body.length === 0 ? {} : { body }),
    operationId: '',
    mode: 'positive',
  };
}

// Parsing the origin URL on every request showed in profiles; a dispatcher sees a handful of origins.
const hosts = new Map<string, string>();

function hostOf(origin: string): string {
  let host = hosts.get(origin);
  if (host === undefined) {
    host = new URL(origin).host;
    if (hosts.size < 64) hosts.set(origin, host);
  }
  return host;
}

/** Lower-case names; repeated headers joined with `, ` (RFC 9110 §5.3), as the model asks. */
function normaliseHeaders(raw: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    const key = name.toLowerCase();
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    out[key] = out[key] === undefined ? text : `${out[key]}, ${text}`;
  };
  if (raw === undefined || raw === null) return out;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) add(String(raw[i]), raw[i + 1]);
  } else if (typeof (raw as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [name, value] of raw as Iterable<[string, unknown]>) add(name, value);
  } else {
    for (const [name, value] of Object.entries(raw)) add(name, value);
  }
  return out;
}

async function readBody(body: Dispatcher.DispatchOptions['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<unknown>) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }
  throw new Error('The mock dispatcher reads string, buffer and stream bodies only.');
}

function deliver(handler: Dispatcher.DispatchHandler, reply: MockReply, head: boolean): void {
  const payload = head ? Buffer.alloc(0) : Buffer.from(reply.body);
  const statusText = STATUS_CODES[reply.status] ?? '';
  let aborted = false;
  if (typeof handler.onRequestStart === 'function' || typeof handler.onResponseStart === 'function') {
    const controller = {
      abort(reason: Error) {
        if (aborted) return;
        aborted = true;
        handler.onResponseError?.(controller, reason);
      },
      pause() {},
      resume() {},
      get aborted() {
        return aborted;
      },
      get paused() {
        return false;
      },
      get reason() {
        return null;
      },
    };
    handler.onRequestStart?.(controller, {});
    if (aborted) return;
    handler.onResponseStart?.(controller, reply.status, { ...reply.headers }, statusText);
    if (aborted) return;
    if (payload.length > 0) handler.onResponseData?.(controller, payload);
    if (aborted) return;
    handler.onResponseEnd?.(controller, {});
    return;
  }
  handler.onConnect?.((err?: Error) => {
    if (aborted) return;
    aborted = true;
    handler.onError?.(err ?? new Error('aborted'));
  });
  if (aborted) return;
  const raw: Buffer[] = [];
  for (const [name, value] of Object.entries(reply.headers)) raw.push(Buffer.from(name), Buffer.from(value));
  handler.onHeaders?.(reply.status, raw, () => {}, statusText);
  if (aborted) return;
  if (payload.length > 0) handler.onData?.(payload);
  if (aborted) return;
  handler.onComplete?.([]);
}

function fail(handler: Dispatcher.DispatchHandler, error: Error): void {
  if (typeof handler.onResponseError === 'function') {
    const controller = { abort() {}, pause() {}, resume() {}, aborted: true, paused: false, reason: error };
    handler.onResponseError(controller as never, error);
  } else handler.onError?.(error);
}
