// Memory: the peak at a large batch predicted from a fit at small batches (the advisor's
// M(B) = M₀ + m·B, floored by the optimizer update's peak) against the peak measured there.
import * as tf from "@tensorflow/tfjs";
import { proxyPeak } from "../src/estimate/memory-proxy.js";
import { fitLine } from "../src/util/fit-line.js";
import { loadBackend } from "../src/proxy/load-backend.js";
import { measureMemory } from "../src/proxy/measure-memory.js";
import { prepareTask } from "../src/proxy/prepare-task.js";
import { progressReporter } from "../src/proxy/progress.js";
import { createBudget } from "../src/proxy/time-budget.js";
import type { MemoryMeasurement } from "../src/proxy/types.js";
import type { AccuracyTask } from "./accuracy-tasks.js";

export interface MemoryCheck {
  task: string;
  fitBatchSizes: number[];
  /** Bytes of tensors alive before the check (left by earlier work in the process), taken off every number below. */
  baselineBytes: number;
  fit: { intercept: number; slope: number; r2: number; optimizerPeakBytes: number };
  points: Array<{ batchSize: number; predictedBytes: number; measuredBytes: number; relError: number }>;
}

/**
 * Profiles one training step at the fit sizes and at the larger sizes in one pass (same weights,
 * same optimizer state), fits the small ones only and predicts the large ones with proxyPeak.
 * @example (await checkMemory(task, { fitSizes: [8, 16, 32, 64], checkSizes: [256, 1024] })).points[1].relError
 */
export async function checkMemory(
  task: AccuracyTask,
  options: { fitSizes: number[]; checkSizes: number[] },
): Promise<MemoryCheck> {
  await loadBackend({ force: "wasm" });
  const plan = task.plan;
  const proxyTask = await prepareTask(plan);
  const sizes = [...options.fitSizes, ...options.checkSizes];
  // Tensors another suite left alive in this process would count in every peak and shrink the
  // relative error; a fresh CLI process has none, so both sides are taken above this baseline.
  const baseline = tf.memory().numBytes;
  const { value } = await measureMemory(
    { plan, task: proxyTask, budget: createBudget({ seconds: 120 }), progress: progressReporter() },
    sizes,
  );
  const small = value.points.filter((p) => options.fitSizes.includes(p.batchSize));
  const fitted: MemoryMeasurement = {
    ...value,
    points: small,
    forwardBackwardFit: fitLine(small.map((p) => [p.batchSize, p.forwardBackwardBytes])),
    optimizerPeakBytes: Math.max(...small.map((p) => p.optimizerBytes)),
  };
  const points = value.points
    .filter((p) => options.checkSizes.includes(p.batchSize))
    .map((p) => {
      const predictedBytes = proxyPeak(fitted, p.batchSize) - baseline;
      const measuredBytes = Math.max(p.forwardBackwardBytes, p.optimizerBytes) - baseline;
      return {
        batchSize: p.batchSize,
        predictedBytes,
        measuredBytes,
        relError: Math.abs(predictedBytes - measuredBytes) / measuredBytes,
      };
    });
  const { intercept, slope, r2 } = fitted.forwardBackwardFit;
  return {
    task: task.name,
    fitBatchSizes: options.fitSizes,
    baselineBytes: baseline,
    fit: { intercept: intercept - baseline, slope, r2, optimizerPeakBytes: fitted.optimizerPeakBytes - baseline },
    points,
  };
}
