import type { Check } from '@assay/model';
import { capPerFingerprint } from '../_internals/cap-per-fingerprint.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { isJsonMediaType } from '../_internals/media-type.js';
import { parsedBody } from '../_internals/parsed-body.js';
import { mayHaveBody, responseMedia } from '../_internals/response-media.js';
import { violation } from '../_internals/violation.js';
import type { SchemaValidator } from '../schema/create-schema-validator.js';

const ID = 'response-schema-conformance';

/**
 * The JSON body matches the schema documented for its status and media type. One violation per
 * schema error; its fingerprint is the operation, documented status, media type and schema path,
 * so the same broken rule on many items or requests is one bug. Bodies that are not JSON, or whose
 * media type is undocumented, are left to `content-type-conformance`.
 */
export function responseSchemaConformance(validator: SchemaValidator): Check {
  return {
    id: ID,
    description: 'The response body matches the schema documented for its status and media type.',
    clause: 'OpenAPI 3.1 §4.8.14 Media Type Object (schema); JSON Schema 2020-12 Validation',
    verify(exchange) {
      if (!mayHaveBody(exchange)) return [];
      const found = responseMedia(exchange);
      if (found?.media === undefined || found.actual === undefined || !isJsonMediaType(found.actual))
        return [];
      const parsed = parsedBody(exchange.response);
      if (!parsed.ok) return [];
      const { media, response } = found;
      const errors = validator.validate(media.schema, parsed.value);
      return capPerFingerprint(
        errors.map((error) =>
          violation(ID, {
            message: `response ${exchange.response.status} body: ${error.message}`,
            pointer: error.pointer,
            keyword: error.keyword,
            expected: error.expected,
            actual: error.actual,
            fingerprint: fingerprint(
              ID,
              exchange.operation.id,
              response.status,
              media.mediaType,
              error.schemaPath,
            ),
          }),
        ),
      );
    },
  };
}
