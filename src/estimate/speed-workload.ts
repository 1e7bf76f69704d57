import type { BotConfig } from "../config/schema.js";
import { findGpu } from "../workload/catalogue/find-gpu.js";
import { findModel, isUnknown } from "../workload/catalogue/find-model.js";
import type { GpuEntry } from "../workload/catalogue/gpu-schema.js";
import type { Workload, WorkloadPrecision, ZeroSpec } from "../workload/types.js";
import { frozenBytes, trainedBytes, type StateBytes } from "./model-states.js";
import { matmulParameters, type FlopsModel } from "./step-flops.js";

/**
 * The narrow view of one side's workload the step-time model needs, built from the workload
 * stage's `Workload` (which the bot config's `model:` hints also fill).
 */
export interface SpeedWorkload {
  gpu: GpuEntry;
  precision: WorkloadPrecision;
  network: FlopsModel;
  /** Model width, for the utilization curve; absent for vision and small models. */
  hidden?: number;
  checkpointing: boolean;
  /** All weights one device holds before sharding, and their bytes each (16-bit, or 4-bit for a QLoRA base). */
  parameters: number;
  frozenWeightBytes: number;
  trainable: number;
  trainedBytes: StateBytes;
  /** ZeRO stage, or FSDP's equivalent (full shard = 3, shard-grad-op = 2). */
  zeroStage: 0 | 1 | 2 | 3;
  /** Activation bytes one example writes in the forward and reads in the backward, when known. */
  activationBytesPerExample?: number;
  /** Where the model facts came from, in words. */
  from: string;
}

/**
 * Why no step time can be computed, by id (the report words it, `speed.gap.<reason>`): no GPU,
 * an unknown model, a vision model without published FLOPs, or a transformer missing its shape.
 */
export type SpeedGap =
  | { missing: "gpu" }
  | { missing: "model"; reason: "model-unknown" | "no-vision-flops" | "shape-incomplete"; model?: string };

/**
 * The GPU a speed is computed for: the workload's, else `hardware.gpu` (already checked against
 * the catalogue when the config loaded).
 */
export function speedGpu(options: { workload?: Workload; config: BotConfig }): GpuEntry | undefined {
  const name = options.workload?.gpu.value?.id ?? options.config.hardware.gpu;
  if (!name) return undefined;
  const found = findGpu(name);
  return "unknown" in found ? undefined : found;
}

/**
 * One side's speed workload from the workload stage's fields.
 * @example fromWorkload(workload, a100) // { network: { kind: "transformer", … }, trainable: 494e6, … }
 */
export function fromWorkload(w: Workload, gpu: GpuEntry): SpeedWorkload | SpeedGap {
  const shape = w.model.value;
  if (!shape) return { missing: "model", reason: "model-unknown" };
  const precision = w.precision.value ?? "mixed";
  const trainable = w.trainableParameters.value ?? shape.parameters;
  const optimizer = w.optimizer.value ?? "adamw";
  const zeroStage = w.zero.value?.stage ?? fsdpStage(w.fsdp.value);
  const common = {
    gpu,
    precision,
    checkpointing: w.checkpointing.value ?? false,
    parameters: shape.parameters,
    frozenWeightBytes: frozenBytes(w.baseQuantization.value ?? "none", precision),
    trainable,
    trainedBytes: trainedBytes(optimizer, precision),
    zeroStage,
    from: `${shape.id} (workload)`,
  };
  if (shape.kind === "vision") {
    const vision = visionForward(shape.id);
    if (!vision) return { missing: "model", reason: "no-vision-flops", model: shape.id };
    return {
      ...common,
      network: {
        kind: "per-example",
        forwardFlops: vision.flops,
        trainableShare: Math.min(1, trainable / shape.parameters),
        from: vision.from,
      },
    };
  }
  const seqLen = w.seqLen.value;
  if (!shape.layers || !shape.hidden || !seqLen)
    return { missing: "model", reason: "shape-incomplete", model: shape.id };
  const total = matmulParameters(shape);
  const adapters = w.method.value === "lora" || w.method.value === "qlora" ? trainable : 0;
  return {
    ...common,
    hidden: shape.hidden,
    network: {
      kind: "transformer",
      matmulParameters: total + adapters,
      trainableMatmulParameters: Math.min(trainable, total + adapters),
      layers: shape.layers,
      attentionWidth: (shape.heads ?? 1) * (shape.headDim ?? shape.hidden / (shape.heads ?? 1)),
      seqLen,
    },
    activationBytesPerExample: korthikantiBytes({ seqLen, hidden: shape.hidden, layers: shape.layers }),
  };
}

/** Korthikanti et al. 2022: 34·s·h bytes per layer kept for the backward (16-bit, FlashAttention's s² term left out).
 * */
function korthikantiBytes(o: { seqLen: number; hidden: number; layers: number }): number {
  return 34 * o.seqLen * o.hidden * o.layers;
}

function fsdpStage(strategy: Workload["fsdp"]["value"]): ZeroSpec["stage"] {
  if (strategy === "full" || strategy === "hybrid") return 3;
  if (strategy === "shard-grad-op") return 2;
  return 0;
}

/** Forward FLOPs of one image from the catalogue's published table (a MAC counts 2 FLOPs). */
function visionForward(id: string): { flops: number; from: string } | undefined {
  const entry = findModel(id);
  if (isUnknown(entry) || entry.kind !== "vision") return undefined;
  const perMac = entry.flopsConvention === "macs" ? 2 : 1;
  return {
    flops: entry.gflops * 1e9 * perMac,
    from:
      `${entry.gflops} G${entry.flopsConvention === "macs" ? "MACs" : "FLOPs"} ` +
      `per ${entry.resolution}px image (${entry.source})`,
  };
}
