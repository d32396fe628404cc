import type { Exchange, MediaTypeSpec, ResponseSpec } from '@assay/model';
import { matchResponse } from '../conformance/match-response.js';
import { bestMediaTypeKey, type MediaTypeParts, parseMediaType } from './media-type.js';

/** What the spec says about one response: the response entry, and the media type entry it falls under. */
export interface ResponseMedia {
  response: ResponseSpec;
  /** The actual media type, when the response states a parseable one. */
  actual?: MediaTypeParts;
  /** The documented media-type entry covering it, if any. */
  media?: MediaTypeSpec;
}

/** Whether the exchange can carry a body at all (RFC 9110 §9.3.2, §15.3.5, §15.4.5). */
export function mayHaveBody(exchange: Exchange): boolean {
  const { status } = exchange.response;
  return exchange.request.method !== 'HEAD' && status !== 204 && status !== 304 && status >= 200;
}

// Several checks of one exchange ask in turn (they run one after another): the last answer is kept.
let lastExchange: Exchange | undefined;
let lastFound: ResponseMedia | undefined;

/** Finds the documented response and media type of an exchange. */
export function responseMedia(exchange: Exchange): ResponseMedia | undefined {
  if (exchange !== lastExchange) {
    lastFound = findResponseMedia(exchange);
    lastExchange = exchange;
  }
  return lastFound;
}

function findResponseMedia(exchange: Exchange): ResponseMedia | undefined {
  const response = matchResponse(exchange.operation, exchange.response.status);
  if (response === undefined) return undefined;
  const header = exchange.response.headers['content-type'];
  const actual = header === undefined ? undefined : parseMediaType(header);
  const keys = Object.keys(response.content);
  if (actual === undefined) return { response };
  const key = bestMediaTypeKey(keys, actual);
  return { response, actual, media: key === undefined ? undefined : response.content[key] };
}
