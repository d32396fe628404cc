import { type ApiModel, serverBasePath } from '@assay/model';
import { type Dispatcher, Pool } from 'undici';
import { handlerDispatcher, type NodeListener } from '../handler-dispatcher.js';

/** Where the requests of a suite go: a dispatcher and the base URL its paths are relative to. */
export interface RunTarget {
  dispatcher: Dispatcher;
  baseUrl: URL;
  /** Closes what the suite opened itself (a connection pool); a dispatcher given by the user is left open. */
  close(): Promise<void>;
}

/** How a suite reaches the API: exactly one of a live base URL, an undici Dispatcher, or an in-process handler. */
export interface TargetOptions {
  baseUrl?: string | URL;
  dispatcher?: Dispatcher;
  handler?: NodeListener | Dispatcher;
}

/**
 * Builds the target of a suite. Without `baseUrl`, an in-process target (handler or dispatcher)
 * is addressed at the path of the spec's first server on `http://localhost`, so the app sees the
 * paths it would see behind its real server URL.
 */
export function runTarget(api: ApiModel, options: TargetOptions, concurrency: number): RunTarget {
  const given = [options.baseUrl, options.dispatcher, options.handler].filter((v) => v !== undefined);
  if (options.handler !== undefined && options.dispatcher !== undefined) {
    throw new TypeError('describeApi: give either `handler` or `dispatcher`, not both');
  }
  if (given.length === 0) {
    throw new TypeError(
      'describeApi: give `baseUrl` (a live server), `dispatcher` or `handler` (in-process)',
    );
  }
  const baseUrl = options.baseUrl === undefined ? inProcessBase(api) : toUrl(options.baseUrl);
  if (options.handler !== undefined) {
    const dispatcher =
      typeof options.handler === 'function' ? handlerDispatcher(options.handler) : options.handler;
    return { dispatcher, baseUrl, close: async () => undefined };
  }
  if (options.dispatcher !== undefined) {
    return { dispatcher: options.dispatcher, baseUrl, close: async () => undefined };
  }
  const pool = new Pool(baseUrl.origin, { connections: concurrency, keepAliveTimeout: 10_000 });
  return { dispatcher: pool, baseUrl, close: () => pool.close().catch(() => undefined) };
}

function toUrl(value: string | URL): URL {
  try {
    return new URL(String(value));
  } catch {
    throw new TypeError(`describeApi: baseUrl ${JSON.stringify(String(value))} is not an absolute URL`);
  }
}

function inProcessBase(api: ApiModel): URL {
  return new URL(`http://localhost${serverBasePath(api.servers[0])}`);
}
