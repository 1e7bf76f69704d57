// The step-time model against published measured throughput: for every run of speed-model-rows.ts,
// the predicted optimizer step time on that GPU beside the measured one (tokens per step per GPU ÷
// measured tokens per second per GPU). Pure arithmetic, no training: runs in milliseconds.
import { writeFileSync } from "node:fs";
import { gpuStepTime } from "../src/estimate/gpu-step-time.js";
import { trainedBytes } from "../src/estimate/model-states.js";
import type { SpeedWorkload } from "../src/estimate/speed-workload.js";
import { matmulParameters } from "../src/estimate/step-flops.js";
import { findGpu } from "../src/workload/catalogue/find-gpu.js";
import { median } from "./machine.js";
import { PUBLISHED_RUNS, type PublishedRun } from "./speed-model-rows.js";

/** The accuracy goal of issue 11: median error of the predicted step time. */
export const MEDIAN_ERROR_GOAL = 0.2;

export interface SpeedModelRow {
  name: string;
  gpu: string;
  gpuNote?: string;
  seqLen: number;
  microBatch: number;
  accumulation: number;
  devices: number;
  checkpointing: boolean;
  measuredSeconds: number;
  predictedSeconds: number;
  predictedLow: number;
  predictedHigh: number;
  /** |predicted − measured| ÷ measured. */
  error: number;
  /** measured ÷ predicted: above 1 the model is optimistic. */
  measuredOverPredicted: number;
  withinInterval: boolean;
  measuredTokensPerSecondPerGpu: number;
  predictedTokensPerSecondPerGpu: number;
  source: string;
  url: string;
}

function workloadOf(run: PublishedRun): SpeedWorkload {
  const found = findGpu(run.gpu);
  if ("unknown" in found) throw new Error(`bench row ${run.name}: ${run.gpu} is not in the GPU catalogue`);
  const m = run.model;
  return {
    gpu: found,
    precision: "mixed",
    network: {
      kind: "transformer",
      matmulParameters: matmulParameters(m),
      trainableMatmulParameters: matmulParameters(m),
      layers: m.layers,
      attentionWidth: m.hidden,
      seqLen: run.seqLen,
    },
    hidden: m.hidden,
    checkpointing: run.checkpointing,
    parameters: m.parameters,
    frozenWeightBytes: 2,
    trainable: m.parameters,
    trainedBytes: trainedBytes("adamw", "mixed"),
    zeroStage: run.sharding === "fsdp" ? 3 : 0,
    activationBytesPerExample: 34 * run.seqLen * m.hidden * m.layers,
    from: run.source,
  };
}

/**
 * Every published run, predicted and compared (no file written).
 * @example speedModelComparison().medianError // ≤ 0.2
 */
export function speedModelComparison() {
  const rows: SpeedModelRow[] = PUBLISHED_RUNS.map((run) => {
    const t = gpuStepTime(workloadOf(run), {
      microBatch: run.microBatch,
      accumulation: run.accumulation,
      devices: run.devices,
    });
    const tokensPerStep = run.microBatch * run.accumulation * run.seqLen;
    const measuredSeconds = tokensPerStep / run.tokensPerSecondPerGpu;
    return {
      name: run.name,
      gpu: run.gpu,
      ...(run.gpuNote ? { gpuNote: run.gpuNote } : {}),
      seqLen: run.seqLen,
      microBatch: run.microBatch,
      accumulation: run.accumulation,
      devices: run.devices,
      checkpointing: run.checkpointing,
      measuredSeconds,
      predictedSeconds: t.value,
      predictedLow: t.low,
      predictedHigh: t.high,
      error: Math.abs(t.value - measuredSeconds) / measuredSeconds,
      measuredOverPredicted: measuredSeconds / t.value,
      withinInterval: measuredSeconds >= t.low && measuredSeconds <= t.high,
      measuredTokensPerSecondPerGpu: run.tokensPerSecondPerGpu,
      predictedTokensPerSecondPerGpu: tokensPerStep / t.value,
      source: run.source,
      url: run.url,
    };
  });
  const result = {
    generatedBy: "npm run bench -- --only=speed-model",
    about:
      "Predicted optimizer step time (src/estimate/gpu-step-time.ts) against " +
      "published measured throughput; no row is an anchor of the utilization curve.",
    rows,
    medianError: median(rows.map((r) => r.error)),
    maxError: Math.max(...rows.map((r) => r.error)),
    withinInterval: rows.filter((r) => r.withinInterval).length,
    goal: { medianError: MEDIAN_ERROR_GOAL },
  };
  return result;
}

/** The comparison, written to bench/results/speed-model.json. */
export async function benchSpeedModel() {
  const result = speedModelComparison();
  writeFileSync(new URL("./results/speed-model.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export function summariseSpeedModel(r: ReturnType<typeof speedModelComparison>): string {
  return (
    `median step-time error ${(100 * r.medianError).toFixed(1)} % ` +
    `over ${r.rows.length} published runs (goal ≤ ${100 * MEDIAN_ERROR_GOAL} ` +
    `%), ${r.withinInterval} inside the interval`
  );
}
