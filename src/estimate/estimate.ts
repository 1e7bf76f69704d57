import type { BotConfig } from "../config/schema.js";
import type { BatchChange, FileReport } from "../detect/types.js";
import type { Measurements } from "../proxy/types.js";
import { changeContext } from "./change-context.js";
import { convergenceFromSources } from "./convergence-sources.js";
import { learningRateAdvice } from "./learning-rate.js";
import { buildWorkload } from "../workload/read-workload.js";
import type { Workload } from "../workload/types.js";
import { findModel } from "../workload/catalogue/find-model.js";
import { estimateMemory, type MeasuredPeak } from "./memory.js";
import { workloadNote } from "./workload-notes.js";
import { markUncertain, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import { risks } from "./risks.js";
import { scheduleAdvice } from "./schedule.js";
import { estimateSpeed, speedProblem } from "./speed.js";
import { addWallTime, stepTimeLine } from "./gpu-speed.js";
import { measuredPeak } from "./measured-speed.js";
import { speedForChange } from "./speed-for-change.js";
import type { MeasurementsFile } from "../measurements/schema.js";
import type { Estimate } from "./types.js";
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
  /** What each side trains (src/workload); without it, only the bot config's hints and `modelConfig` describe the
   * model.
   * */
  workload?: { before?: Workload; after: Workload };
  /** A peak the user's job measured; wins over the calibration point and the model. */
  measured?: MeasuredPeak;
  /** The user's measurements file (docs/measurements.md), checked: the most trusted source for step time and peak
   * memory. */
  userMeasurements?: { file: MeasurementsFile; from: string };
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
  const speedInput =
    m && proxyBefore && proxyAfter
      ? { steps: m.steps, backend: m.backend.name, before: proxyBefore, after: proxyAfter }
      : undefined;
  // The proxy's own timings are no speed claim: at most a check of the GPU curve's shape.
  const proxySpeed = speedInput && estimateSpeed(speedInput);

  const { before: microBefore, after: microAfter } = ctx.microBatch;
  const memoryProxyAfter =
    proxyBefore && microBefore && microAfter ? (proxyBefore * microAfter) / microBefore : proxyAfter;
  const workload = input.workload ?? { after: hintWorkload(input) };
  const memory = estimateMemory({
    proxy:
      m && proxyBefore && memoryProxyAfter
        ? { memory: m.memory, batch: { before: proxyBefore, after: memoryProxyAfter } }
        : undefined,
    workload,
    microBatch: ctx.microBatch,
    accumulation: file.effective.parts.accum,
    calibration: config.memory.calibration
      ? { batch: config.memory.calibration.batch, peakBytes: config.memory.calibration.peak.bytes }
      : undefined,
    measured: input.measured ?? userPeak(input.userMeasurements),
    budget: {
      budget: config.memory.budget,
      level: config.memory.level,
      margin: config.thresholds.memoryMargin,
      reserve: config.hardware.reserve,
    },
  });
  memory.notes.push(...workload.after.issues.map(workloadNote));
  memory.notes.push(
    ...ctx.notes.filter(
      (n) =>
        (n.id === "devices-assumed" || n.id === "seq-len-assumed") &&
        !memory.notes.some(
          (x) =>
            x.id === n.id ||
            x.id === "memory-assumed-devices" ||
            // Memory sized nothing from an assumed length: saying it assumed one would contradict it.
            (n.id === "seq-len-assumed" && x.id === "seq-len-unknown"),
        ),
    ),
  );
  const inputNotes = ctx.notes.filter((n) => n.id === "ratio-from-setting");
  // Timings that cannot be a speed (a step time falling with the batch, ≤ 0, a ratio past 1000×) are said, not printed.
  const speedRejected = speedInput?.backend === "tensorflow-gpu" && speedProblem(speedInput);
  if (speedRejected) inputNotes.push(speedRejected);
  const gpuSpeed = speedForChange({
    change,
    file,
    baseFile: input.baseFile,
    config,
    ctx,
    workload,
    measurements: input.userMeasurements,
    proxy: proxySpeed,
  });
  const speed = gpuSpeed.speed;
  inputNotes.push(...gpuSpeed.notes);
  const convergence = convergenceFromSources({
    user: { unit: file.effective.unit, before: change.effective.before, after: change.effective.after },
    own: config.convergence,
    proxy:
      m && proxyBefore && proxyAfter
        ? {
            m,
            before: proxyBefore,
            after: proxyAfter,
            ...(speed ? { speed: stepTimeLine(speed, { before: proxyBefore, after: proxyAfter }) } : {}),
          }
        : undefined,
    loss: config.model.loss,
    tokens: ctx.tokens,
    fineTuning: isFineTuning(workload.after),
  });
  if (convergence) convergence.largeBatchFactor = config.thresholds.largeBatchFactor;
  // An unchanged effective batch makes the same updates: whatever B_crit is, the steps and examples
  // to a loss stay as they were, exactly, even when the devices (and so the batch itself) are unknown.
  if (convergence && change.effective.ratio !== null && Math.abs(change.effective.ratio - 1) < 1e-9) {
    convergence.stepsRatio = quantity(1, "ratio", SOURCES.sameEffectiveBatch);
    convergence.examplesRatio = quantity(1, "ratio", SOURCES.sameEffectiveBatch);
  }
  if (!convergence && m?.noise && !resolved(m.noise.bSimple) && !m.criticalBatch) {
    inputNotes.push({ id: "noise-unresolved", params: { loss: round(m.noise.atLoss) } });
  }

  const learningRate = learningRateAdvice({
    framework: file.framework,
    role: change.role,
    k,
    learningRate: change.learningRate,
    settings: file.settings,
    optimizer: workload.after.optimizer,
    // A stand-in task's B_crit says too little about this one to cap the rule with it.
    critical:
      convergence && convergence.basis !== "stand-in"
        ? {
            bCrit: convergence.bCrit.value,
            low: convergence.bCrit.low,
            high: convergence.bCrit.high,
            before: convergence.marks.before,
            after: convergence.marks.after,
          }
        : undefined,
  });
  if (speed && convergence) addWallTime(speed, convergence.stepsRatio);
  const schedule = scheduleAdvice({
    settings: file.settings,
    baseSettings: input.baseFile?.settings,
    k,
    stepsRatio: convergence?.stepsRatio.value,
  });
  const partial: Omit<Estimate, "verdict"> = {
    change: {
      path: change.path,
      line: change.line,
      key: change.key,
      role: change.role,
      framework: change.framework,
      before: change.before,
      after: change.after,
    },
    batch: { before: change.effective.before, after: change.effective.after, ratio: k, unit: file.effective.unit },
    ...(speed ? { speed } : {}),
    memory,
    ...(convergence ? { convergence } : {}),
    learningRate,
    schedule,
    risks: risks({
      unknown: change.unknown,
      microBatch: ctx.microBatch,
      convergence,
      memory,
      speed,
      measurements: m,
      schedule,
      batchNorm: usesBatchNorm(workload.after),
      thresholds: config.thresholds,
    }),
    ...(inputNotes.length ? { notes: inputNotes } : {}),
    ...(input.workload ? { workload: input.workload.after } : {}),
  };
  markUncertain(partial, config.thresholds.uncertainRatio);
  return { ...partial, verdict: verdict(partial) };
}

