import type { HttpMethod } from '@assay/model';
import { type SecretVariable, variableReference } from '../secret-variable.js';
import { shellQuote } from './shell-quote.js';

/** How the run was invoked, as far as reproductions need it (see `ToRunReportOptions.invocation`). */
export interface RunInvocation {
  /** Set for a run against the built-in mock: how to start the same mock with `assay mock`. */
  mock?: {
    faults: readonly string[];
    items?: number;
    /** Where the reproduction's `assay mock` listens; 8080 by default. */
    port?: number;
  };
  /** `--max-examples`, when not the default: a rerun must generate the same requests. */
  maxExamples?: number;
  unsafe?: boolean;
  /** `--config`, when the run read a configuration file. */
  configFile?: string;
  /** Credentials, written as shell variables in every command. */
  variables?: readonly SecretVariable[];
}

/** `assay mock` for a mock run's reproduction: same spec, seed, faults and dataset size. */
export function serveCommand(spec: string, seed: number, invocation: RunInvocation): string | undefined {
  const mock = invocation.mock;
  if (mock === undefined) return undefined;
  const args = [
    'assay',
    'mock',
    shellQuote(spec),
    '--seed',
    String(seed),
    '--port',
    String(mock.port ?? 8080),
  ];
  for (const fault of mock.faults) args.push('--fault', shellQuote(fault));
  if (mock.items !== undefined) args.push('--items', String(mock.items));
  const bearer = invocation.variables?.find((v) => v.name === 'ASSAY_BEARER');
  if (bearer !== undefined) args.push('--token', variableReference(bearer));
  return args.join(' ');
}

/**
 * `assay run` for one operation with the run's seed: a seed replays the same requests of an
 * operation whatever else ran, so this finds the failure again (against a stateful server, from the
 * same starting state).
 */
export function rerunCommand(
  report: { spec: string; target: string; seed: number },
  operation: { operationId: string; method: HttpMethod },
  invocation: RunInvocation,
): string {
  const args = ['assay', 'run', shellQuote(report.spec)];
  if (invocation.configFile !== undefined) args.push('--config', shellQuote(invocation.configFile));
  if (invocation.mock !== undefined) {
    args.push('--mock');
    for (const fault of invocation.mock.faults) args.push('--fault', shellQuote(fault));
    if (invocation.mock.items !== undefined) args.push('--items', String(invocation.mock.items));
  } else {
    args.push('--base-url', shellQuote(report.target));
  }
  args.push('--operation', shellQuote(operation.operationId), '--seed', String(report.seed));
  if (invocation.maxExamples !== undefined) args.push('--max-examples', String(invocation.maxExamples));
  if (invocation.unsafe === true && !['GET', 'HEAD', 'OPTIONS'].includes(operation.method)) {
    args.push('--unsafe');
  }
  for (const variable of invocation.variables ?? []) {
    // The bearer token is read from ASSAY_BEARER by `assay run` itself.
    if (variable.header === undefined) continue;
    args.push('--header', `${shellQuote(`${variable.header}: `)}${variableReference(variable)}`);
  }
  return args.join(' ');
}
