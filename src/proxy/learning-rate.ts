import type { OptimizerKind, ProxyPlan } from "./types.js";

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
export function scaledLearningRate(options: {
  optimizer: OptimizerKind;
  base: number;
  baseBatch: number;
  batch: number;
}): number {
  const ratio = options.batch / options.baseBatch;
  return options.base * (options.optimizer === "adam" ? Math.sqrt(ratio) : ratio);
}

/**
 * The learning rate a phase trains batch size `batch` with: the plan's rate belongs to its old
 * batch size, and every other size gets it scaled by the optimizer's rule.
 * @example planLearningRate(plan, 4 * plan.batchSizes[0]) // 2 × plan.learningRate for Adam
 */
export function planLearningRate(
  plan: Pick<ProxyPlan, "optimizer" | "learningRate" | "batchSizes">,
  batch: number,
): number {
  return scaledLearningRate({
    optimizer: plan.optimizer,
    base: plan.learningRate,
    baseBatch: plan.batchSizes[0],
    batch,
  });
}
