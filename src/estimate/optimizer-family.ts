import type { OptimizerKind } from "../workload/types.js";
import type { OptimizerFamily } from "./types.js";

/**
 * The learning-rate rule's family of the workload's optimizer (src/workload/read-training.ts
 * classifies the names and knows each framework's default): adaptive methods (the Adam family,
 * Adafactor, Lion, RMSprop/Adagrad — square-root rule, Malladi et al. 2022), SGD with momentum
 * and plain SGD (linear rule, Goyal et al. 2017); unknown when the workload does not know it.
 * @example optimizerFamily("paged-adamw-8bit") // "adam"
 * @example optimizerFamily(null) // "unknown"
 */
export function optimizerFamily(kind: OptimizerKind | null | undefined): OptimizerFamily {
  if (!kind) return "unknown";
  return kind === "sgd" ? "sgd" : kind === "sgd-momentum" ? "sgd-momentum" : "adam";
}
