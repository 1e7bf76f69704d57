import type { GpuEntry } from "../workload/catalogue/gpu-schema.js";
import type { WorkloadPrecision } from "../workload/types.js";
import { achievableUtilization, type Utilization } from "./achievable-utilization.js";
import { rooflineStepTime, type RooflineStepTime } from "./roofline-step-time.js";
import type { SpeedWorkload } from "./speed-workload.js";
import { microBatchFlops, type MicroBatchFlops } from "./step-flops.js";

/** One side of a change as the step-time model sees it. */
export interface StepShape {
  /** Examples (sequences, images) per device per micro-batch. */
  microBatch: number;
  accumulation: number;
  /** Data-parallel ranks. */
  devices: number;
}

export interface GpuStepTime {
  /** Seconds per optimizer step, at the achievable utilization and at both ends of its interval. */
  value: number;
  low: number;
  high: number;
  roofline: RooflineStepTime;
  utilization: Utilization;
  flops: MicroBatchFlops;
  /** The datasheet peak used and which precision's it is. */
  peak: { flops: number; precision: keyof GpuEntry["peakFlops"] };
}

/**
 * The dense peak a training precision runs at: bf16 (or fp16 where the GPU has no bf16) for mixed
 * and 16-bit training; plain fp32 for fp32, since PyTorch leaves TF32 off for matrix multiplies
 * (`torch.backends.cuda.matmul.allow_tf32 = False` since 1.12).
 */
export function trainingPeak(gpu: GpuEntry, precision: WorkloadPrecision): GpuStepTime["peak"] {
  if (precision === "fp32") return { flops: gpu.peakFlops.fp32, precision: "fp32" };
  if (precision === "fp16") return { flops: gpu.peakFlops.fp16, precision: "fp16" };
  return gpu.peakFlops.bf16
    ? { flops: gpu.peakFlops.bf16, precision: "bf16" }
    : { flops: gpu.peakFlops.fp16, precision: "fp16" };
}

/** One direction of one GPU's link: datasheets print NVLink as the sum of both directions. */
export function linkBytesPerSecond(gpu: GpuEntry): number {
  return gpu.interconnect.bytesPerSecond / (gpu.interconnect.direction === "bidirectional" ? 2 : 1);
}

/**
 * The optimizer step time of one side on its GPU: FLOPs per micro-batch at the achievable
 * utilization against the memory floor, times the accumulation, plus the optimizer update and the
 * exposed gradient exchange. The interval is the utilization's.
 * @example gpuStepTime(workload, { microBatch: 8, accumulation: 2, devices: 4 }).value // seconds
 */
export function gpuStepTime(w: SpeedWorkload, side: StepShape): GpuStepTime {
  const flops = microBatchFlops(w.network, { examples: side.microBatch, checkpointing: w.checkpointing });
  const utilization = achievableUtilization({ gpu: w.gpu, hidden: w.hidden });
  const peak = trainingPeak(w.gpu, w.precision);
  const n = Math.max(1, side.devices);
  const frozen = Math.max(0, w.parameters - w.trainable);
  const weightBytes = w.trainable * w.trainedBytes.weights + frozen * w.frozenWeightBytes;
  // Weights are read in the forward and again for the activation gradients (and by the recompute); gradients are
  // accumulated in place.
  const passes = 2 + (w.checkpointing ? 1 : 0);
  const gradientBytes = w.trainable * w.trainedBytes.gradients;
  const activationBytes = 2 * (w.activationBytesPerExample ?? 0) * side.microBatch;
  const microBatchBytes = passes * weightBytes + 2 * gradientBytes + activationBytes;
  // Adam-style updates read and write every state of every trained weight once.
  const stateBytes = w.trainable * (w.trainedBytes.weights + w.trainedBytes.gradients + w.trainedBytes.optimizer);
  const optimizerBytes = (2 * stateBytes) / (w.zeroStage >= 1 ? n : 1);
  const at = (u: number) =>
    rooflineStepTime({
      flops,
      microBatches: side.accumulation,
      peakFlops: peak.flops,
      utilization: u,
      bandwidthBytesPerSecond: w.gpu.bandwidthBytesPerSecond,
      microBatchBytes,
      optimizerBytes,
      sync: {
        devices: n,
        gradientBytes,
        shardedWeightBytes: w.zeroStage >= 3 ? weightBytes : 0,
        linkBytesPerSecond: linkBytesPerSecond(w.gpu),
      },
    });
  const roofline = at(utilization.value);
  return {
    value: roofline.seconds,
    low: at(utilization.high).seconds,
    high: at(utilization.low).seconds,
    roofline,
    utilization,
    flops,
    peak,
  };
}
