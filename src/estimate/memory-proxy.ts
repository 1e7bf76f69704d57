import type { MemoryMeasurement } from "../proxy/types.js";
import { combine, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { ProxyMemory, Quantity } from "./types.js";

/**
 * Peak bytes of the proxy at batch B: the forward+backward fit M₀ + m·B, floored by the
 * optimizer update's own peak, which does not grow with B.
 * @example proxyPeak(memory, 64) // max(intercept + slope·64, optimizerPeakBytes)
 */
export function proxyPeak(memory: MemoryMeasurement, batch: number): number {
  const fit = memory.forwardBackwardFit;
  return Math.max(fit.intercept + fit.slope * batch, memory.optimizerPeakBytes);
}

/**
 * The proxy's peak memory at the old and new batch and their ratio. The interval is the largest
 * gap between a measured point and the fit.
 * @example proxyMemory(memory, { before: 32, after: 64 }).ratio.value // 1.6
 */
export function proxyMemory(memory: MemoryMeasurement, batch: { before: number; after: number }): ProxyMemory {
  const fit = memory.forwardBackwardFit;
  const spread = memory.points.reduce((worst, p) => {
    const measured = Math.max(p.forwardBackwardBytes, p.optimizerBytes);
    return Math.max(worst, Math.abs(measured - proxyPeak(memory, p.batchSize)));
  }, 0);
  const at = (b: number): Quantity => {
    const value = proxyPeak(memory, b);
    return quantity(
      value,
      "bytes",
      SOURCES.memoryFit,
      spread > 0 ? { low: Math.max(value - spread, 0), high: value + spread } : {},
    );
  };
  const before = at(batch.before);
  const after = at(batch.after);
  return {
    proxyBatch: batch,
    before,
    after,
    ratio: combine(after, before, { unit: "ratio", source: SOURCES.memoryFit, divide: true }),
    fixedBytes: fit.intercept,
    perExampleBytes: fit.slope,
    optimizerPeakBytes: memory.optimizerPeakBytes,
  };
}
