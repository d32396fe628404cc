import { AssayError } from '@assay/model';
import fc from 'fast-check';

/**
 * The arbitrary of a referenced definition, so a draw that gives up inside it (a bounded filter
 * no value passes) names the definition, as a build that gives up does: the innermost one wins.
 */
export class PointedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly base: fc.Arbitrary<T>,
    private readonly pointer: string,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    try {
      return this.base.generate(mrng, biasFactor);
    } catch (error) {
      if (AssayError.is(error) && error.code === 'generation' && !error.details.pointer)
        throw new AssayError('generation', error.message, { ...error.details, pointer: this.pointer });
      throw error;
    }
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.base.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.base.shrink(value, context);
  }
}
