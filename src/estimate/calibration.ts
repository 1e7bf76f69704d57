import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { CalibratedMemory, Quantity } from "./types.js";

export interface CalibrationInput {
  /** "At per-device batch 32 we peak at 18 GiB." */
  batch: number;
  peakBytes: number;
  /** Bytes per example from the analytical model, when the model's shape is known. */
  perExampleBytes?: number;
  /**
   * Share of the proxy's peak that grows with the batch at the calibration point (0–1), used
   * when no analytical per-example figure exists.
   */
  proxyBatchShare?: number;
  microBatch: { before: number | null; after: number | null };
}

/**
 * Pins M(B) = M₀ + m·B to a peak the user measured: M₀ = M_cal − m·B_cal. With an analytical m
 * the line is fixed; without one the split between fixed and per-example bytes is unknown, so
 * the interval spans "all fixed" to "all per-example" and the value takes the proxy's split
 * (or the middle when there is no proxy).
 * @example calibrate({ batch: 32, peakBytes: 18 * 2 ** 30, perExampleBytes: 2 ** 28, microBatch: { before: 32, after:
 * 64 } }).after.value // 26 GiB
 */
export function calibrate(input: CalibrationInput): CalibratedMemory {
  const { batch, peakBytes } = input;
  const analytical =
    input.perExampleBytes !== undefined && input.perExampleBytes * batch <= peakBytes
      ? input.perExampleBytes
      : undefined;
  if (analytical !== undefined) {
    const fixed = peakBytes - analytical * batch;
    const at = (micro: number | null) =>
      micro === null ? undefined : quantity(fixed + analytical * micro, "bytes", SOURCES.calibration);
    return {
      batch,
      peakBytes,
      perExampleBytes: quantity(analytical, "bytes/example", SOURCES.activations),
      fixedBytes: quantity(fixed, "bytes", SOURCES.calibration),
      ...defined({ before: at(input.microBatch.before), after: at(input.microBatch.after) }),
    };
  }
  const share = clamp01(input.proxyBatchShare ?? 0.5);
  const source = input.proxyBatchShare === undefined ? SOURCES.calibration : SOURCES.calibrationProxy;
  const perExampleMax = peakBytes / batch;
  const at = (micro: number | null): Quantity | undefined => {
    if (micro === null) return undefined;
    const allFixed = peakBytes;
    const allPerExample = perExampleMax * micro;
    return quantity(allFixed + share * (allPerExample - allFixed), "bytes", source, {
      low: allFixed,
      high: allPerExample,
    });
  };
  return {
    batch,
    peakBytes,
    perExampleBytes: quantity(share * perExampleMax, "bytes/example", source, { low: 0, high: perExampleMax }),
    fixedBytes: quantity((1 - share) * peakBytes, "bytes", source, { low: 0, high: peakBytes }),
    ...defined({ before: at(input.microBatch.before), after: at(input.microBatch.after) }),
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