/**
 * For callers that read no workload: the bot config's `model:` hints and a parsed config.json
 * (`modelConfig`) as the model, the file's own settings for the rest.
 */
function hintWorkload(input: EstimateInput): Workload {
  const path = input.config.model.configJson ?? "model.configJson";
  const files = new Map<string, string | null>(
    input.modelConfig === undefined ? [] : [[path, JSON.stringify(input.modelConfig)]],
  );
  const config =
    input.modelConfig === undefined
      ? input.config
      : { ...input.config, model: { ...input.config.model, configJson: path } };
  return buildWorkload({ file: input.file, entries: [], config, files });
}

/** The peak at the largest per-device batch the user's measurements file gives one for. */
function userPeak(m: EstimateInput["userMeasurements"]): MeasuredPeak | undefined {
  const peak = measuredPeak(m?.file);
  return peak && m ? { ...peak, from: m.from } : undefined;
}

/** A catalogue fact: vision entries say whether they normalise with BatchNorm. */
function usesBatchNorm(workload: Workload): boolean {
  const id = workload.model.value?.id;
  if (!id || workload.model.value?.kind !== "vision") return false;
  const entry = findModel(id);
  return "hasBatchNorm" in entry && entry.hasBatchNorm === true;
}

/**
 * Training starts from pretrained weights: an adapter or frozen layers, or a catalogue model named
 * by the config (`model_name_or_path`, `base_model`, …), which frameworks load with its weights.
 */
function isFineTuning(workload: Workload): boolean {
  const method = workload.method.value;
  return (method !== null && method !== "full") || workload.model.source.kind === "catalogue";
}

/** The proxy reports B_simple = ∞ (null in JSON) when the mean gradient drowns in noise. */
function resolved(bSimple: number | null): boolean {
  return typeof bSimple === "number" && Number.isFinite(bSimple) && bSimple > 0;
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}
