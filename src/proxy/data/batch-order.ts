import type { SeededRandom } from "../seeded-random.js";

export interface BatchOrder {
  /** Indices of the next `size` examples; a new seeded permutation starts when an epoch runs out. */
  next(size: number): Int32Array;
}

/**
 * Epoch-wise sampling without replacement, as a data loader with `shuffle=True` does.
 * @example createBatchOrder(9000, seededRandom(1, "order")).next(64)
 */
export function createBatchOrder(count: number, rng: SeededRandom): BatchOrder {
  let permutation = rng.permutation(count);
  let position = 0;
  return {
    next(size) {
      const out = new Int32Array(size);
      for (let i = 0; i < size; i++) {
        if (position === count) {
          permutation = rng.permutation(count);
          position = 0;
        }
        out[i] = permutation[position++];
      }
      return out;
    },
  };
}
