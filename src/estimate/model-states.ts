import type { OptimizerFamily, Precision } from "./types.js";

/** Bytes per parameter for each kind of model state, before any sharding. */
export interface StateBytes {
  weights: number;
  gradients: number;
  /** Optimizer states, with the fp32 master copy under mixed precision. */
  optimizer: number;
  why: string;
}

/**
 * Bytes per parameter of weights, gradients and optimizer states.
 * Mixed-precision Adam: 2 + 2 + 12 = 16 (Rajbhandari et al. 2020, ZeRO §3); fp32 Adam: 4 + 4 + 8 = 16;
 * SGD with momentum: 12 in fp32; plain SGD: 8. Pure 16-bit training keeps every state in 2 bytes.
 * An unknown optimizer is counted as Adam, the most common and the largest.
 * @example stateBytes("adam", "mixed") // { weights: 2, gradients: 2, optimizer: 12, … }
 */
export function stateBytes(optimizer: OptimizerFamily, precision: Precision): StateBytes {
  const slots = optimizer === "sgd" ? 0 : optimizer === "sgd-momentum" ? 1 : 2;
  const slotNames = ["", "momentum", "m, v"][slots];
  if (precision === "mixed") {
    return {
      weights: 2,
      gradients: 2,
      optimizer: 4 + 4 * slots,
      why: `2 (16-bit weights) + 2 (16-bit gradients) + ${4 + 4 * slots} (fp32 master weights${slots ? `, ${slotNames}` : ""})`,
    };
  }
  const width = precision === "fp32" ? 4 : 2;
  const name = precision === "fp32" ? "fp32" : precision;
  return {
    weights: width,
    gradients: width,
    optimizer: width * slots,
    why: `${width} (${name} weights) + ${width} (${name} gradients)${slots ? ` + ${width * slots} (${name} ${slotNames})` : ""}`,
  };
}

export interface ShardedStates {
  weights: number;
  gradients: number;
  optimizer: number;
  total: number;
}

/**
 * Model-state bytes per device under ZeRO: stage 1 shards optimizer states over N devices,
 * stage 2 also gradients, stage 3 also weights (Rajbhandari et al. 2020, Fig. 1).
 * @example shardStates({ parameters: 7.5e9, bytes: stateBytes("adam", "mixed"), stage: 3, devices: 64 }).total // 1.875e9
 */
export function shardStates(options: { parameters: number; bytes: StateBytes; stage: 0 | 1 | 2 | 3; devices: number }): ShardedStates {
  const { parameters: p, bytes, stage } = options;
  const n = Math.max(1, options.devices);
  const weights = (p * bytes.weights) / (stage >= 3 ? n : 1);
  const gradients = (p * bytes.gradients) / (stage >= 2 ? n : 1);
  const optimizer = (p * bytes.optimizer) / (stage >= 1 ? n : 1);
  return { weights, gradients, optimizer, total: weights + gradients + optimizer };
}

/**
 * DeepSpeed's own estimate of model-state bytes per GPU for mixed-precision Adam without offload,
 * an upper cross-check of the ZeRO paper's figure: it keeps a full 16-bit gradient buffer and
 * fp32 gradient partitions. ZeRO-2: 4Ψ + 16Ψ/N; ZeRO-3: 4·L_max + 18Ψ/N
 * (deepspeed/runtime/zero/stage_1_and_2.py and stage3.py `estimate_zero*_model_states_mem_needs`).
 * @example deepSpeedEstimate({ parameters: 1e9, stage: 2, devices: 8 }) // 6e9
 */
export function deepSpeedEstimate(options: { parameters: number; stage: 2 | 3; devices: number; largestLayer?: number }): number | undefined {
  const { parameters: p, stage } = options;
  const n = Math.max(1, options.devices);
  if (stage === 2) return 4 * p + (16 * p) / n;
  return options.largestLayer === undefined ? undefined : 4 * options.largestLayer + (18 * p) / n;
}
