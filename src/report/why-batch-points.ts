import type { FileReport } from "../detect/types.js";
import type { ConvergenceEstimate, Estimate } from "../estimate/types.js";
import { batchParts } from "./batch-parts.js";
import { factorDigits, formatNumber } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";
import { Paragraph, type WhyPoint } from "./why-point.js";

/**
 * Point 1: epoch, batch and iteration, and the effective batch as this change forms it
 * ("8 × 2 × 4 = 64 → 32 × 1 × 4 = 128 examples"), with the steps per epoch when the data set's size is known.
 * @example termsPoint({ group, file, t }).text // "An *epoch* is … Here: 8 × 2 × 4 = 64 → 32 × 1 × 4 = 128 examples. …"
 */
export function termsPoint(input: { group: ChangeGroup; file?: FileReport; t: Translator }): WhyPoint {
  const { t } = input;
  const e = input.group.estimate;
  const p = new Paragraph(t).say("why.terms");
  const { ratio } = e.batch;
  if (ratio === null) return p.say("why.terms.unknown").point("terms", "why.terms.title");
  const [before, after] = formed(input.group, input.file);
  if (before !== null && after !== null) p.say("why.terms.formed", { before, after, unit: unitWord(e.batch.unit, t) });
  const s = e.speed;
  const examples = s?.epochTime?.examples;
  if (s && examples) {
    const steps = (perStep: number) => formatNumber(Math.ceil(examples / perStep));
    p.say("why.terms.epochSteps", {
      examples: formatNumber(examples),
      stepsBefore: steps(s.sides.before.examplesPerStep),
      stepsAfter: steps(s.sides.after.examplesPerStep),
    });
  } else if (Math.abs(ratio - 1) < 1e-9) p.say("why.terms.sameSteps");
  // The factor needs no absolute size: it stands even when a part of the batch is unknown.
  else p.say(ratio > 1 ? "why.terms.fewer" : "why.terms.more", { x: factorDigits(ratio > 1 ? ratio : 1 / ratio) });
  return p.point("terms", "why.terms.title");
}

/**
 * Point 2: full batch, mini-batch and batch 1, and why a critical batch exists, with this task's
 * B_crit — never a stand-in task's, which says nothing about this one.
 */
export function spectrumPoint(input: { estimate: Estimate; t: Translator }): WhyPoint {
  const { t } = input;
  const c = input.estimate.convergence;
  const p = new Paragraph(t).say("why.spectrum").say("why.critical");
  if (!c) return p.say("why.critical.missing").point("spectrum", "why.spectrum.title");
  const unit = unitWord(c.frame.unit, t);
  if (isStandIn(c))
    return p
      .say("why.critical.standIn", { bCrit: formatNumber(c.bCrit.value), unit })
      .point("spectrum", "why.spectrum.title");
  const source = t.t(`why.critical.source.${c.source}` as MessageId);
  const times = (b: number) => formatNumber(b / c.bCrit.value);
  if (c.lowerBound)
    p.say("why.critical.atLeast", { bCrit: formatNumber(c.bCrit.value), unit, source, afterX: times(c.frame.after) });
  else
    p.say("why.critical.known", {
      bCrit: bCritText(c, t),
      unit,
      source,
      beforeX: times(c.frame.before),
      afterX: times(c.frame.after),
    });
  if (c.kaplan && c.source !== "kaplan")
    p.say("why.critical.kaplan", { loss: formatNumber(c.kaplan.loss), bCrit: formatNumber(c.kaplan.bCrit.value) });
  return p.point("spectrum", "why.spectrum.title");
}

/**
 * Point 3: a bigger batch runs an epoch faster and needs more of them; the two optima (the batch
 * fastest to a target, the batch with the best final accuracy) and whether this PR is in the
 * large-batch zone, past `thresholds.largeBatchFactor` × this task's B_crit.
 */
