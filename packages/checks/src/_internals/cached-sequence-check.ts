import type { SequenceCheck } from '@assay/model';
import { withParsedBodies } from './parsed-body.js';

/** A sequence check whose verification parses each response body once, however often it reads it. */
export function cachedSequenceCheck(check: SequenceCheck): SequenceCheck {
  const verify = check.verify;
  return { ...check, verify: (exchanges, walks) => withParsedBodies(() => verify(exchanges, walks)) };
}
