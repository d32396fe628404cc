import type { HttpRequest, Operation } from '@assay/model';
import { AssayError } from '@assay/model';

/** What a request hook is told besides the request. */
export interface HookContext {
  operation: Operation;
  /** Marks a value the hook added (a signature, a token) as a secret, so reports redact it. */
  secret(value: string): void;
}

/** A request hook: sees each request just before it is sent, credentials included, and returns it changed. */
export interface RequestHook {
  name: string;
  beforeRequest(request: HttpRequest, context: HookContext): HttpRequest | Promise<HttpRequest>;
}

/** A hook made with {@link defineHook}, as plugins export it. */
export interface DefinedHook {
  kind: 'assay-hook';
  hook: RequestHook;
}

/**
 * Makes a request hook for a plugin module: add a signature over the body, a tenant header, a
 * token fetched fresh. Hooks run in the order the plugins are listed, on every request Assay sends
 * (probes and shrinking included), after the configured credentials are applied. What a hook
 * changes goes on the wire, and checks and reports see the request as the hooks left it (the server
 * is judged on what it was sent); replays and shrinking start from the request Assay made, and the
 * hooks run on them again.
 */
export function defineHook(hook: RequestHook): DefinedHook {
  if (typeof hook?.name !== 'string' || hook.name.trim() === '') {
    throw new AssayError('config', 'defineHook: a name is required');
  }
  if (typeof hook.beforeRequest !== 'function') {
    throw new AssayError(
      'config',
      `defineHook(${JSON.stringify(hook.name)}): beforeRequest must be a function`,
    );
  }
  return Object.freeze({ kind: 'assay-hook', hook: { name: hook.name, beforeRequest: hook.beforeRequest } });
}
