import { standardDeviation } from "simple-statistics";
import { fitLine } from "../util/fit-line.js";
import type { BackendName, LinearFit, StepTiming } from "../proxy/types.js";
import { combine, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { Note, Quantity } from "./types.js";

export interface StepTimeFit {
  t0: number;
  t1: number;
  r2: number;
  /** Spread of the residuals (ms); 0 with two points. */
  residualMs: number;
  /** The same fit through the p10 and p90 step times: the band the interval comes from. */
  p10: (b: number) => number;
  p90: (b: number) => number;
}

/**
 * Least-squares t(B) = t₀ + t₁·B through the median step times (Pollux/AdaptDL's affine model).
 * Needs two distinct batch sizes.
 * @example fitStepTime([{ batchSize: 32, medianMs: 10, … }, { batchSize: 64, medianMs: 16, … }])
 *   // { t0: 4, t1: 0.1875, … }
 */
export function fitStepTime(steps: StepTiming[]): StepTimeFit | undefined {
  const usable = steps.filter((s) => s.batchSize > 0 && Number.isFinite(s.medianMs));
  if (new Set(usable.map((s) => s.batchSize)).size < 2) return undefined;
  const line = (pick: (s: StepTiming) => number) => fitLine(usable.map((s) => [s.batchSize, pick(s)]));
  const at = (fit: LinearFit) => (b: number) => fit.intercept + fit.slope * b;
  const median = line((s) => s.medianMs);
  const residuals = usable.map((s) => s.medianMs - at(median)(s.batchSize));
  return {
    t0: median.intercept,
    t1: median.slope,
    r2: median.r2,
    residualMs: residuals.length > 2 ? standardDeviation(residuals) : 0,
    p10: at(line((s) => s.p10Ms)),
    p90: at(line((s) => s.p90Ms)),
  };
}

/** A time ratio below this (or its inverse above) is no batch change's doing: the timings are broken. */
const MIN_RATIO = 1e-3;

/**
 * Why the proxy's timings cannot give a speed estimate, or undefined when they can: a fit whose
 * step time falls as the batch grows, an extrapolated step time (or the low end of its interval)
 * at or below zero, or a step-time or epoch-time ratio below 1e-3. Such a fit once printed a wall
 * time of 1.87e-18; rejected, speed is reported as not measurable rather than as a number.
 * @example speedProblem({ steps: [timing(16, 10), timing(32, 6)], backend: "cpu", before: 16, after: 64 })?.id
 *   // "speed-negative-slope"
 */
export function speedProblem(input: SpeedInput, fit = fitStepTime(input.steps)): Note | undefined {
  if (!fit) return undefined;
  if (fit.t1 < 0) {
    const slope = round(fit.t1);
    return { id: "speed-negative-slope", params: { slope } };
  }
  for (const batch of [input.before, input.after]) {
    const t = stepTimeAt(input, fit, batch);
    const lowest = Math.min(t.value, t.low ?? t.value);
    if (!(lowest > 0)) {
      const ms = round(lowest);
      return { id: "speed-nonpositive-time", params: { batch, ms } };
    }
  }
  const tb = stepTimeAt(input, fit, input.before).value;
  const ta = stepTimeAt(input, fit, input.after).value;
  const stepRatio = ta / tb;
  const epochRatio = (input.before * ta) / (input.after * tb);
  const ratio = Math.min(stepRatio, epochRatio);
  if (!(ratio >= MIN_RATIO) || !(Math.max(stepRatio, epochRatio) <= 1 / MIN_RATIO)) {
    const shown = round(ratio >= MIN_RATIO ? Math.max(stepRatio, epochRatio) : ratio);
    return { id: "speed-extreme-ratio", params: { ratio: shown } };
  }
  return undefined;
}

/** The measured step time at `b` when `b` was timed, else the fit's, with the p10–p90 band widened by the residual
 * spread. */
function stepTimeAt(input: SpeedInput, fit: StepTimeFit, b: number): Quantity {
  const measured = input.steps.find((s) => s.batchSize === b);
  if (measured)
    return quantity(measured.medianMs, "ms", SOURCES.measured, { low: measured.p10Ms, high: measured.p90Ms });
  return quantity(fit.t0 + fit.t1 * b, "ms", SOURCES.stepTimeFit, {
    low: fit.p10(b) - fit.residualMs,
    high: fit.p90(b) + fit.residualMs,
  });
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}

/** Backends whose speed-up with B says something about a GPU run. */
const TRANSFERABLE: BackendName[] = ["tensorflow-gpu"];

export interface SpeedInput {
  steps: StepTiming[];
  backend: BackendName;
  /** Old and new batch on the proxy's scale. */
  before: number;
  after: number;
}

/**
 * The proxy's own speed: what its step times say at the old and new proxy batch. Never a claim
 * about the user's GPU — on a GPU backend it is shown beside the analytical step time as a check
 * of its shape (`SpeedEstimate.proxyCheck`); on CPU backends it stays in "How this was measured".
 */
export interface ProxySpeed {
  /** Backend the timings were taken on; cpu/wasm barely speed up with B. */
  backend: BackendName;
  /** False on cpu/wasm: the proxy's speed-up must not be read as a GPU speed-up. */
  transferable: boolean;
  /** Proxy batch sizes the two sides were timed (or interpolated) at. */
  proxyBatch: { before: number; after: number };
  /** t(B) = t₀ + t₁·B, least squares over the measured step times. */
  fit: { t0: Quantity; t1: Quantity; r2: number; points: number };
  stepTime: { before: Quantity; after: Quantity; ratio: Quantity };
  throughput: { before: Quantity; after: Quantity; ratio: Quantity };
  epochTimeRatio: Quantity;
  notes: Note[];
}

/**
 * Step time, throughput and time per epoch at the old and new batch, on the proxy backend.
 * A measured point is used as is; between or beyond points the fit interpolates.
 * @example estimateSpeed({ steps, backend: "cpu", before: 32, after: 64 }).epochTimeRatio.value // 0.8
 */
export function estimateSpeed(input: SpeedInput): ProxySpeed | undefined {
  const fit = fitStepTime(input.steps);
  if (!fit || speedProblem(input, fit)) return undefined;
  const before = stepTimeAt(input, fit, input.before);
  const after = stepTimeAt(input, fit, input.after);
  const source =
    before.source === SOURCES.measured && after.source === SOURCES.measured ? SOURCES.measured : SOURCES.stepTimeFit;
  const throughput = (b: number, t: Quantity) =>
    quantity((b / t.value) * 1000, "examples/s", t.source, {
      low: (b / (t.high ?? t.value)) * 1000,
      high: (b / (t.low ?? t.value)) * 1000,
    });
  const thBefore = throughput(input.before, before);
  const thAfter = throughput(input.after, after);
  const notes: Note[] = [];
  const transferable = TRANSFERABLE.includes(input.backend);
  if (!transferable) {
    notes.push({
      id: "speed-proxy-backend",
      params: { backend: input.backend },
    });
  }
  const ratios = {
    step: combine(after, before, { unit: "ratio", source, divide: true }),
    throughput: combine(thAfter, thBefore, { unit: "ratio", source, divide: true }),
    epoch: combine(thBefore, thAfter, { unit: "ratio", source, divide: true }),
  };
  if (!transferable)
    for (const q of Object.values(ratios)) q.note = `proxy backend ${input.backend}: not a GPU speed-up`;
  return {
    backend: input.backend,
    transferable,
    proxyBatch: { before: input.before, after: input.after },
    fit: {
      t0: quantity(fit.t0, "ms", SOURCES.stepTimeFit),
      t1: quantity(fit.t1, "ms/example", SOURCES.stepTimeFit),
      r2: fit.r2,
      points: input.steps.length,
    },
    stepTime: { before, after, ratio: ratios.step },
    throughput: { before: thBefore, after: thAfter, ratio: ratios.throughput },
    // Time per epoch is N ÷ throughput, so its ratio is the inverse of the throughput ratio.
    epochTimeRatio: ratios.epoch,
    notes,
  };
}
