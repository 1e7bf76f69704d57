import type { BaseQuantization, OptimizerKind, WorkloadPrecision } from "../workload/types.js";
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
 * Bytes of optimizer state per trained parameter, beside any fp32 master copy, for states held in
 * `width`-byte numbers: Adam's m and v (two), Lion's and SGD-momentum's one moment, plain SGD none;
 * bitsandbytes 8-bit Adam keeps m and v in one byte each (Dettmers et al. 2022, "8-bit Optimizers
 * via Block-wise Quantization", whose block constants add under 0.01 byte); Adafactor (no first
 * moment, the HF default) keeps a factored second moment of rows + columns per matrix, under 0.1%
 * of the weights, counted as 0.
 */
export function momentBytes(optimizer: OptimizerKind, width: number): { bytes: number; names: string } {
  switch (optimizer) {
    case "adamw":
    case "paged-adamw-32bit":
      return { bytes: 2 * width, names: "m, v" };
    case "adamw-8bit":
    case "paged-adamw-8bit":
      return { bytes: 2, names: "8-bit m, v" };
    case "lion":
    case "sgd-momentum":
      return { bytes: width, names: "momentum" };
    case "rmsprop":
      return { bytes: width, names: "squared-gradient average" };
    case "adafactor":
      return { bytes: 0, names: "factored second moment ≈ 0" };
    case "sgd":
      return { bytes: 0, names: "" };
  }
}

/**
 * Bytes per trained parameter of weights, gradients and optimizer states by optimizer and precision,
 * in the ZeRO paper's accounting (Rajbhandari et al. 2020, §3.1): mixed-precision Adam keeps a 16-bit
 * copy of the weights (2Ψ), 16-bit gradients (2Ψ) and fp32 master weights, momentum and variance
 * (12Ψ) — 16Ψ in all. fp32 training: 4 + 4 + 8 for Adam. Pure 16-bit training (weights loaded in
 * bf16, no master copy): 2 + 2 + 4. The 8-bit optimizers, Lion, Adafactor and SGD change only the
 * moment bytes.
 * @example trainedBytes("adamw", "mixed") // { weights: 2, gradients: 2, optimizer: 12, why: "2 (16-bit weights) + 2
 * (16-bit gradients) + 12 (fp32 master weights, m, v)" }
 */
export function trainedBytes(optimizer: OptimizerKind, precision: WorkloadPrecision): StateBytes {
  if (precision === "mixed") {
    const moments = momentBytes(optimizer, 4);
    return {
      weights: 2,
      gradients: 2,
      optimizer: 4 + moments.bytes,
      why:
        `2 (16-bit weights) + 2 (16-bit gradients) + ${4 + moments.bytes} ` +
        `(fp32 master weights${moments.bytes ? `, ${moments.names}` : ""})`,
    };
  }
  const width = precision === "fp32" ? 4 : 2;
  const moments = momentBytes(optimizer, width);
  return {
    weights: width,
    gradients: width,
    optimizer: moments.bytes,
    why:
      `${width} (${precision} weights) + ${width} (${precision} gradients)` +
      (moments.bytes ? ` + ${moments.bytes} (${moments.names})` : ""),
  };
}

/**
 * QLoRA's 4-bit NormalFloat storage (Dettmers et al. 2023, §3): 4 bits per weight plus one fp32
 * absmax per block of 64 weights (32/64 = 0.5 bit); double quantization stores those constants in
 * 8 bits with one fp32 constant per 256 of them: 8/64 + 32/(64·256) = 0.127 bit per weight.
 */
export const NF4_BYTES = { plain: (4 + 32 / 64) / 8, double: (4 + 8 / 64 + 32 / (64 * 256)) / 8 } as const;

/** LLM.int8 (Dettmers et al. 2022): one byte per weight; its fp32 scale per row adds 4/in bytes, under 0.1%. */
export const INT8_BYTES = 1;

/**
 * Bytes per frozen parameter: 16-bit weights (fp32 under fp32 training), or the quantized width for
 * the linear layers of a 4-bit or 8-bit base (embeddings and the output head stay 16-bit).
 * @example frozenBytes("nf4-double", "mixed") // 0.5159
 */
export function frozenBytes(quantization: BaseQuantization, precision: WorkloadPrecision): number {
  if (quantization === "nf4") return NF4_BYTES.plain;
  if (quantization === "nf4-double") return NF4_BYTES.double;
  if (quantization === "int8") return INT8_BYTES;
  return precision === "fp32" ? 4 : 2;
}

/**
 * The older face of `trainedBytes`: by optimizer family (an unknown optimizer counts as Adam, the
 * most common and the largest).
 * @example stateBytes("adam", "mixed") // { weights: 2, gradients: 2, optimizer: 12, … }
 */
export function stateBytes(optimizer: OptimizerFamily, precision: Precision): StateBytes {
  const kind: OptimizerKind = optimizer === "sgd" ? "sgd" : optimizer === "sgd-momentum" ? "sgd-momentum" : "adamw";
  return trainedBytes(kind, precision);
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
 * @example shardStates({ parameters: 7.5e9, bytes: stateBytes("adam", "mixed"), stage: 3, devices: 64 }).total
 *   // 1.875e9
 */
export function shardStates(options: {
  parameters: number;
  bytes: StateBytes;
  stage: 0 | 1 | 2 | 3;
  devices: number;
}): ShardedStates {
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
export function deepSpeedEstimate(options: {
  parameters: number;
  stage: 2 | 3;
  devices: number;
  largestLayer?: number;
}): number | undefined {
  const { parameters: p, stage } = options;
  const n = Math.max(1, options.devices);
  if (stage === 2) return 4 * p + (16 * p) / n;
  return options.largestLayer === undefined ? undefined : 4 * options.largestLayer + (18 * p) / n;
}
