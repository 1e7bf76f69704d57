import type { MeasuredRun, MeasurementsFile } from "../measurements/schema.js";
import type { StepShape } from "./gpu-step-time.js";

/** A step time the user's job measured for one side of the change. */
export interface MeasuredStep {
  seconds: number;
  run: MeasuredRun;
  /** Set when the run's accumulation differs and its step time was scaled to this side's. */
  scaledFrom?: number;
}

/**
 * The run of a measurements file that covers one side: the same per-device micro-batch (and
 * sequence length, when both say), preferring the same accumulation. A run at another accumulation
 * is scaled by the ratio of micro-batches per step: the optimizer update is a small share of a step
 * that accumulates (see docs/measurements.md).
 * @example measuredStep(file, { microBatch: 32, accumulation: 1, devices: 4 }, 2048)?.seconds
 */
export function measuredStep(
  file: MeasurementsFile | undefined,
  side: StepShape,
  seqLen?: number,
): MeasuredStep | undefined {
  if (!file) return undefined;
  const candidates = file.runs.filter(
    (r) => r.microBatch === side.microBatch && (r.seqLen === undefined || seqLen === undefined || r.seqLen === seqLen),
  );
  const exact = candidates.find((r) => r.accumulation === side.accumulation);
  if (exact) return { seconds: exact.stepSeconds, run: exact };
  const other = candidates[0];
  if (!other) return undefined;
  return {
    seconds: (other.stepSeconds * side.accumulation) / other.accumulation,
    run: other,
    scaledFrom: other.accumulation,
  };
}

/** The largest peak memory the file measured at a per-device micro-batch, for the memory estimate. */
export function measuredPeak(file: MeasurementsFile | undefined): { batch: number; peakBytes: number } | undefined {
  const run = file?.runs.filter((r) => r.peakMemoryBytes !== undefined).sort((a, b) => b.microBatch - a.microBatch)[0];
  return run ? { batch: run.microBatch, peakBytes: run.peakMemoryBytes! } : undefined;
}
