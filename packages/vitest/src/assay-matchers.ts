import type { Exchange, Violation } from '@assay/model';
import { type ResponseLike, toExchange } from './_internals/to-exchange.js';
import type { ContractOperation } from './load-contract.js';

/** What a response must satisfy to match its operation (OpenAPI 3.1 §4.8.16-§4.8.21): nothing about how it was asked for. */
const responseCheckIds = new Set([
  'status-code-conformance',
  'content-type-conformance',
  'response-schema-conformance',
  'response-headers-conformance',
]);

/** A vitest matcher's verdict. */
interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/**
 * `expect(response).toMatchOperation(contract.operation('listPets'))`: the response's status is
 * documented, and its content type, body and headers are the documented ones.
 */
async function toMatchOperation(received: ResponseLike, target: ContractOperation): Promise<MatcherResult> {
  const exchange = await toExchange(received, target, 'positive');
  const violations = target.contract.checks.checks
    .filter((check) => responseCheckIds.has(check.id))
    .flatMap((check) => check.verify(exchange));
  return verdict(violations, `${labelOf(target)} response ${exchange.response.status}`, 'match');
}

/**
 * `expect(pages).toHaveConsistentPagination(contract.operation('listPets'))`: the pages of one walk,
 * in the order fetched (each with the URL it answered), keep the list's pagination invariants: page
 * sizes, metadata arithmetic, full pages, no duplicates, a complete walk, a stable count.
 */
async function toHaveConsistentPagination(
  received: readonly ResponseLike[],
  target: ContractOperation,
): Promise<MatcherResult> {
  if (target.operation.list?.pagination === undefined) {
    return {
      pass: false,
      message: () =>
        `${labelOf(target)} is not a paginated list as far as Assay can tell, so there is nothing to judge`,
    };
  }
  const exchanges: Exchange[] = [];
  for (const page of received) exchanges.push(await toExchange(page, target, 'pagination'));
  // The pages come in the order fetched: they are the walk, as the test made it.
  const walk = { pages: exchanges, pastLast: [] };
  const { checks, sequenceChecks } = target.contract.checks;
  const perPage = checks.filter((check) => check.id.startsWith('pagination-'));
  const violations = [
    ...exchanges.flatMap((exchange) => perPage.flatMap((check) => check.verify(exchange))),
    ...sequenceChecks
      .filter((c) => c.id.startsWith('pagination-'))
      .flatMap((check) => check.verify(exchanges, [walk])),
  ];
  return verdict(violations, `${labelOf(target)} walk of ${received.length} pages`, 'paginate consistently');
}

function verdict(violations: readonly Violation[], subject: string, what: string): MatcherResult {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length === 0)
    return { pass: true, message: () => `expected ${subject} not to ${what}, but it does` };
  return {
    pass: false,
    message: () =>
      [`expected ${subject} to ${what}:`, ...errors.map((v) => `  ${v.check}: ${v.message}${at(v)}`)].join(
        '\n',
      ),
  };
}

function at(violation: Violation): string {
  return violation.pointer === '' ? '' : ` (at ${violation.pointer})`;
}

function labelOf(target: ContractOperation): string {
  return `${target.operation.method} ${target.operation.path}`;
}

/** The matchers, for `expect.extend(assayMatchers)` (or import `@assay/vitest` and call `installMatchers()`). */
export const assayMatchers = { toMatchOperation, toHaveConsistentPagination };

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: the declaration merges with vitest's, which defaults to any
  interface Matchers<T = any> {
    /** The response matches the operation's documented responses (status, content type, schema, headers). */
    toMatchOperation(target: ContractOperation): Promise<T>;
    /** The pages of one walk, in order, keep the list's pagination invariants. */
    toHaveConsistentPagination(target: ContractOperation): Promise<T>;
  }
}
