import { AssayError } from '@assay/model';
import fc from 'fast-check';

/**
 * `arbitrary.filter(predicate)` with a bound: fast-check's filter retries forever, which turns an
 * unsatisfiable schema into a hang. This one gives up after `attempts` draws in a row and throws a
 * `generation` error that names what could not be satisfied.
 */
export class BoundedFilterArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly base: fc.Arbitrary<T>,
    private readonly predicate: (value: T) => boolean,
    private readonly what: string,
    private readonly attempts = 200,
    /** Return the last draw instead of throwing when no draw passes (the predicate is a preference). */
    private readonly preferOnly = false,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    let last: fc.Value<T> | undefined;
    for (let i = 0; i < this.attempts; i++) {
      const candidate = this.base.generate(mrng, biasFactor);
      if (this.predicate(candidate.value_)) return candidate;
      last = candidate;
    }
    if (this.preferOnly && last !== undefined) return last;
    throw new AssayError(
      'generation',
      `Could not generate a value satisfying ${this.what} in ${this.attempts} attempts.`,
      {
        hint: 'The schema may be contradictory, or use a constraint Assay can only meet by chance.',
      },
    );
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.base.canShrinkWithoutContext(value) && (this.preferOnly || this.predicate(value));
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    // A value kept despite the preference shrinks freely; one that met it keeps meeting it.
    const keep = this.preferOnly && !this.predicate(value);
    return this.base.shrink(value, context).filter((candidate) => keep || this.predicate(candidate.value_));
  }
}

/** Filters with a bound (see {@link BoundedFilterArbitrary}). */
export function boundedFilter<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => boolean,
  what: string,
): fc.Arbitrary<T> {
  return new BoundedFilterArbitrary(arbitrary, predicate, what);
}

/**
 * Stands for an arbitrary that is still being built, so recursive schemas can refer to themselves.
 */
export class LazyArbitrary<T> extends fc.Arbitrary<T> {
  target: fc.Arbitrary<T> | undefined;
  private active = 0;

  private resolved(): fc.Arbitrary<T> {
    if (this.target === undefined)
      throw new AssayError('internal', 'A recursive schema arbitrary was used before it was built.');
    return this.target;
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    // A schema that can only be satisfied by an infinite value (a required property that refers back
    // to its own schema) would recurse until the stack overflows; say so instead.
    if (this.active >= 32) {
      throw new AssayError(
        'generation',
        'A recursive schema has no finite value: every alternative recurses again.',
        {
          hint: 'Make the recursive property optional or nullable in the spec, or exclude the operation.',
        },
      );
    }
    this.active += 1;
    try {
      return this.resolved().generate(mrng, biasFactor);
    } finally {
      this.active -= 1;
    }
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.resolved().canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.resolved().shrink(value, context);
  }
}
