import type { MaxBatchPerDevice } from "./types.js";

/**
 * The largest per-device batch B with M₀ + m·B ≤ budget, and the split of the PR's per-device
 * product (per-device batch × accumulation) into the largest per-device batch that fits and the
 * accumulation that keeps the effective batch: the largest divisor of the product not above B.
 * @example maxBatchPerDevice({ fixedBytes: 20e9, perExampleBytes: 5e9, budget: { bytes: 80e9, from: "hardware.gpu
 * H100-80GB" }, micro: 32, accumulation: 1 })
 *   // { value: 12, fits: false, accumulation: { micro: 8, accumulation: 4, product: 32 }, … }
 */
export function maxBatchPerDevice(input: {
  fixedBytes: number;
  perExampleBytes: number;
  budget: { bytes: number; from: string };
  /** The PR's new per-device batch and accumulation. */
  micro: number | null;
  accumulation: number | null;
  /** The same line at the top of the peak's interval: the batch that fits even if it holds. */
  high?: { fixedBytes: number; perExampleBytes: number };
}): MaxBatchPerDevice | undefined {
  const { fixedBytes, perExampleBytes, budget } = input;
  if (!(perExampleBytes > 0) || !Number.isFinite(fixedBytes)) return undefined;
  const value = largestFitting(fixedBytes, perExampleBytes, budget.bytes);
  const fits = input.micro !== null && value >= input.micro;
  const result: MaxBatchPerDevice = { value, fits, budget, fit: { fixedBytes, perExampleBytes } };
  const high = input.high;
  if (high && high.perExampleBytes > 0 && Number.isFinite(high.fixedBytes)) {
    // A reviewer reads "fits up to 46" next to a peak whose range crosses the budget: the range of
    // the answer says how far the central figure can be trusted.
    const low = Math.min(value, largestFitting(high.fixedBytes, high.perExampleBytes, budget.bytes));
    if (low < value) {
      result.low = low;
      if (fits) result.fitsAtHigh = input.micro !== null && low >= input.micro;
    }
  }
  if (!fits && value >= 1 && input.micro !== null) {
    const product = input.micro * (input.accumulation ?? 1);
    const micro = largestDivisorAtMost(product, value);
    result.accumulation = { micro, accumulation: product / micro, product };
    // The split that fits even at the top of the peak's interval, when that one is smaller.
    if (result.low !== undefined && result.low >= 1) {
      const safe = largestDivisorAtMost(product, result.low);
      if (safe < micro) result.accumulationAtHigh = { micro: safe, accumulation: product / safe, product };
    }
  }
  return result;
}

function largestFitting(fixedBytes: number, perExampleBytes: number, budgetBytes: number): number {
  return Math.max(0, Math.floor((budgetBytes - fixedBytes) / perExampleBytes));
}

/** The largest d ≤ limit that divides n (1 always does). */
export function largestDivisorAtMost(n: number, limit: number): number {
  for (let d = Math.min(n, Math.floor(limit)); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
