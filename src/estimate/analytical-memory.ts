import { activationBytesPerExample } from "./activations.js";
import { countParameters, type ModelDimensions } from "./model-dimensions.js";
import { deepSpeedEstimate, shardStates, stateBytes } from "./model-states.js";
import { quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { AnalyticalMemory, OptimizerFamily, Precision, Quantity } from "./types.js";

/**
 * Allocator fragmentation and temporary buffers on top of the accounted bytes: the ZeRO paper
 * reports over 30% of memory unusable from fragmentation in some runs (Rajbhandari et al. 2020,
 * §3.2). Used as the upper end of the analytical peak's interval, not in its value.
 */
export const FRAGMENTATION = 0.3;

export interface AnalyticalInput {
  /** Known parameter count; counted from the dimensions when absent. */
  parameters?: number;
  dims: ModelDimensions;
  /** Training sequence length (tokens); activations need it. */
  seqLen?: number;
  precision: Precision;
  optimizer: OptimizerFamily;
  zeroStage: 0 | 1 | 2 | 3;
  devices: number;
  flashAttention: boolean;
  /** Per-device micro batch (examples/sequences) at the old and new setting. */
  microBatch: { before: number | null; after: number | null };
}

/**
 * Peak memory per device of the user's real model from its size: model states (weights,
 * gradients, optimizer states, ZeRO-sharded) plus transformer activations for the micro batch.
 * Undefined when neither a parameter count nor the dimensions to count it are known.
 * @example analyticalMemory({ parameters: 1.5e9, dims: {}, precision: "mixed", optimizer: "adam", zeroStage: 0, devices: 1, flashAttention: false, microBatch: { before: 8, after: 16 } }).modelStates.value // 24e9
 */
export function analyticalMemory(input: AnalyticalInput): AnalyticalMemory | undefined {
  const counted = countParameters(input.dims);
  const parameters = input.parameters ?? counted;
  if (!parameters) return undefined;
  const paramSource = input.parameters ? "configured parameter count" : SOURCES.parameterCount;
  const bytes = stateBytes(input.optimizer, input.precision);
  const sharded = shardStates({ parameters, bytes, stage: input.zeroStage, devices: input.devices });
  const states = (value: number) => quantity(value, "bytes", `${SOURCES.modelStates}, ${paramSource}`);
  const modelStates = states(sharded.total);
  const upper = input.precision === "mixed" && input.optimizer === "adam" && input.zeroStage >= 2 ? deepSpeedUpper(input, parameters) : undefined;
  if (upper !== undefined && upper > sharded.total) {
    modelStates.high = upper;
    modelStates.low = sharded.total;
    modelStates.note = `DeepSpeed's estimator gives ${(upper / 1e9).toFixed(1)} GB (unsharded 16-bit gradient buffer)`;
  }
  const result: AnalyticalMemory = {
    parameters,
    precision: input.precision,
    optimizer: input.optimizer,
    bytesPerParameter: bytes.weights + bytes.gradients + bytes.optimizer,
    bytesPerParameterWhy: bytes.why,
    zeroStage: input.zeroStage,
    devices: input.devices,
    weights: states(sharded.weights),
    gradients: states(sharded.gradients),
    optimizerStates: states(sharded.optimizer),
    modelStates,
    microBatch: input.microBatch,
  };
  const { hidden, heads, layers, vocab } = input.dims;
  if (hidden && heads && layers && input.seqLen) {
    result.dimensions = { hidden, heads, layers, seqLen: input.seqLen, ...(vocab ? { vocab } : {}) };
    const perExample = activationBytesPerExample({
      hidden, heads, layers, vocab, seqLen: input.seqLen, flashAttention: input.flashAttention,
      bytesPerValue: input.precision === "fp32" ? 4 : 2,
    });
    result.activationsPerExample = quantity(perExample, "bytes/example", SOURCES.activations);
    const peak = (micro: number | null): Quantity | undefined => {
      if (micro === null) return undefined;
      const value = sharded.total + micro * perExample;
      return quantity(value, "bytes", `${SOURCES.modelStates} + ${SOURCES.activations}`, {
        low: value,
        high: ((modelStates.high ?? sharded.total) + micro * perExample) * (1 + FRAGMENTATION),
      });
    };
    result.before = peak(input.microBatch.before);
    result.after = peak(input.microBatch.after);
  }
  return result;
}

/** The largest layer is usually the embedding (V·h) or one block's weights (~12h²). */
function deepSpeedUpper(input: AnalyticalInput, parameters: number): number | undefined {
  const { hidden, vocab } = input.dims;
  const largestLayer = hidden ? Math.max((vocab ?? 0) * hidden, 12 * hidden * hidden) : undefined;
  return deepSpeedEstimate({ parameters, stage: input.zeroStage as 2 | 3, devices: input.devices, largestLayer });
}
