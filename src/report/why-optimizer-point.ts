import type { Estimate } from "../estimate/types.js";
import { factorDigits, formatNumber } from "./format-number.js";
import { formatValue } from "./format-quantity.js";
import type { Translator } from "./messages/translate.js";
import { untrusted } from "./untrusted.js";
import { Paragraph, type WhyPoint } from "./why-point.js";

/**
 * Point 4: why one global learning rate is hard, why Rprop fails with mini-batches, how RMSprop
 * and Adam followed — then the optimizer this PR trains with, its rule and the numbers for this change.
 * @example optimizerPoint({ estimate, t }).text
 *   // "… This PR trains with `adamw_torch`, an Adam-family optimizer: … ×2, ×1.41, 1.0e-4 → 1.4e-4."
 */
export function optimizerPoint(input: { estimate: Estimate; t: Translator }): WhyPoint {
  const { t } = input;
  const lr = input.estimate.learningRate;
  const p = new Paragraph(t).say("why.optimizer");
  const k = lr.k;
  if (lr.family === "unknown") {
    if (k === null) p.say("why.optimizer.unknownNoK");
    else p.say("why.optimizer.unknown", { linear: factorDigits(k), sqrt: factorDigits(Math.sqrt(k)) });
    return p.point("optimizer", "why.optimizer.title");
  }
  const family = lr.family === "adam" ? "adam" : "sgd";
  const optimizer = lr.optimizer ? untrusted(lr.optimizer, "code", { t }) : t.t(`why.optimizer.name.${family}`);
  p.say(family === "adam" ? "why.optimizer.adam" : "why.optimizer.sgd", { optimizer });
  if (k !== null && Math.abs(k - 1) < 1e-9)
    return p.say("why.optimizer.same").point("optimizer", "why.optimizer.title");
  if (lr.status === "framework-scales")
    return p.add(lr.message.id, t.note(lr.message)).point("optimizer", "why.optimizer.title");
  if (k !== null && lr.suggested && lr.before !== null && lr.before > 0) {
    const suggested = lr.suggestedRaw
      ? untrusted(lr.suggestedRaw, "text", { t })
      : formatValue(lr.suggested.value, "learning-rate");
    p.say("why.optimizer.numbers", {
      k: formatNumber(k),
      factor: factorDigits(lr.suggested.value / lr.before),
      before: formatValue(lr.before, "learning-rate"),
      suggested,
    });
  }
  if (lr.capped)
    p.say("why.optimizer.capped", {
      factor: factorDigits(lr.capped.factor),
      uncapped: factorDigits(lr.capped.uncapped),
    });
  return p.point("optimizer", "why.optimizer.title");
}
