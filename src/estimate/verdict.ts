import { formatBytes } from "./format-bytes.js";
import type { Estimate, Quantity, Verdict } from "./types.js";

/**
 * The one line a reviewer reads first: the batch change, steps and examples to the same loss,
 * peak memory, and the learning-rate action; its level is the worst risk's.
 * @example verdict(estimate).text // "Batch 32 → 64 (×2): 1.93× fewer steps, 1.03× more examples to the same loss; raise the learning rate to 4.24e-4 (square-root rule)."
 */
export function verdict(estimate: Omit<Estimate, "verdict">): Verdict {
  const level = estimate.risks.some((r) => r.level === "error") ? "error" : estimate.risks.some((r) => r.level === "warn") ? "warn" : "ok";
  const { batch } = estimate;
  const parts: string[] = [];
  const params: Record<string, string | number> = { before: batch.before ?? "?", after: batch.after ?? "?" };
  const head = `Batch ${batch.before ?? "?"} → ${batch.after ?? "?"}${batch.ratio ? ` (×${short(batch.ratio)})` : ""}`;

  const c = estimate.convergence;
  if (c) {
    const steps = c.stepsRatio;
    const fewer = steps.value <= 1 ? `${short(1 / steps.value)}× fewer steps` : `${short(steps.value)}× more steps`;
    const examples = c.examplesRatio.value >= 1 ? `${short(c.examplesRatio.value)}× more examples` : `${short(1 / c.examplesRatio.value)}× fewer examples`;
    parts.push(`${fewer}, ${examples} to the same loss${flag(steps, c.examplesRatio)}`);
    params.steps = short(steps.value);
    params.examples = short(c.examplesRatio.value);
  }
  const peak = estimate.memory.peak;
  if (peak.before && peak.after) {
    parts.push(`peak memory ${formatBytes(peak.before.value)} → ${formatBytes(peak.after.value)} per device${flag(peak.after)}`);
  } else if (peak.ratio && peak.basis === "activations") {
    parts.push(`peak memory per device ×1 to ×${short(peak.ratio.value)} (activations ×${short(peak.ratio.value)})`);
  } else if (peak.ratio && Math.abs(peak.ratio.value - 1) > 0.005) {
    parts.push(`proxy peak memory ×${short(peak.ratio.value)}${flag(peak.ratio)}`);
  }
  const budget = estimate.memory.budget;
  if (budget && budget.status !== "ok" && budget.status !== "unknown") parts.push(budget.status === "warn" && budget.compared && budget.compared.value <= budget.limit ? `close to the ${budget.budget} budget` : `over the ${budget.budget} budget`);
  const lr = estimate.learningRate;
  if ((lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule") && lr.suggestedRaw) {
    const verb = lr.before !== null && lr.suggested && lr.suggested.value < lr.before ? "lower" : "raise";
    parts.push(`${verb} the learning rate to ${lr.suggestedRaw} (${lr.rule === "sqrt" ? "square-root" : "linear"} rule)`);
    params.lr = lr.suggestedRaw;
  }
  if (estimate.schedule.shouldScale) parts.push(`the step-counted schedule sees ${(batch.ratio ?? 1) > 1 ? "more" : "fewer"} examples`);
  const text = `${head}${parts.length ? `: ${parts.join("; ")}` : ""}.`;
  return { level, id: `verdict-${level}`, text, params };
}

function flag(...qs: Quantity[]): string {
  return qs.some((q) => q.uncertain) ? " (uncertain)" : "";
}

function short(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
