import type { ApiModel, Exchange, HttpRequest, Operation } from '@assay/model';
import type { RunWarning } from '../engine/run-result.js';
import type { SendOutcome, Transport } from '../transport/create-transport.js';
import type { RequestHook } from './define-hook.js';
import type { OperationPlan } from './plan-operations.js';

/** What the configured transport keeps for after the run. */
export interface TransportRecord {
  /** Values the hooks marked secret: the reports redact them. */
  secrets: Set<string>;
  /** Every exchange that got a response, when a run check needs them (else empty). */
  exchanges: Array<{ exchange: Exchange; outcome: Extract<SendOutcome, { kind: 'response' }> }>;
  /** Hook failures, as warnings (a hook that throws is the plugin's bug, not the API's). */
  warnings: RunWarning[];
}

/** Options of {@link configuredTransport}. */
export interface ConfiguredTransportOptions {
  api: ApiModel;
  plan: OperationPlan;
  hooks: readonly RequestHook[];
  /** The run's timeout, and a transport like the run's with another one. */
  timeoutMs: number;
  transportWith: (timeoutMs: number) => Transport;
  /** Keep every exchange for the run checks. */
  keepExchanges: boolean;
  record: TransportRecord;
}

/**
 * The run's transport with the config file applied: requests of an operation with its own
 * `timeout` go through a transport with that timeout (operations run one after the other, so each
 * has the run's concurrency to itself); the plugins' hooks see each request, credentials applied,
 * just before it is sent, and the outcome carries the changed request (`wire`) so that checks and
 * reports see what the server was sent; and, for run checks, each exchange is kept.
 */
export function configuredTransport(options: ConfiguredTransportOptions): Transport {
  const { api, plan, hooks, record } = options;
  const main = options.transportWith(options.timeoutMs);
  const byTimeout = new Map<number, Transport>([[options.timeoutMs, main]]);
  const operations = new Map(api.operations.map((op) => [op.id, op] as const));
  const transportOf = (operationId: string): Transport => {
    const timeout = plan.get(operationId)?.timeoutMs ?? options.timeoutMs;
    let transport = byTimeout.get(timeout);
    if (transport === undefined) {
      transport = options.transportWith(timeout);
      byTimeout.set(timeout, transport);
    }
    return transport;
  };
  const secret = (value: string) => {
    if (value.length > 0) record.secrets.add(value);
  };

  async function hooked(request: HttpRequest, operation: Operation | undefined): Promise<HttpRequest> {
    if (operation === undefined) return request;
    let current = request;
    for (const hook of hooks) {
      try {
        current = await hook.beforeRequest(current, { operation, secret });
      } catch (error) {
        const message = `hook ${hook.name} threw: ${error instanceof Error ? error.message : String(error)}`;
        if (!record.warnings.some((w) => w.message === message)) {
          record.warnings.push({ code: 'phase-failed', operation: operation.id, phase: 'hooks', message });
        }
      }
    }
    return current;
  }

  return {
    async send(request, signal) {
      const operation = operations.get(request.operationId);
      const sent = hooks.length === 0 ? request : await hooked(request, operation);
      const outcome = await transportOf(request.operationId).send(sent, signal);
      // Checks judge what the server was sent: the request as the hooks left it.
      if (sent !== request) outcome.wire = sent;
      if (options.keepExchanges && outcome.kind === 'response' && operation !== undefined) {
        record.exchanges.push({
          exchange: { operation, request: sent, response: outcome.response },
          outcome,
        });
      }
      return outcome;
    },
    urlOf: (request) => main.urlOf(request),
    get sent() {
      let total = 0;
      for (const transport of byTimeout.values()) total += transport.sent;
      return total;
    },
  };
}
