import type { SchemaValidator } from '@assay/json-schema';
import type { Check, MediaTypeSpec, Operation, Violation } from '@assay/model';
import { capPerFingerprint } from '../_internals/cap-per-fingerprint.js';
import { fingerprint } from '../_internals/fingerprint.js';
import { isJsonMediaType } from '../_internals/media-type.js';
import { isRemembered, type ParsedBody, parsedBody } from '../_internals/parsed-body.js';
import { mayHaveBody, responseMedia } from '../_internals/response-media.js';
import { violation } from '../_internals/violation.js';

const ID = 'response-schema-conformance';

/**
 * The JSON body matches the schema documented for its status and media type. One violation per
 * schema error; its fingerprint is the operation, documented status, media type and schema path,
 * so the same broken rule on many items or requests is one bug. Bodies that are not JSON, or whose
 * media type is undocumented, are left to `content-type-conformance`.
 */
export function responseSchemaConformance(validator: SchemaValidator): Check {
  // The verdicts on recent parsed bodies: a body whose text was seen again comes back as the very
  // same parsed value (see `parsedBody`), and validation is a function of schema and value, so the
  // verdict is reused rather than validated again. Kept for such repeated parses only (holding any
  // other would keep it alive); bounded; keyed by the parse's identity.
  const verdicts = new Map<ParsedBody, Verdict>();
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
      const status = exchange.response.status;
      const known = verdicts.get(parsed);
      if (
        known !== undefined &&
        known.media === media &&
        known.status === status &&
        known.operation === exchange.operation
      )
        return known.violations.slice();
      const errors = validator.validate(media.schema, parsed.value);
      const violations = capPerFingerprint(
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
      if (isRemembered(parsed)) {
        verdicts.delete(parsed);
        verdicts.set(parsed, { media, status, operation: exchange.operation, violations });
        if (verdicts.size > rememberedVerdicts) verdicts.delete(verdicts.keys().next().value as ParsedBody);
      }
      return violations.slice();
    },
  };
}

const rememberedVerdicts = 8;

interface Verdict {
  media: MediaTypeSpec;
  status: number;
  operation: Operation;
  violations: Violation[];
}
