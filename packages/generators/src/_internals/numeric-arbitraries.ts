import type { JsonSchemaObject } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './generation-error.js';
import { isMultipleOf } from './matches-schema.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
const SAFE = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** Integers within the bounds, drawn as multiples when `multipleOf` is set. */
export function integerArbitrary(s: JsonSchemaObject): fc.Arbitrary<number> {
  const range = s.format === 'int32' ? INT32 : SAFE;
  let min = range.min;
  let max = range.max;
  if (s.minimum !== undefined) min = Math.max(min, Math.ceil(s.minimum));
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, Math.floor(s.exclusiveMinimum) + 1);
  if (s.maximum !== undefined) max = Math.min(max, Math.floor(s.maximum));
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, Math.ceil(s.exclusiveMaximum) - 1);
  const step = s.multipleOf;
  if (step !== undefined && step > 0) {
    if (Number.isInteger(step)) {
      const low = Math.ceil(min / step);
      const high = Math.floor(max / step);
      if (low > high) unsatisfiable(`an integer multiple of ${step} in [${min}, ${max}]`);
      return fc.integer({ min: low, max: high }).map((k) => k * step);
    }
    return boundedFilter(integerRange(min, max), (value) => isMultipleOf(value, step), `multipleOf ${step}`);
  }
  return integerRange(min, max);
}

function integerRange(min: number, max: number): fc.Arbitrary<number> {
  if (min > max) unsatisfiable(`an integer in [${min}, ${max}]`);
  return fc.integer({ min, max });
}

/** Numbers within the bounds, drawn as multiples when `multipleOf` is set. */
export function numberArbitrary(s: JsonSchemaObject): fc.Arbitrary<number> {
  // An integer format on a number (int32, int64) admits integers only, as the validator reads it.
  if (s.format === 'int32' || s.format === 'int64') return integerArbitrary(s);
  const step = s.multipleOf;
  const lowInclusive = s.minimum;
  const lowExclusive = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const highInclusive = s.maximum;
  const highExclusive = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  const inRange = (value: number) =>
    (lowInclusive === undefined || value >= lowInclusive) &&
    (lowExclusive === undefined || value > lowExclusive) &&
    (highInclusive === undefined || value <= highInclusive) &&
    (highExclusive === undefined || value < highExclusive);
  if (step !== undefined && step > 0) {
    const low = Math.ceil(Math.max(lowInclusive ?? -1e9, lowExclusive ?? -1e9) / step);
    const high = Math.floor(Math.min(highInclusive ?? 1e9, highExclusive ?? 1e9) / step);
    if (low > high) unsatisfiable(`a multiple of ${step} in range`);
    const multiples = fc
      .integer({ min: Math.max(low, -(2 ** 31)), max: Math.min(high, 2 ** 31 - 1) })
      .map((k) => {
        const raw = k * step;
        // k * step can miss by an ulp (0.1 * 3); the shortest decimal form usually divides exactly.
        return isMultipleOf(raw, step) ? raw : Number(raw.toPrecision(12));
      });
    return boundedFilter(
      multiples,
      (value) => inRange(value) && isMultipleOf(value, step),
      `multipleOf ${step}`,
    );
  }
  const low = Math.max(lowInclusive ?? -Number.MAX_VALUE, lowExclusive ?? -Number.MAX_VALUE);
  const high = Math.min(highInclusive ?? Number.MAX_VALUE, highExclusive ?? Number.MAX_VALUE);
  if (low > high) unsatisfiable(`a number in [${low}, ${high}]`);
  const doubles = fc.double({
    min: low,
    max: high,
    minExcluded: lowExclusive !== undefined && lowExclusive >= (lowInclusive ?? -Infinity),
    maxExcluded: highExclusive !== undefined && highExclusive <= (highInclusive ?? Infinity),
    noNaN: true,
    noDefaultInfinity: true,
  });
  return doubles.map((value) => (Object.is(value, -0) ? 0 : value));
}
