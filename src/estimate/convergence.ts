import { kaplanCriticalBatch } from "./critical-batch.js";
import { combine, mapQuantity, quantity } from "./quantity.js";
import { SOURCES } from "./sources.js";
import type { ConvergenceEstimate, CriticalBatchSource, CurvePoint, Note, Quantity } from "./types.js";

/**
 * Steps to the same loss, new ÷ old: S(B) = S_min(1 + B_crit/B) (McCandlish et al. 2018, eq. 2.11).
 * @example stepsRatio(900, 32, 64) // 0.5172 — 1.934× fewer steps
 */
export function stepsRatio(bCrit: number, before: number, after: number): number {
  return (1 + bCrit / after) / (1 + bCrit / before);
}

/**
 * Examples (epochs) to the same loss, new ÷ old: E(B) = E_min(1 + B/B_crit).
 * @example examplesRatio(900, 32, 64) // 1.0343 — 1.034× more examples
 */
export function examplesRatio(bCrit: number, before: number, after: number): number {
  return (1 + after / bCrit) / (1 + before / bCrit);
}

export interface ConvergenceInput {
  bCrit: Quantity;
  source: CriticalBatchSource;
  /** The old and new batch in B_crit's units, and how they were mapped from the user's batch. */
  frame: ConvergenceEstimate["frame"];
  /** Step time new ÷ old at the frame's batches, and the fit t(B) = t₀ + t₁·B for the curve. */
  speed?: { ratio: Quantity; t0: number; t1: number };
  /** Kaplan's second opinion: the training loss (nats/token) and the user's batch in tokens. */
  kaplan?: { loss: number; before?: number; after?: number };
}

/**
 * Ratios of steps, examples and wall time to reach the same loss at the new batch, with
 * intervals carried from B_crit's interval (and the step-time interval), plus the curve points
 * for a chart.
 * @example estimateConvergence({ bCrit: quantity(900, "examples", "…"), source: "noise-scale", frame: { unit:
 * "samples", before: 32, after: 64, how: "stand-in" } }).stepsRatio.value // 0.517
 */
export function estimateConvergence(input: ConvergenceInput): ConvergenceEstimate {
  const { bCrit, frame } = input;
  const { before, after } = frame;
  const steps = mapQuantity(bCrit, (b) => stepsRatio(b, before, after), "ratio", SOURCES.steps);
  const examples = mapQuantity(bCrit, (b) => examplesRatio(b, before, after), "ratio", SOURCES.examples);
  const notes: Note[] = [positionNote(bCrit.value, before, after, frame.unit)];
  const result: ConvergenceEstimate = {
    source: input.source,
    bCrit,
    frame,
    stepsRatio: steps,
    examplesRatio: examples,
    perfectScalingStepsRatio: before / after,
    curve: curve({ bCrit: bCrit.value, before, after, speed: input.speed }),
    marks: { before, after },
    notes,
  };
  if (input.speed)
    result.wallTimeRatio = combine(steps, input.speed.ratio, { unit: "ratio", source: SOURCES.wallTime });
  if (input.kaplan) {
    const { loss, before: kb, after: ka } = input.kaplan;
    const kaplanBCrit = quantity(kaplanCriticalBatch(loss), "tokens", SOURCES.kaplan, {
      note: "constants fitted on WebText2 with GPT-2's tokenizer",
    });
    result.kaplan = { loss, bCrit: kaplanBCrit };
    if (kb && ka) {
      result.kaplan.stepsRatio = quantity(stepsRatio(kaplanBCrit.value, kb, ka), "ratio", SOURCES.kaplan);
      result.kaplan.examplesRatio = quantity(examplesRatio(kaplanBCrit.value, kb, ka), "ratio", SOURCES.kaplan);
    }
  }
  return result;
}

/** Where the batches sit against B_crit, in words the report can reuse. */
function positionNote(bCrit: number, before: number, after: number, unit: string): Note {
  const at = after / bCrit;
  // The regime picks the sentence: well below B_crit, around it, past it.
  const regime = at < 0.25 ? "perfect" : at <= 1 ? "diminishing" : "past";
  return {
    id: `convergence-position-${regime}`,
    params: { bCrit: round(bCrit), unit, before: round(before / bCrit, 2), after: round(at, 2) },
  };
}

/**
 * Steps, examples and time to the same loss relative to the old batch, at powers of two from a
 * sixteenth of the smaller batch to sixteen times the larger, plus the old, new and B_crit points.
 */
export function curve(options: {
  bCrit: number;
  before: number;
  after: number;
  speed?: { t0: number; t1: number };
}): CurvePoint[] {
  const { bCrit, before, after, speed } = options;
  const lo = Math.max(1, Math.min(before, after) / 16);
  const hi = Math.max(before, after) * 16;
  const sizes = new Set<number>([before, after, Math.round(bCrit)]);
  for (let b = 2 ** Math.ceil(Math.log2(lo)); b <= hi; b *= 2) sizes.add(b);
  const time = (b: number) => (speed ? Math.max(speed.t0 + speed.t1 * b, Number.EPSILON) : undefined);
  return [...sizes]
    .filter((b) => b >= 1 && b >= lo && b <= hi)
    .sort((a, b) => a - b)
    .map((b) => {
      const s = stepsRatio(bCrit, before, b);
      const point: CurvePoint = { batchSize: b, steps: s, examples: examplesRatio(bCrit, before, b) };
      const t = time(b);
      const t1 = time(before);
      if (t !== undefined && t1 !== undefined) point.time = (s * t) / t1;
      return point;
    });
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return x >= 100 ? Math.round(x) : Math.round(x * f) / f;
}
