import type { Exchange } from './exchange.js';

/**
 * A walk of a list as the runner made it: a first request, then each page's next page, in the
 * order they were sent, each with its request and response. The runner records walks as it walks,
 * so sequence checks read them as data instead of working out which exchange led to which.
 */
export interface Walk {
  /** The pages, in order; never empty. A walk ends at a page without a next page, at an answer that could not be read, or where the runner cut it. */
  pages: readonly Exchange[];
  /** The requests for the page past the last page, sent after this walk (empty when it was not probed). */
  pastLast: readonly Exchange[];
}
