import { createSchemaValidator } from '@assay/checks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatArbitrary } from './format-arbitraries.js';
import { checkStringFormat } from './format-checks.js';

const { isValid } = createSchemaValidator({});
const FORMATS = ['uuid', 'date', 'date-time', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'byte'];
const EDGES = [
  '',
  'not-a-uuid',
  '2021-13-45',
  '2020-02-29',
  '2021-02-29',
  '25:61:00',
  '12:00:00',
  '12:00:00Z',
  '2020-01-01T00:00:00',
  '2020-01-01T00:00:00+01:00',
  'a@b',
  'a@b.co',
  'not_a_hostname!',
  'example.com.',
  '999.1.1.1',
  '1.2.3.4',
  '::1',
  '::ffff:1.2.3.4',
  'not a uri',
  'not-a-uri',
  'http://x',
  'urn:isbn:1',
  '%%%%',
  'QUJD',
];

// The built-in checks stand in for the validator when none is injected, so they must agree with it.
describe('checkStringFormat agrees with the project validator', () => {
  for (const format of FORMATS) {
    it(format, () => {
      const samples = fc.string({ unit: fc.constantFrom(...'0123456789abcdef:.-@/T Z+%='), maxLength: 20 });
      const generated = fc.oneof(formatArbitrary(format)!, samples, fc.constantFrom(...EDGES));
      fc.assert(
        fc.property(generated, (text) => {
          expect(checkStringFormat(format, text)).toBe(isValid({ type: 'string', format }, text));
        }),
        { numRuns: 1000, seed: 3 },
      );
    });
  }
});
