import type { FileReport } from "../detect/types.js";
import type { Estimate } from "../estimate/types.js";
import type { Measurements } from "../proxy/types.js";
import { batchParts } from "./batch-parts.js";
import { formatBytes, formatFactor, formatNumber } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Params, Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

/**
 * The **Why** section for a contributor: epoch vs batch vs iteration, full-batch vs mini-batch vs
 * batch 1, why a bigger batch is faster per epoch but may need more epochs, the noise scale and
 * the critical batch, the learning rate, memory — each paragraph with this change's own numbers.
 * @example renderWhy({ group, file, measurement, t }) // "<details>\n<summary><b>Why</b> …"
 */
export function renderWhy(input: { group: ChangeGroup; file?: FileReport; measurement?: Measurements; t: Translator }): string {
  const { t } = input;
  const e = input.group.estimate;
  const sections: Array<[MessageId, string]> = [
    ["why.terms.title", terms(e, t)],
    ["why.spectrum.title", t.t("why.spectrum")],
    ["why.tradeoff.title", tradeoff(e, t)],
    ["why.noise.title", noise(e, input.measurement, t)],
    ["why.lr.title", learningRate(e, t)],
    ["why.memory.title", memory(input, t)],
  ];
  const body = sections.map(([title, text]) => `**${t.t(title)}**\n${text}`).join("\n\n");
  // The summary line is raw HTML, where a code span would not render: the path goes in as HTML text.
  return `<details>\n<summary>${t.t("why.summary", { path: untrusted(input.group.path, "html", { t }) })}</summary>\n\n${body}\n\n</details>`;
}

function terms(e: Estimate, t: Translator): string {
  const unit = t.t(e.batch.unit === "tokens" ? "unit.tokens" : "unit.samples");
  const { before, after, ratio } = e.batch;
  let numbers: string;
  if (ratio === null) numbers = t.t("why.terms.unknown");
  else if (Math.abs(ratio - 1) < 1e-9) numbers = t.t("why.terms.same", { batch: before === null ? t.t("cell.unknown") : `${formatNumber(before)} ${unit}` });
  else {
    const sides: Params = before !== null && after !== null ? { before: formatNumber(before), after: formatNumber(after), unit } : { before: "?", after: "?", unit };
    const id: MessageId = before !== null && after !== null ? (ratio > 1 ? "why.terms.bigger" : "why.terms.smaller") : ratio > 1 ? "why.terms.biggerRatio" : "why.terms.smallerRatio";
    numbers = t.t(id, { ...sides, k: formatFactor(ratio), x: formatFactor(ratio > 1 ? ratio : 1 / ratio), xn: formatNumber(ratio > 1 ? ratio : 1 / ratio) });
  }
  return [t.t("why.terms"), numbers].join(t.t("word.sentenceJoin"));
}

function tradeoff(e: Estimate, t: Translator): string {
  const c = e.convergence;
  const parts = [t.t("why.tradeoff")];
  if (c) parts.push(t.t("why.tradeoff.numbers", { steps: ratioPhrase(c.stepsRatio, "steps", { t }), examples: ratioPhrase(c.examplesRatio, "examples", { t }) }));
  if (e.speed) {
    const gpu = e.speed.gpu ? untrusted(e.speed.gpu.id, "text", { t }) : t.t("speed.yourGpu");
    parts.push(t.t(e.speed.basis === "measured" ? "why.tradeoff.speedMeasured" : "why.tradeoff.speed", { epoch: ratioPhrase(e.speed.epochTimeRatio, "time", { t }), gpu }));
  }
  if (c?.wallTimeRatio) parts.push(t.t("why.tradeoff.wall", { wall: ratioPhrase(c.wallTimeRatio, "time", { t }) }));
  return parts.join(t.t("word.sentenceJoin"));
}

