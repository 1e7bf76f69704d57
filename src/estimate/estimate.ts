import type { BotConfig } from "../config/schema.js";
import type { BatchChange, FileReport } from "../detect/types.js";
import type { Measurements } from "../proxy/types.js";
import { changeContext } from "./change-context.js";
import { estimateConvergence } from "./convergence.js";
import { criticalFromDirect, criticalFromNoise, kaplanCriticalBatch } from "./critical-batch.js";
import { learningRateAdvice } from "./learning-rate.js";
import { buildWorkload } from "../workload/read-workload.js";
import type { Workload } from "../workload/types.js";
import { estimateMemory, type MeasuredPeak } from "./memory.js";
import { workloadNote } from "./workload-notes.js";
import { markUncertain, quantity } from "./quantity.js";
import { risks } from "./risks.js";
import { scheduleAdvice } from "./schedule.js";
import { SOURCES } from "./sources.js";
import { estimateSpeed, speedProblem } from "./speed.js";
import type { ConvergenceEstimate, Estimate } from "./types.js";
import { verdict } from "./verdict.js";

export interface EstimateInput {
  change: BatchChange;
  /** The file at head. */
  file: FileReport;
  /** The file at base: gives the old per-device batch and device count exactly. */
  baseFile?: FileReport;
  /** The proxy run for this change; absent when it did not run. */
  measurements?: Measurements;
  config: BotConfig;
  /** The parsed Hugging Face config.json named by `model.configJson`, when the caller read it. */
  modelConfig?: unknown;
  /** What each side trains (src/workload); without it, only the bot config's hints and `modelConfig` describe the model. */
  workload?: { before?: Workload; after: Workload };
  /** A peak the user's job measured; wins over the calibration point and the model. */
  measured?: MeasuredPeak;
}

/**
 * Every prediction for one batch change: speed, memory, convergence, learning rate, schedule,
 * risks and a one-line verdict. Pure: the caller does the reading and the proxy run.
 * The proxy's batches stand for the user's: the old one is the plan's, the new one keeps the
 * user's ratio k exactly (docs/estimates.md, "Mapping onto the proxy").
 * @example estimateChange({ change, file, measurements, config: defaultConfig() }).verdict.text
 */
export function estimateChange(input: EstimateInput): Estimate {
  const { change, file, measurements: m, config } = input;
  const ctx = changeContext(input);
  const { k } = ctx;

  const proxyBefore = m?.plan.batchSizes[0];
  const proxyAfter = m ? (k !== null ? proxyBefore! * k : m.plan.batchSizes[1]) : undefined;
  const speedInput = m && proxyBefore && proxyAfter ? { steps: m.steps, backend: m.backend.name, before: proxyBefore, after: proxyAfter } : undefined;
  const speed = speedInput && estimateSpeed(speedInput);

  const { before: microBefore, after: microAfter } = ctx.microBatch;
  const memoryProxyAfter = proxyBefore && microBefore && microAfter ? (proxyBefore * microAfter) / microBefore : proxyAfter;
  const workload = input.workload ?? { after: hintWorkload(input) };
  const memory = estimateMemory({
    proxy: m && proxyBefore && memoryProxyAfter ? { memory: m.memory, batch: { before: proxyBefore, after: memoryProxyAfter } } : undefined,
    workload,
    microBatch: ctx.microBatch,
    accumulation: file.effective.parts.accum,
    calibration: config.memory.calibration ? { batch: config.memory.calibration.batch, peakBytes: config.memory.calibration.peak.bytes } : undefined,
    measured: input.measured,
    budget: { budget: config.memory.budget, level: config.memory.level, margin: config.thresholds.memoryMargin, reserve: config.hardware.reserve },
  });
  memory.notes.push(...workload.after.issues.map(workloadNote));
  memory.notes.push(...ctx.notes.filter((n) => (n.id === "devices-assumed" || n.id === "seq-len-assumed") && !memory.notes.some((x) => x.id === n.id || x.id === "memory-assumed-devices")));
  const inputNotes = ctx.notes.filter((n) => n.id === "ratio-from-setting");
  // Timings that cannot be a speed (a step time falling with the batch, ≤ 0, a ratio past 1000×) are said, not printed.
  const speedRejected = speedInput && speedProblem(speedInput);
  if (speedRejected) inputNotes.push(speedRejected);
  if (m?.noise && !resolved(m.noise.bSimple) && !m.criticalBatch) {
    inputNotes.push({
      id: "noise-unresolved",
      text: `The proxy's gradients were all noise at loss ${round(m.noise.atLoss)} (|G|² not resolved), so no critical batch could be measured; steps and epochs to the same loss are not predicted.`,
      params: { loss: round(m.noise.atLoss) },
    });
  }

  const convergence = convergenceFor({ m, k, proxyBefore, proxyAfter, speed, ctx, loss: config.model.loss });
  const learningRate = learningRateAdvice({
    framework: file.framework,
    role: change.role,
    k,
    learningRate: change.learningRate,
    settings: file.settings,
    optimizerHint: config.model.optimizer,
    critical: convergence
      ? { bCrit: convergence.bCrit.value, low: convergence.bCrit.low, high: convergence.bCrit.high, before: convergence.marks.before, after: convergence.marks.after }
      : undefined,
  });
  const schedule = scheduleAdvice({ settings: file.settings, baseSettings: input.baseFile?.settings, k, stepsRatio: convergence?.stepsRatio.value });
  const partial: Omit<Estimate, "verdict"> = {
    change: { path: change.path, line: change.line, key: change.key, role: change.role, framework: change.framework, before: change.before, after: change.after },
    batch: { before: change.effective.before, after: change.effective.after, ratio: k, unit: file.effective.unit },
    ...(speed ? { speed } : {}),
    memory,
    ...(convergence ? { convergence } : {}),
    learningRate,
    schedule,
    risks: risks({ unknown: change.unknown, microBatch: ctx.microBatch, convergence, memory, speed, measurements: m, schedule, thresholds: config.thresholds }),
    ...(inputNotes.length ? { notes: inputNotes } : {}),
    ...(input.workload ? { workload: input.workload.after } : {}),
  };
  markUncertain(partial, config.thresholds.uncertainRatio);
  return { ...partial, verdict: verdict(partial) };
}

