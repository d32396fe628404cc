import type { Check, Violation } from '@assay/model';
import { fingerprint } from '../_internals/fingerprint.js';
import { isJsonMediaType } from '../_internals/media-type.js';
import { parsedBody } from '../_internals/parsed-body.js';
import { mayHaveBody, responseMedia } from '../_internals/response-media.js';
import { violation } from '../_internals/violation.js';

const ID = 'content-type-conformance';

/**
 * The response's media type is one the spec documents for its status (ranges such as
 * `application/*` and `*\/*` count), and a JSON media type (`application/json`, `*+json`) body
 * actually parses as JSON. Responses documented without content, and truncated bodies, are not judged.
 */
export const contentTypeConformance: Check = {
  id: ID,
  description: 'The media type is documented for the status, and the body parses as that type.',
  clause: 'OpenAPI 3.1 §4.8.17 Response Object (content); RFC 9110 §8.3 Content-Type',
  verify(exchange) {
    // The answer to a method the operation does not have (mode `method`) is not one of its responses.
    if (exchange.request.mode === 'method') return [];
    const { operation, response } = exchange;
    if (!mayHaveBody(exchange) || response.body === '') return [];
    const found = responseMedia(exchange);
    if (found === undefined) return [];
    const documented = Object.keys(found.response.content);
    if (documented.length === 0) return [];
    const out: Violation[] = [];
    const header = response.headers['content-type'];
    if (found.actual === undefined || found.media === undefined) {
      out.push(
        violation(ID, {
          message:
            header === undefined
              ? `response ${response.status} has a body but no Content-Type (documented: ${documented.join(', ')})`
              : `response ${response.status} has Content-Type ${header}, which is not documented (documented: ${documented.join(', ')})`,
          pointer: '',
          keyword: 'content-type',
          expected: documented,
          actual: header,
          fingerprint: fingerprint(ID, operation.id, found.response.status, header?.split(';')[0]?.trim()),
        }),
      );
    }
    if (found.actual !== undefined && isJsonMediaType(found.actual)) {
      const parsed = parsedBody(response);
      if (!parsed.ok && parsed.reason === 'syntax') {
        out.push(
          violation(ID, {
            message: `response ${response.status} says ${header} but its body is not JSON`,
            pointer: '',
            keyword: 'parse',
            expected: 'a JSON document',
            actual: response.body.length > 200 ? `${response.body.slice(0, 200)}…` : response.body,
            fingerprint: fingerprint(ID, operation.id, found.response.status, 'parse'),
          }),
        );
      }
    }
    return out;
  },
};
