import type { OptimizerKind } from "./types.js";

/** The rule stated in every measurement that changes the batch size. */
export const LEARNING_RATE_RULES: Record<OptimizerKind, string> = {
  sgd: "linear scaling (Goyal et al. 2017): lr ∝ B, relative to the plan's lr at the old batch size",
  momentum: "linear scaling (Goyal et al. 2017): lr ∝ B, relative to the plan's lr at the old batch size",
  adam: "square-root scaling (Malladi et al. 2022): lr ∝ √B, relative to the plan's lr at the old batch size",
};

/**
 * The learning rate for batch size `batch` when `base` is right at `baseBatch`: √ for Adam, linear for SGD.
 * @example scaledLearningRate({ optimizer: "adam", base: 1e-3, baseBatch: 32, batch: 128 }) // 2e-3
 */
export function scaledLearningRate(options: { optimizer: OptimizerKind; base: number; baseBatch: number; batch: number }): number {
  const ratio = options.batch / options.baseBatch;
  return options.base * (options.optimizer === "adam" ? Math.sqrt(ratio) : ratio);
}
