import { AssayError } from '@assay/model';
import fc from 'fast-check';

interface Picked {
  index: number;
  context: unknown;
}

function isGenerationError(error: unknown): boolean {
  return AssayError.is(error) && error.code === 'generation';
}

/**
 * `fc.oneof` over alternatives some of which may turn out to have no value (a branch whose `not`
 * or exclusivity filter never passes): a draw that gives up moves on to the next alternative, and
 * only when every alternative gives up does the draw fail. Values shrink within the alternative
 * that made them.
 */
export class ResilientOneOf extends fc.Arbitrary<unknown> {
  constructor(private readonly alternatives: readonly fc.Arbitrary<unknown>[]) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<unknown> {
    const start = mrng.nextInt(0, this.alternatives.length - 1);
    let lastError: unknown;
    for (let k = 0; k < this.alternatives.length; k++) {
      const index = (start + k) % this.alternatives.length;
      try {
        const value = this.alternatives[index]!.generate(mrng, biasFactor);
        return new fc.Value(value.value_, { index, context: value.context } satisfies Picked);
      } catch (error) {
        if (!isGenerationError(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  }

  canShrinkWithoutContext(value: unknown): value is unknown {
    return this.alternatives.some((a) => a.canShrinkWithoutContext(value));
  }

  shrink(value: unknown, context: unknown): fc.Stream<fc.Value<unknown>> {
    const picked = context as Picked | undefined;
    if (picked === undefined) {
      const index = this.alternatives.findIndex((a) => a.canShrinkWithoutContext(value));
      if (index === -1) return fc.Stream.nil();
      return this.wrap(index, this.alternatives[index]!.shrink(value, undefined));
    }
    return this.wrap(picked.index, this.alternatives[picked.index]!.shrink(value, picked.context));
  }

  private wrap(index: number, stream: fc.Stream<fc.Value<unknown>>): fc.Stream<fc.Value<unknown>> {
    return stream.map((v) => new fc.Value(v.value_, { index, context: v.context } satisfies Picked));
  }
}

/** One of the alternatives ({@link ResilientOneOf}); a single alternative is returned as it is. */
export function resilientOneOf(alternatives: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return alternatives.length === 1 ? alternatives[0]! : new ResilientOneOf(alternatives);
}