/**
 * B_crit from the direct measurement (preferred), else the noise scale, both on the proxy's
 * scale; Kaplan's B_crit(L) in tokens at the user's scale is the second opinion, or the only one.
 */
function convergenceFor(o: {
  m?: Measurements;
  k: number | null;
  proxyBefore?: number;
  proxyAfter?: number;
  speed?: ReturnType<typeof estimateSpeed>;
  ctx: ReturnType<typeof changeContext>;
  loss?: number;
}): ConvergenceEstimate | undefined {
  const { m, ctx, loss } = o;
  const kaplan = loss !== undefined ? { loss, ...(ctx.tokens ?? {}) } : undefined;
  const measured = m?.criticalBatch ? { q: criticalFromDirect(m.criticalBatch), source: "direct" as const } : m?.noise && resolved(m.noise.bSimple) ? { q: criticalFromNoise(m.noise), source: "noise-scale" as const } : undefined;
  if (measured && o.proxyBefore && o.proxyAfter) {
    const how = `proxy batch ${o.proxyBefore} stands for the old batch and ${round(o.proxyAfter)} for the new one, keeping the ratio ×${round(o.proxyAfter / o.proxyBefore)}`;
    const fit = o.speed?.fit;
    return estimateConvergence({
      bCrit: measured.q,
      source: measured.source,
      frame: { unit: "samples", before: o.proxyBefore, after: o.proxyAfter, how },
      speed: o.speed && fit ? { ratio: o.speed.stepTime.ratio, t0: fit.t0.value, t1: fit.t1.value } : undefined,
      kaplan,
    });
  }
  if (kaplan && ctx.tokens) {
    return estimateConvergence({
      bCrit: quantity(kaplanCriticalBatch(kaplan.loss), "tokens", SOURCES.kaplan),
      source: "kaplan",
      frame: { unit: "tokens", before: ctx.tokens.before, after: ctx.tokens.after, how: "your effective batch in tokens against Kaplan et al.'s B_crit(L), no proxy scaling" },
      kaplan,
    });
  }
  return undefined;
}

/**
 * For callers that read no workload: the bot config's `model:` hints and a parsed config.json
 * (`modelConfig`) as the model, the file's own settings for the rest.
 */
function hintWorkload(input: EstimateInput): Workload {
  const path = input.config.model.configJson ?? "model.configJson";
  const files = new Map<string, string | null>(input.modelConfig === undefined ? [] : [[path, JSON.stringify(input.modelConfig)]]);
  const config = input.modelConfig === undefined ? input.config : { ...input.config, model: { ...input.config.model, configJson: path } };
  return buildWorkload({ file: input.file, entries: [], config, files });
}

/** The proxy reports B_simple = ∞ (null in JSON) when the mean gradient drowns in noise. */
function resolved(bSimple: number | null): boolean {
  return typeof bSimple === "number" && Number.isFinite(bSimple) && bSimple > 0;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
