import type { Exchange, HttpRequest } from '@assay/model';
import { nextPageStep, type PaginationRequestOptions } from './next-page-step.js';

export type { PaginationRequestOptions } from './next-page-step.js';

/**
 * The request for the page after this one, or `undefined` when this page is the last (see
 * {@link nextPageStep} for how each style finds it, and why it was asked for).
 *
 * Walk: start from the first page, send each returned request, stop when it is `undefined`, when
 * its {@link requestKey} was already sent (a loop: keep that exchange, the walk checks report it),
 * or at your page bound. Pass the exchanges, in order, to the sequence checks.
 */
export function nextPageRequest(
  exchange: Exchange,
  options: PaginationRequestOptions = {},
): HttpRequest | undefined {
  return nextPageStep(exchange, options)?.request;
}
