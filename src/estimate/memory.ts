import type { MemoryBudget } from "../config/schema.js";
import type { MemoryMeasurement } from "../proxy/types.js";
import { analyticalMemory, type AnalyticalInput } from "./analytical-memory.js";
import { checkBudget } from "./budget.js";
import { calibrate } from "./calibration.js";
import { proxyMemory, proxyPeak } from "./memory-proxy.js";
import { combine, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { MemoryEstimate, Note } from "./types.js";

export interface MemoryInput {
  /** The proxy's memory measurement and the proxy batches matching the old and new micro batch. */
  proxy?: { memory: MemoryMeasurement; batch: { before: number; after: number } };
  /** The real model's description; `microBatch` is the per-device batch on each side. */
  model: AnalyticalInput;
  /** Devices on the old side when the change moves the device count (ZeRO shards over them). */
  devicesBefore?: number;
  calibration?: { batch: number; peakBytes: number };
  budget?: { budget: MemoryBudget; level: "warn" | "error"; margin: number };
}

/**
 * Peak memory per device at the old and new batch from every source that applies — the proxy's
 * fit, the analytical model, the calibration point — with the best one as the headline
 * (calibration, then analytical, then only the proxy's ratio), checked against the budget.
 * @example estimateMemory({ model, calibration: { batch: 32, peakBytes: 18 * 2 ** 30 }, budget }).peak.after
 */
export function estimateMemory(input: MemoryInput): MemoryEstimate {
  const notes: Note[] = [];
  const { microBatch } = input.model;
  const estimate: MemoryEstimate = { peak: { basis: "none" }, notes };
  if (input.proxy) estimate.proxy = proxyMemory(input.proxy.memory, input.proxy.batch);

  const model = analyticalMemory(input.model);
  if (model) {
    estimate.model = model;
    if (input.devicesBefore !== undefined && input.devicesBefore !== input.model.devices && input.model.zeroStage > 0) {
      const before = analyticalMemory({ ...input.model, devices: input.devicesBefore });
      if (before?.before) model.before = before.before;
    }
  }

  if (input.calibration) {
    const { batch, peakBytes } = input.calibration;
    let proxyBatchShare: number | undefined;
    if (input.proxy) {
      const { memory, batch: pb } = input.proxy;
      // The proxy batch that stands for the calibration batch, on the same scale as the old one.
      const scale = microBatch.before ? pb.before / microBatch.before : 1;
      const at = batch * scale;
      const peak = proxyPeak(memory, at);
      proxyBatchShare = peak > 0 ? Math.max(0, memory.forwardBackwardFit.slope * at) / peak : undefined;
    }
    estimate.calibrated = calibrate({ batch, peakBytes, perExampleBytes: model?.activationsPerExample?.value, proxyBatchShare, microBatch });
  }

  const pick = estimate.calibrated?.before && estimate.calibrated.after ? { ...estimate.calibrated, basis: "calibration" as const }
    : model?.before && model.after ? { before: model.before, after: model.after, basis: "analytical" as const }
    : undefined;
  if (pick?.before && pick.after) {
    estimate.peak = { before: pick.before, after: pick.after, ratio: combine(pick.after, pick.before, { unit: "ratio", source: pick.after.source, divide: true }), basis: pick.basis };
  } else if (microBatch.before && microBatch.after && microBatch.before !== microBatch.after) {
    // Activations grow exactly with the per-device batch; the fixed part (weights, gradients,
    // optimizer states) does not, and its share is unknown without the model's size.
    const k = microBatch.after / microBatch.before;
    estimate.peak = { ratio: quantity(k, "ratio", SOURCES.activationBounds, { low: Math.min(1, k), high: Math.max(1, k) }), basis: "activations" };
    notes.push({ id: "memory-activations-only", text: `Without the model's size only bounds are known: peak memory per device grows between ×1 (if weights and optimizer states dominate) and ×${Number(k.toPrecision(3))} (if activations do); give model size hints or memory.calibration for bytes on your devices.`, params: { k: Number(k.toPrecision(3)) } });
  } else if (estimate.proxy) {
    estimate.peak = { ratio: estimate.proxy.ratio, basis: "proxy" };
    notes.push({ id: "memory-proxy-only", text: "Only the proxy's memory growth is known; give model size hints or memory.calibration for bytes on your devices." });
  }
  if (microBatch.before !== null && microBatch.before === microBatch.after) {
    notes.push({ id: "memory-micro-unchanged", text: `The per-device batch stays ${microBatch.after}: activation memory per device does not change.`, params: { micro: microBatch.after ?? "" } });
  }
  if (input.budget) {
    estimate.budget = checkBudget({ ...input.budget, after: estimate.peak.after, ratio: estimate.peak.ratio, batchLabel: `${microBatch.after ?? "?"} per device` });
  }
  return estimate;
}
