import { AssayError, type JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { BoundedFilterArbitrary, boundedFilter } from './bounded-filter.js';
import { formatArbitrary } from './format-arbitraries.js';
import { checkStringFormat } from './format-checks.js';
import { unsatisfiable } from './generation-error.js';
import { compilePattern } from './patterns.js';
import type { SchemaBuilder } from './schema-builder.js';

// Control characters (NUL above all) are valid JSON string content that databases and frameworks
// refuse (PostgreSQL text, Django's null-character validator): positive values leave them out.
export function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
// With control characters gone, what Python's and Ruby's strip() remove is what \s matches.
const EDGE_SPACE = /^\s|\s$/u;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]*$/;

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

/** Strings of the schema: length, pattern and format, in the builder's charset. */
export function stringArbitrary(builder: SchemaBuilder, s: JsonSchemaObject): fc.Arbitrary<string> {
  const minLength = Math.max(s.minLength ?? 0, builder.settings.pathSegment ? 1 : 0);
  const maxLength = Math.min(
    s.maxLength ?? Number.POSITIVE_INFINITY,
    minLength + builder.settings.extraLength,
  );
  const hardMax = s.maxLength ?? Number.POSITIVE_INFINITY;
  if (minLength > hardMax) unsatisfiable(`a string of length ${minLength} to ${hardMax}`);
  const format = s.format === undefined ? undefined : formatArbitrary(s.format);
  let base: fc.Arbitrary<string>;
  let needsLength = false;
  let needsCharset = false;
  if (s.pattern !== undefined) {
    const regex = compilePattern(s.pattern);
    // The validator treats a pattern no engine compiles as matching anything; so does generation.
    if (regex === undefined) return stringArbitrary(builder, { ...s, pattern: undefined });
    if (format !== undefined) {
      // With both a format and a pattern, draw from whichever side usually satisfies the other.
      const formatName = s.format!;
      // Upper case is tried too: patterns often spell hex digits as [0-9A-F].
      for (const candidate of [format, format.map((value) => value.toUpperCase())]) {
        const hits = fc
          .sample(candidate, { numRuns: 20, seed: 1 })
          .filter((value) => regex.test(value)).length;
        if (hits >= 5) {
          base = boundedFilter(
            candidate,
            (value) => regex.test(value) && checkStringFormat(formatName, value) !== false,
            `pattern ${s.pattern} on format ${formatName}`,
          );
          return finishString(
            builder,
            base,
            s,
            minLength,
            hardMax,
            true,
            builder.settings.charset === 'token',
          );
        }
      }
    }
    try {
      base = fc.stringMatching(
        regex.regExp!,
        hardMax === Infinity ? {} : { maxLength: Math.max(hardMax, 1) },
      );
    } catch (error) {
      throw new AssayError(
        'generation',
        `Pattern ${s.pattern} uses regular-expression features Assay cannot generate from (${(error as Error).message}).`,
        {
          hint: 'Add an example value to the spec, or exclude the operation.',
        },
      );
    }
    // fast-check draws from the ECMAScript reading; a pattern the validator runs on RE2 keeps only
    // the draws RE2 accepts too, so generation and validation never disagree.
    if (regex.engine === 're2')
      base = boundedFilter(base, (value) => regex.test(value), `pattern ${s.pattern} as RE2 reads it`);
    // Prefer, without insisting, text a server takes as it is: no control characters, no edge spaces.
    base = new BoundedFilterArbitrary(
      base,
      (value) => !EDGE_SPACE.test(value) && ![...value].some(isControl),
      'plain text',
      20,
      true,
    );
    needsLength = true;
    needsCharset = builder.settings.charset === 'token';
    if (format !== undefined) {
      const formatName = s.format!;
      base = boundedFilter(
        base,
        (value) => checkStringFormat(formatName, value) !== false,
        `format ${formatName} and pattern ${s.pattern}`,
      );
    }
  } else if (format !== undefined) {
    base = format;
    needsLength = s.minLength !== undefined || s.maxLength !== undefined || builder.settings.pathSegment;
  } else {
    // Free text never starts or ends with whitespace: servers commonly trim it (Django REST
    // framework, Rails) and then reject " " as blank or "a " as too short, although the schema allows them.
    base = fc.string({ unit: builder.textUnit, minLength, maxLength });
    if (builder.settings.charset === 'text') {
      base = boundedFilter(
        base,
        (value) => !EDGE_SPACE.test(value),
        'a string without leading or trailing whitespace',
      );
    }
  }
  return finishString(builder, base, s, minLength, hardMax, needsLength, needsCharset);
}

function finishString(
  builder: SchemaBuilder,
  base: fc.Arbitrary<string>,
  s: JsonSchemaObject,
  minLength: number,
  hardMax: number,
  needsLength: boolean,
  needsCharset: boolean,
): fc.Arbitrary<string> {
  const tokenOk = (value: string) => !needsCharset || TOKEN.test(value);
  const lengthOk = (value: string) => {
    if (!needsLength) return true;
    const length = codePointLength(value);
    return length >= minLength && length <= hardMax;
  };
  const segmentOk = (value: string) => !builder.settings.pathSegment || (value !== '.' && value !== '..');
  if (!needsLength && !needsCharset && !builder.settings.pathSegment) return base;
  return boundedFilter(
    base,
    (value) => lengthOk(value) && tokenOk(value) && segmentOk(value),
    `string constraints of ${JSON.stringify(s).slice(0, 120)}`,
  );
}
