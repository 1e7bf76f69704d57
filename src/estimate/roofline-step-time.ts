import { gradientSyncTime, type SyncTime } from "./gradient-sync-time.js";
import type { MicroBatchFlops } from "./step-flops.js";

export interface RooflineInput {
  /** FLOPs of one micro-batch on one device. */
  flops: MicroBatchFlops;
  /** Micro-batches per optimizer step (gradient accumulation). */
  microBatches: number;
  /** Dense peak at the training precision, FLOP/s. */
  peakFlops: number;
  /** Achievable share of that peak (from published utilization). */
  utilization: number;
  bandwidthBytesPerSecond: number;
  /** Bytes one micro-batch must move through memory however fast the arithmetic is. */
  microBatchBytes: number;
  /** Bytes the optimizer update reads and writes once per step. */
  optimizerBytes: number;
  sync: { devices: number; gradientBytes: number; shardedWeightBytes: number; linkBytesPerSecond: number };
}

export interface RooflineStepTime {
  /** Seconds per optimizer step on one device. */
  seconds: number;
  /** Per micro-batch: arithmetic at the achievable utilization, and the memory floor. */
  computeSeconds: number;
  memorySeconds: number;
  /** Which of the two set the micro-batch's time. */
  bound: "compute" | "memory";
  optimizerSeconds: number;
  sync: SyncTime;
  /** Model FLOPs per step ÷ (step time × peak): the utilization this prediction implies. */
  modelFlopsUtilization: number;
}

/**
 * One optimizer step on one device: each micro-batch takes the longer of its arithmetic (hardware
 * FLOPs at the achievable share of the peak) and its memory traffic at the GPU's bandwidth
 * (Williams et al. 2009, "Roofline"); then the optimizer update, bandwidth-bound; then whatever
 * gradient exchange the backward pass could not hide.
 * @example rooflineStepTime({ flops, microBatches: 2, peakFlops: 312e12, utilization: 0.55, bandwidthBytesPerSecond:
 * 2.04e12, microBatchBytes: 4e9, optimizerBytes: 8e9, sync }).seconds
 */
export function rooflineStepTime(input: RooflineInput): RooflineStepTime {
  const computeSeconds = input.flops.hardware / (input.utilization * input.peakFlops);
  const memorySeconds = input.microBatchBytes / input.bandwidthBytesPerSecond;
  const microBatchSeconds = Math.max(computeSeconds, memorySeconds);
  const backwardShare =
    (input.flops.backwardActivations + input.flops.backwardWeights + input.flops.recompute) / input.flops.hardware;
  const optimizerSeconds = input.optimizerBytes / input.bandwidthBytesPerSecond;
  const sync = gradientSyncTime({
    ...input.sync,
    backwardSeconds: microBatchSeconds * backwardShare,
    microBatchSeconds,
    microBatches: input.microBatches,
  });
  const seconds = input.microBatches * microBatchSeconds + optimizerSeconds + sync.exposed;
  return {
    seconds,
    computeSeconds,
    memorySeconds,
    bound: computeSeconds >= memorySeconds ? "compute" : "memory",
    optimizerSeconds,
    sync,
    modelFlopsUtilization: (input.flops.model * input.microBatches) / (seconds * input.peakFlops),
  };
}
