/**
 * @assay/vitest: Assay's contract tests inside a vitest suite.
 *
 * - `describeApi(spec, { handler | dispatcher | baseUrl, ... })` registers one test per operation
 *   and phase, run by the same engine as `assay run`.
 * - `loadContract(spec)` and `expect.extend(assayMatchers)` give `toMatchOperation` and
 *   `toHaveConsistentPagination` for hand-written tests.
 * - `handlerDispatcher(listener)` sends undici requests to a Node `(req, res)` listener in-process.
 */

export type { ResponseLike } from './_internals/to-exchange.js';
export { assayMatchers } from './assay-matchers.js';
export type { DescribeApiOptions } from './describe-api.js';
export { describeApi } from './describe-api.js';
export type { NodeListener } from './handler-dispatcher.js';
export { handlerDispatcher } from './handler-dispatcher.js';
export type { Contract, ContractOperation } from './load-contract.js';
export { loadContract } from './load-contract.js';
