import { createSchemaValidator, type SchemaValidator } from '@assay/json-schema';
import { type ApiModel, AssayError, type HttpRequest, type HttpResponse } from '@assay/model';
import type { Dispatcher } from 'undici';
import { mockHandler } from '../_internals/mock-handler.js';
import { type FaultName, faultCatalogue } from '../faults/fault-catalogue.js';
import { type ListenOptions, listenMock, type MockServer } from '../transport/listen-mock.js';
import { MockDispatcher } from '../transport/mock-dispatcher.js';

/** How to build a mock. */
export interface MockOptions {
  /** Decides every generated value; the same seed serves the same data. Default 1. */
  seed?: number;
  /** Items generated for each list operation. Default 45. */
  items?: number;
  /** Names from {@link faultCatalogue}; none by default. */
  faults?: readonly string[];
  /** The credential every security scheme accepts (bearer token, API key, basic credentials). Default `assay-mock-token`. */
  token?: string;
  /**
   * A validator built by `createSchemaValidator(api.schemas)` to share: a runner that already has
   * one for its checks passes it, so no schema is compiled twice. Default: the mock builds its own.
   */
  validator?: SchemaValidator;
}

/** A mock of one API: the same behaviour through three doors. */
export interface Mock {
  /** An undici Dispatcher answering in-process (no sockets): pass it as `dispatcher` to `request`. */
  dispatcher: Dispatcher;
  /** Answers one request directly. */
  handle(request: HttpRequest): HttpResponse;
  /** Serves the mock over HTTP, on 127.0.0.1 unless told otherwise. */
  listen(options?: ListenOptions): Promise<MockServer>;
  /** The token the mock accepts. */
  token: string;
  /** The faults it was built with. */
  faults: readonly FaultName[];
  /**
   * Forgets every write (creates, updates, deletes): the datasets are the seeded ones again. Over
   * HTTP, `POST /__assay/reset` does the same, unless the spec has an operation at that path.
   */
  reset(): void;
}

/** The token used when none is given. */
export const DEFAULT_MOCK_TOKEN = 'assay-mock-token';

/**
 * Builds a stateful, seedable mock of an API: list operations serve a generated dataset with real
 * pagination, filtering, ordering and search; the operations of the API's resources write to it
 * (a create adds an item, a replace or patch changes it, a delete removes it, and lists, totals
 * and walks show the change); other operations answer with a valid example; every
 * operation checks auth and validates its input. Faults (see {@link faultCatalogue}) inject named bugs.
 *
 * Throws an {@link AssayError} `spec-empty` when the API has no operations, and `unknown-fault`
 * when a fault name is not in the catalogue.
 */
export function createMock(api: ApiModel, options: MockOptions = {}): Mock {
  if (api.operations.length === 0) {
    throw new AssayError(
      'spec-empty',
      `${api.source} has no operations to mock. Add at least one path with an operation.`,
      {
        file: api.source,
        pointer: '/paths',
      },
    );
  }
  const known = new Set<string>(faultCatalogue.map((f) => f.name));
  const requested = options.faults ?? [];
  const unknown = requested.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AssayError(
      'unknown-fault',
      `Unknown fault${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}. Known faults: ${[...known].join(', ')}.`,
      { flag: '--fault', hint: 'use one of the names in faultCatalogue' },
    );
  }
  const items = options.items ?? 45;
  if (!Number.isInteger(items) || items < 0) {
    throw new AssayError('config', `items must be a non-negative integer, got ${String(items)}.`, {
      flag: '--items',
    });
  }
  const token = options.token ?? DEFAULT_MOCK_TOKEN;
  const faults = [...new Set(requested)] as FaultName[];
  const serve = mockHandler({
    api,
    defs: api.schemas,
    validator: options.validator ?? createSchemaValidator(api.schemas),
    seed: options.seed ?? 1,
    token,
    items,
    faults: new Set(faults),
  });
  return {
    dispatcher: new MockDispatcher(serve),
    handle(request) {
      const reply = serve(request);
      return {
        status: reply.status,
        headers: reply.headers,
        body: reply.body,
        truncated: false,
        durationMs: 0,
      };
    },
    listen: (listenOptions) => listenMock(serve, listenOptions),
    token,
    faults,
    reset: () => serve.reset(),
  };
}
