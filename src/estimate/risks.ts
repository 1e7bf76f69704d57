import type { BotConfig } from "../config/schema.js";
import type { UnknownPart } from "../detect/reason.js";
import type { Measurements } from "../proxy/types.js";
import type { ConvergenceEstimate, MemoryEstimate, Risk, ScheduleAdvice, SpeedEstimate } from "./types.js";

export interface RiskInput {
  /** Unknown parts of the effective batch on either side (BatchChange.unknown). */
  unknown: UnknownPart[];
  microBatch: { before: number | null; after: number | null };
  convergence?: ConvergenceEstimate;
  memory: MemoryEstimate;
  speed?: SpeedEstimate;
  measurements?: Measurements;
  schedule?: ScheduleAdvice;
  /** The model normalises with BatchNorm (a catalogue fact), so its statistics follow the per-device batch. */
  batchNorm?: boolean;
  thresholds: BotConfig["thresholds"];
}

/**
 * A noise scale taken before the loss has fallen this far (fraction of the initial loss) can be
 * an order of magnitude too small (McCandlish et al. 2018, §3.1: it grows ≥10× over a run).
 */
const EARLY_LOSS_DROP = 0.3;

/** Wu & He 2018, Fig. 1: BatchNorm's error grows quickly below 16 images per device. */
const BATCH_NORM_SMALL = 16;

/**
 * What could go wrong with the new batch, each flag with its level and source.
 * @example risks({ convergence: { marks: { before: 512, after: 4096 }, bCrit: { value: 900 } }, … })
 *   // [{ id: "past-critical-batch", level: "warn", … }, { id: "generalisation-gap", level: "info", … }]
 */
export function risks(input: RiskInput): Risk[] {
  const out: Risk[] = [];
  const { convergence: c, thresholds } = input;
  // Against a stand-in task's B_crit the user's batch has no known regime (convergence-sources.ts).
  if (
    c &&
    c.basis !== "stand-in" &&
    c.marks.after > c.marks.before &&
    c.marks.after > thresholds.largeBatchFactor * c.bCrit.value
  ) {
    const times = c.marks.after / c.bCrit.value;
    out.push({
      id: "past-critical-batch",
      level: "warn",
      source: "McCandlish et al. 2018",
      params: {
        times: Number(times.toFixed(1)),
        examples: Number(c.examplesRatio.value.toFixed(2)),
        steps: Number((1 / c.stepsRatio.value).toFixed(2)),
      },
    });
    out.push({
      id: "generalisation-gap",
      level: "info",
      source: "Keskar et al. 2017",
    });
  }
  const { before, after } = input.microBatch;
  if (after !== null && after <= thresholds.smallBatch && (before === null || after < before)) {
    out.push({
      id: "very-small-batch",
      level: "info",
      source: "Masters & Luschi 2018",
      params: { micro: after },
    });
  }
  if (input.batchNorm && before !== null && after !== null && before !== after) {
    // BatchNorm normalises over each device's micro-batch, not the effective batch; Wu & He 2018
    // (Group Normalization, Fig. 1) measured ResNet-50's ImageNet error rising as it falls below 16.
    const small = after < BATCH_NORM_SMALL;
    out.push({
      id: "batchnorm-statistics",
      level: small ? "warn" : "info",
      source: "Wu & He 2018",
      params: { before, after, small: small ? 1 : 0, threshold: BATCH_NORM_SMALL },
    });
  }
  const budget = input.memory.budget;
  if (budget && (budget.status === "warn" || budget.status === "error")) {
    out.push({ id: "over-budget", level: budget.status, params: budget.message.params });
  }
  if (input.unknown.length) {
    out.push({
      id: "unknown-batch-parts",
      level: "warn",
      // The report names the parts, in the reader's words, beside this note.
      params: { count: input.unknown.length },
    });
  }
  const m = input.measurements;
  if (!m) {
    out.push({ id: "proxy-missing", level: "info" });
  } else {
    if (m.partial) {
      // The proxy's reason is its log line: "How this was measured" quotes it; the risk only says the run is partial.
      out.push({ id: "proxy-partial", level: "warn" });
    }
    const noise = m.noise;
    if (
      noise &&
      c?.source === "noise-scale" &&
      noise.initialLoss > 0 &&
      (noise.initialLoss - noise.atLoss) / noise.initialLoss < EARLY_LOSS_DROP
    ) {
      out.push({
        id: "noise-scale-early",
        level: "warn",
        source: "McCandlish et al. 2018",
        params: { atLoss: Number(noise.atLoss.toPrecision(3)), initialLoss: Number(noise.initialLoss.toPrecision(3)) },
      });
    }
  }
  const unscaled = input.schedule?.leftUnscaled;
  if (unscaled?.length && input.schedule) {
    // A schedule counted in steps that stays put while the batch changes trains on ×k the
    // examples and moves every decay point to a different place in training (Goyal et al. 2017
    // rescale their milestones with the batch).
    out.push({
      id: "schedule-unscaled",
      level: "warn",
      source: "Goyal et al. 2017",
      params: { keys: unscaled.join(", "), list: String(input.schedule.message.params?.list ?? unscaled.join(", ")) },
    });
  }
  return out;
}
