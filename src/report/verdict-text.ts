import type { Estimate, Quantity } from "../estimate/types.js";
import { formatBytes, formatNumber } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";

/**
 * A group's one-line verdict in the report's language. English shows the estimate stage's own
 * words; another language composes the same facts (batch, steps and examples to the same loss,
 * peak memory, budget, learning rate, schedule) from the estimate, since the verdict's parts are
 * optional and one template cannot hold them.
 * @example verdictText(estimate, translator("zh-TW")) // "批次 32 → 64（×2）：達到相同損失時訓練步數降為 0.517 倍…。"
 */
export function verdictText(e: Estimate, t: Translator): string {
  if (t.language === "en" && e.verdict.text) return e.verdict.text;
  const b = e.batch;
  const side = (v: number | null) => (v === null ? "?" : formatNumber(v));
  const head = t.t("verdict.head", { before: side(b.before), after: side(b.after), ratio: b.ratio ? t.t("verdict.ratio", { ratio: formatNumber(b.ratio) }) : "" });
  const parts: string[] = [];
  const c = e.convergence;
  if (c) parts.push(t.t("verdict.convergence", { steps: ratioPhrase(c.stepsRatio, "steps", { t, bare: true }), examples: ratioPhrase(c.examplesRatio, "examples", { t, bare: true }) }));
  const peak = e.memory.peak;
  if (peak.before && peak.after) parts.push(t.t("verdict.peak", { before: formatBytes(peak.before.value), after: formatBytes(peak.after.value), uncertain: flag(t, peak.after) }));
  else if (peak.ratio && peak.basis === "activations") parts.push(t.t("verdict.activationPeak", { ratio: formatNumber(peak.ratio.value) }));
  else if (peak.ratio && Math.abs(peak.ratio.value - 1) > 0.005) parts.push(t.t("verdict.proxyPeak", { ratio: formatNumber(peak.ratio.value), uncertain: flag(t, peak.ratio) }));
  const budget = e.memory.budget;
  if (budget && (budget.status === "warn" || budget.status === "error")) {
    const near = budget.status === "warn" && budget.compared !== undefined && budget.compared.value <= budget.limit;
    parts.push(t.t(near ? "verdict.budgetNear" : "verdict.budgetOver", { budget: budget.budget }));
  }
  const lr = e.learningRate;
  if ((lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule") && lr.suggestedRaw) {
    const lower = lr.before !== null && lr.suggested !== undefined && lr.suggested.value < lr.before;
    parts.push(t.t(lower ? "verdict.lrLower" : "verdict.lrRaise", { lr: lr.suggestedRaw, rule: t.t(`lr.rule.${lr.rule}` as MessageId) }));
  }
  if (e.schedule.shouldScale) parts.push(t.t((b.ratio ?? 1) > 1 ? "verdict.scheduleMore" : "verdict.scheduleFewer"));
  return parts.length ? t.t("verdict.sentence", { head, parts: parts.join(t.t("verdict.join")) }) : t.t("verdict.headOnly", { head });
}

function flag(t: Translator, q: Quantity): string {
  return q.uncertain ? t.t("verdict.uncertain") : "";
}
