import type { MemoryBudget } from "../config/schema.js";
import type { MemoryMeasurement } from "../proxy/types.js";
import type { Workload } from "../workload/types.js";
import { analyticalMemory } from "./analytical-memory.js";
import { checkBudget, gpuBudget } from "./budget.js";
import { calibrate } from "./calibration.js";
import { maxBatchPerDevice } from "./max-batch.js";
import { proxyMemory, proxyPeak } from "./memory-proxy.js";
import { combine, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { CalibratedMemory, MemoryEstimate, Note, Quantity } from "./types.js";

/**
 * A peak the user's own job measured (the measurements file its training writes). Nothing reads
 * that file yet: this is the seam it plugs into, and it wins over the calibration point and the model.
 */
export interface MeasuredPeak {
  /** Per-device batch the peak was measured at. */
  batch: number;
  peakBytes: number;
  /** Where it was read, e.g. "batch-advisor-measurements.json". */
  from: string;
}

export interface MemoryInput {
  /** The proxy's memory measurement and the proxy batches matching the old and new micro batch. */
  proxy?: { memory: MemoryMeasurement; batch: { before: number; after: number } };
  /** What each side trains (base and head); the base may be absent for a new file. */
  workload?: { before?: Workload; after: Workload };
  /** Per-device micro batch (examples/sequences) on each side. */
  microBatch: { before: number | null; after: number | null };
  /** The head's gradient accumulation, so the largest batch that fits can keep the effective batch. */
  accumulation?: number | null;
  calibration?: { batch: number; peakBytes: number };
  measured?: MeasuredPeak;
  /** `memory.budget`; without it a known GPU's memory less `reserve` is the budget. */
  budget?: { budget?: MemoryBudget; level: "warn" | "error"; margin: number; reserve?: { raw: string; bytes: number } };
}

/**
 * Peak memory per device at the old and new batch from every source that applies — a measured
 * peak, the calibration point, the analytical model of the workload, the proxy's fit — with the
 * best one as the headline, its parts, the budget check (on by default when the GPU or a budget is
 * known) and the largest per-device batch that fits.
 * @example estimateMemory({ workload: { after }, microBatch: { before: 8, after: 32 }, budget: { level: "warn", margin:
 * 0.05 } }).maxBatchPerDevice?.value
 */
export function estimateMemory(input: MemoryInput): MemoryEstimate {
  const notes: Note[] = [];
  const { microBatch } = input;
  const estimate: MemoryEstimate = { peak: { basis: "none" }, notes };
  if (input.proxy) estimate.proxy = proxyMemory(input.proxy.memory, input.proxy.batch);

  const analytical = input.workload
    ? analyticalMemory({ before: input.workload.before, after: input.workload.after, microBatch })
    : undefined;
  if (analytical) {
    estimate.model = analytical.model;
    estimate.parts = analytical.parts;
    notes.push(...analytical.notes);
  } else if (input.workload) {
    notes.push(unknownModelNote(input.workload.after));
  }
  const perExample = analytical?.line.perExample?.value;

  if (input.calibration)
    estimate.calibrated = calibrate({
      ...input.calibration,
      perExampleBytes: perExample,
      proxyBatchShare: proxyShare(input, input.calibration.batch),
      microBatch,
    });
  const measured = input.measured
    ? calibrate({
        batch: input.measured.batch,
        peakBytes: input.measured.peakBytes,
        perExampleBytes: perExample,
        proxyBatchShare: proxyShare(input, input.measured.batch),
        microBatch,
      })
    : undefined;

  const line = pickLine({ measured, calibrated: estimate.calibrated, analytical });
  if (line?.before && line.after) {
    estimate.peak = {
      before: line.before,
      after: line.after,
      ratio: combine(line.after, line.before, { unit: "ratio", source: line.after.source, divide: true }),
      basis: line.basis,
    };
  } else if (microBatch.before && microBatch.after && microBatch.before !== microBatch.after) {
    // Activations grow exactly with the per-device batch; the fixed part (weights, gradients,
    // optimizer states) does not, and its share is unknown without the model's size.
    const k = microBatch.after / microBatch.before;
    estimate.peak = {
      ratio: quantity(k, "ratio", SOURCES.activationBounds, { low: Math.min(1, k), high: Math.max(1, k) }),
      basis: "activations",
    };
    notes.push({ id: "memory-activations-only", params: { k: Number(k.toPrecision(3)) } });
  } else if (estimate.proxy) {
    estimate.peak = { ratio: estimate.proxy.ratio, basis: "proxy" };
    notes.push({ id: "memory-proxy-only" });
  }
  if (microBatch.before !== null && microBatch.before === microBatch.after) {
    notes.push({ id: "memory-micro-unchanged", params: { micro: microBatch.after ?? "?" } });
  }

  const budget = resolveBudget(input);
  if (budget) {
    estimate.budget = checkBudget({
      budget: budget.budget,
      level: input.budget!.level,
      margin: input.budget!.margin,
      key: budget.key,
      after: estimate.peak.after,
      ratio: estimate.peak.ratio,
      batch: microBatch.after,
    });
    if (budget.budget.kind === "absolute" && line?.fixed !== undefined && line.perExample !== undefined) {
      const max = maxBatchPerDevice({
        fixedBytes: line.fixed,
        perExampleBytes: line.perExample,
        budget: { bytes: budget.budget.value, from: `${budget.key}: ${budget.budget.raw}` },
        micro: microBatch.after,
        accumulation: input.accumulation ?? null,
        ...(line.high ? { high: { fixedBytes: line.high.fixed, perExampleBytes: line.high.perExample } } : {}),
      });
      if (max) {
        estimate.maxBatchPerDevice = max;
        notes.push(maxBatchNote(max, budget.budget.raw, microBatch.after));
      }
    }
  }
  return estimate;
}

type Line = {
  before?: Quantity;
  after?: Quantity;
  basis: "measured" | "calibration" | "analytical";
  fixed?: number;
  perExample?: number;
  /** The same line at the top of its interval, when the model gives one. */
  high?: { fixed: number; perExample: number };
};

/** A measured peak, then the calibration point, then the analytical model. */
function pickLine(o: {
  measured?: CalibratedMemory;
  calibrated?: CalibratedMemory;
  analytical?: ReturnType<typeof analyticalMemory>;
}): Line | undefined {
  const fromCalibration = (c: CalibratedMemory, basis: "measured" | "calibration"): Line => ({
    before: c.before && (basis === "measured" ? { ...c.before, source: SOURCES.measuredPeak } : c.before),
    after: c.after && (basis === "measured" ? { ...c.after, source: SOURCES.measuredPeak } : c.after),
    basis,
    fixed: c.fixedBytes.value,
    perExample: c.perExampleBytes.value,
  });
  if (o.measured?.before && o.measured.after) return fromCalibration(o.measured, "measured");
  if (o.calibrated?.before && o.calibrated.after) return fromCalibration(o.calibrated, "calibration");
  const a = o.analytical;
  if (a?.model.before && a.model.after)
    return {
      before: a.model.before,
      after: a.model.after,
      basis: "analytical",
      fixed: a.line.fixed.value,
      perExample: a.line.perExample?.value,
      ...(a.line.perExample?.high !== undefined && a.line.fixed.high !== undefined
        ? { high: { fixed: a.line.fixed.high, perExample: a.line.perExample.high } }
        : {}),
    };
  return undefined;
}

/** Share of the proxy's peak that grows with the batch at the proxy batch standing for `batch`. */
function proxyShare(input: MemoryInput, batch: number): number | undefined {
  if (!input.proxy) return undefined;
  const { memory, batch: pb } = input.proxy;
  const scale = input.microBatch.before ? pb.before / input.microBatch.before : 1;
  const at = batch * scale;
  const peak = proxyPeak(memory, at);
  return peak > 0 ? Math.max(0, memory.forwardBackwardFit.slope * at) / peak : undefined;
}

/** `memory.budget` as written, else the GPU's memory less the reserve: the check runs whenever either is known. */
function resolveBudget(
  input: MemoryInput,
): { budget: MemoryBudget; key: "memory.budget" | "hardware.gpu" } | undefined {
  if (!input.budget) return undefined;
  if (input.budget.budget) return { budget: input.budget.budget, key: "memory.budget" };
  const gpu = input.workload?.after.gpu.value;
  return gpu ? { budget: gpuBudget(gpu, input.budget.reserve), key: "hardware.gpu" } : undefined;
}

function unknownModelNote(w: Workload): Note {
  const source = w.model.source;
  // The workload's reason is its own wording; the comment says the same in the reader's language, with the names to
  // try.
  const closest = source.kind === "unknown" ? (source.closest ?? []) : [];
  return closest.length
    ? { id: "memory-model-unknown", params: { closest: closest.join(", ") } }
    : { id: "memory-model-unnamed" };
}

function maxBatchNote(
  max: NonNullable<MemoryEstimate["maxBatchPerDevice"]>,
  budget: string,
  micro: number | null,
): Note {
  if (max.value === 0) return { id: "memory-max-batch-none", params: { budget } };
  if (max.accumulation) {
    const { micro: m, accumulation } = max.accumulation;
    return { id: "memory-max-batch-split", params: { max: max.value, budget, micro: m, accumulation } };
  }
  return { id: "memory-max-batch", params: { max: max.value, budget, micro: micro ?? "?" } };
}