export function tradeoffPoint(input: { estimate: Estimate; t: Translator }): WhyPoint {
  const { t } = input;
  const e = input.estimate;
  const c = e.convergence;
  const p = new Paragraph(t).say("why.tradeoff");
  if (c)
    p.say("why.tradeoff.numbers", {
      steps: ratioPhrase(c.stepsRatio, "steps", { t }),
      examples: ratioPhrase(c.examplesRatio, "examples", { t }),
    });
  if (e.speed) {
    const gpu = e.speed.gpu ? untrusted(e.speed.gpu.id, "text", { t }) : t.t("speed.yourGpu");
    p.say(e.speed.basis === "measured" ? "why.tradeoff.speedMeasured" : "why.tradeoff.speed", {
      epoch: ratioPhrase(e.speed.epochTimeRatio, "time", { t }),
      gpu,
    });
  }
  // As in the headline: an uncertain time after the change makes its ratio uncertain too.
  const w = e.speed?.wallTime;
  const wall = w?.after?.uncertain ? { ...w.ratio, uncertain: true } : (w?.ratio ?? c?.wallTimeRatio);
  if (wall) p.say("why.tradeoff.wall", { wall: ratioPhrase(wall, "time", { t }) });
  p.say("why.optima");
  if (!c || isStandIn(c)) return p.say("why.zone.unknown").point("tradeoff", "why.tradeoff.title");
  const fastest = fastestInterior(c);
  if (fastest !== undefined)
    p.say("why.optima.fastest", { batch: formatNumber(fastest), unit: unitWord(c.frame.unit, t) });
  // The estimate stage names the threshold from the bot config; an estimate built without it says nothing of the zone.
  const factor = c.largeBatchFactor;
  if (factor === undefined) return p.point("tradeoff", "why.tradeoff.title");
  const times = c.marks.after / c.bCrit.value;
  p.say(times > factor ? "why.zone.in" : "why.zone.out", { times: formatNumber(times), factor: formatNumber(factor) });
  return p.point("tradeoff", "why.tradeoff.title");
}

/** A stand-in task's B_crit places nothing about the user's task (convergence-sources.ts). */
function isStandIn(c: ConvergenceEstimate): boolean {
  return c.basis === "stand-in" || c.frame.how === "stand-in";
}

/** "116", or "116 (uncertain: 0.819–5,987)" when its interval is too wide to trust the value. */
function bCritText(c: ConvergenceEstimate, t: Translator): string {
  const { value, low, high, uncertain } = c.bCrit;
  if (!uncertain || low === undefined || high === undefined) return formatNumber(value);
  return t.t("why.critical.uncertain", {
    value: formatNumber(value),
    low: formatNumber(low),
    high: formatNumber(high),
  });
}

/** The curve's batch with the least time to the same loss, when it lies inside the curve (an end says only "at least
 * this far"). */
function fastestInterior(c: ConvergenceEstimate): number | undefined {
  const timed = c.curve.filter((pt) => pt.time !== undefined);
  if (timed.length < 3) return undefined;
  let best = 0;
  timed.forEach((pt, i) => {
    if (pt.time! < timed[best].time!) best = i;
  });
  return best > 0 && best < timed.length - 1 ? timed[best].batchSize : undefined;
}

/**
 * "8 × 2 × 4 = 64" on each side: per-device × accumulation × devices (× tokens per sequence);
 * "8 × 1 × ?" when a part is unknown; the batch alone when no part is known; null when nothing is.
 */
function formed(group: ChangeGroup, file?: FileReport): [string | null, string | null] {
  const parts = batchParts(group, file);
  const b = group.estimate.batch;
  const side = (pick: "before" | "after", total: number | null) => {
    const values = parts.map((part) => part[pick]).map((v) => (typeof v === "number" && v > 0 ? v : null));
    if (values.some((v) => v === null) || total === null) {
      if (values.some((v) => v !== null)) return values.map((v) => (v === null ? "?" : formatNumber(v))).join(" × ");
      return total === null ? null : formatNumber(total);
    }
    const factors = values as number[];
    const product = factors.reduce((x, y) => x * y, 1);
    // Tokens: the rest of the product is the tokens per sequence.
    const rest = total / product;
    if (rest !== 1 && !(Number.isInteger(rest) && b.unit === "tokens")) return formatNumber(total);
    const shown = rest === 1 ? factors : [...factors, rest];
    return `${shown.map(formatNumber).join(" × ")} = ${formatNumber(total)}`;
  };
  return [side("before", b.before), side("after", b.after)];
}

function unitWord(unit: "samples" | "tokens", t: Translator): string {
  return t.t(unit === "tokens" ? "unit.tokens" : "unit.samples");
}