function noise(e: Estimate, m: Measurements | undefined, t: Translator): string {
  const c = e.convergence;
  const parts = [t.t("why.noise")];
  if (!c) {
    parts.push(t.t("why.noise.missing"));
    return parts.join(t.t("word.sentenceJoin"));
  }
  const unit = t.t(c.frame.unit === "tokens" ? "unit.tokens" : "unit.samples");
  // In prose the central value reads better than the bare word, so give it with its range.
  const range = c.bCrit.low !== undefined && c.bCrit.high !== undefined ? `${formatNumber(c.bCrit.low)}–${formatNumber(c.bCrit.high)}` : "";
  const bCrit = c.bCrit.uncertain ? `${formatNumber(c.bCrit.value)} (${t.t("cell.uncertain")}${range ? `: ${range}` : ""})` : formatNumber(c.bCrit.value);
  parts.push(
    t.t("why.noise.numbers", {
      bCrit,
      unit,
      source: t.t(`why.noise.source.${c.source}` as MessageId),
      before: formatNumber(c.frame.before),
      after: formatNumber(c.frame.after),
      beforeX: formatNumber(c.frame.before / c.bCrit.value),
      afterX: formatNumber(c.frame.after / c.bCrit.value),
      steps: ratioPhrase(c.stepsRatio, "steps", { t }),
      perfect: ratioPhrase({ value: c.perfectScalingStepsRatio, unit: "ratio", source: "perfect scaling" }, "steps", { t }),
    }),
  );
  if (m?.noise) parts.push(t.t("why.noise.measured", { atLoss: formatNumber(m.noise.atLoss), initialLoss: formatNumber(m.noise.initialLoss), small: formatNumber(m.noise.bSmall), big: formatNumber(m.noise.bBig) }));
  if (c.kaplan) parts.push(t.t("why.noise.kaplan", { loss: formatNumber(c.kaplan.loss), bCrit: formatNumber(c.kaplan.bCrit.value) }));
  return parts.join(t.t("word.sentenceJoin"));
}

function learningRate(e: Estimate, t: Translator): string {
  const lr = e.learningRate;
  const parts = [t.t("why.lr")];
  const advice = untrusted(t.note(lr.message), "text", { t });
  if (lr.family !== "unknown") parts.push(t.t("why.lr.here", { optimizer: lr.optimizer ? untrusted(lr.optimizer, "code", { t }) : lr.family, rule: t.t(`lr.rule.${lr.rule}` as MessageId), advice }));
  else parts.push(advice);
  return parts.join(t.t("word.sentenceJoin"));
}

function memory(input: { group: ChangeGroup; file?: FileReport }, t: Translator): string {
  const m = input.group.estimate.memory;
  const parts = [t.t("why.memory")];
  const micro = batchParts(input.group, input.file).find((p) => p.role === "micro_batch");
  if (micro && !micro.changed && micro.after !== undefined && micro.after !== null) {
    parts.push(t.t("why.memory.microSame", { micro: typeof micro.after === "number" ? String(micro.after) : untrusted(micro.after, "code", { t }) }));
  }
  const a = m.model;
  if (a) {
    parts.push(t.t("why.memory.model", { states: formatBytes(a.modelStates.value), perParameter: formatNumber(a.bytesPerParameter), why: untrusted(a.bytesPerParameterWhy, "text", { t }), parameters: formatNumber(a.parameters) }));
    if (a.activationsPerExample) parts.push(t.t("why.memory.activations", { perExample: formatBytes(a.activationsPerExample.value) }));
  } else if (m.calibrated) {
    parts.push(t.t("why.memory.calibrated", { batch: formatNumber(m.calibrated.batch), peak: formatBytes(m.calibrated.peakBytes), fixed: formatBytes(m.calibrated.fixedBytes.value), perExample: formatBytes(m.calibrated.perExampleBytes.value) }));
  } else if (m.proxy) {
    parts.push(t.t("why.memory.proxy", { fixed: formatBytes(m.proxy.fixedBytes), perExample: formatBytes(m.proxy.perExampleBytes), optimizer: formatBytes(m.proxy.optimizerPeakBytes) }));
  }
  return parts.join(t.t("word.sentenceJoin"));
}
