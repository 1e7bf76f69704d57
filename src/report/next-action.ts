import type { FileReport } from "../detect/types.js";
import { batchParts } from "./batch-parts.js";
import { formatNumber } from "./format-number.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

/**
 * The one thing to do, most urgent first: fit the memory budget (a per-device batch × accumulation
 * that keeps the effective batch), set a readable value, scale the learning rate, scale the
 * step-counted schedule; otherwise nothing.
 * @example nextAction({ group, t })
 *   // "**Next step:** use 16 per device × accumulation 2: the same effective batch fits in 40GiB."
 */
export function nextAction(input: { group: ChangeGroup; file?: FileReport; t: Translator }): string {
  const { group, t } = input;
  const e = group.estimate;
  const say = (id: MessageId, params: Record<string, string> = {}) => t.t("action.line", { action: t.t(id, params) });
  const budget = e.memory.budget;
  const max = e.memory.maxBatchPerDevice;
  // Only the top of the interval passing the budget, while the new batch fits, is the alert's to say: the action goes
  // on to what certainly needs doing.
  const onlyTop = budget?.message.id === "budget-may-exceed" && max?.fits === true;
  const over =
    budget &&
    !onlyTop &&
    (budget.status === "error" || (budget.status === "warn" && budget.message.id !== "budget-near"));
  if (over && max?.accumulation) {
    const split = {
      micro: formatNumber(max.accumulation.micro),
      accumulation: formatNumber(max.accumulation.accumulation),
      budget: untrusted(budget.budget, "text", { t }),
    };
    const safe = max.accumulationAtHigh;
    return safe
      ? say("action.splitRange", {
          ...split,
          safeMicro: formatNumber(safe.micro),
          safeAccumulation: formatNumber(safe.accumulation),
        })
      : say("action.split", split);
  }
  if (over && max?.value === 0) return say("action.shard", { budget: untrusted(budget.budget, "text", { t }) });
  if (over) return say("action.reduce", { budget: untrusted(budget.budget, "text", { t }) });
  const unreadable = group.changes.find((c) => c.unreadable?.length);
  if (unreadable) return say("action.readable", { key: untrusted(unreadable.key, "code", { t }) });
  const lr = e.learningRate;
  const lrKey = input.file?.settings.find((s) => s.role === "learning_rate")?.key;
  if ((lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule") && lr.suggestedRaw) {
    return say("action.lr", {
      key: lrKey ? untrusted(lrKey, "code", { t }) : t.t("action.lrKey"),
      value: untrusted(lr.suggestedRaw, "text", { t }),
      rule: t.t(`lr.rule.${lr.rule}` as MessageId),
    });
  }
  if (lr.status === "unknown" && lr.message.id === "lr-optimizer-unknown" && lr.message.params) {
    return say("action.lrUnknown", { linear: String(lr.message.params.linear), sqrt: String(lr.message.params.sqrt) });
  }
  if (e.schedule.shouldScale && e.schedule.items.length) {
    const list = e.schedule.items
      .map((i) => `${untrusted(i.key, "code", { t })} ${i.before ?? "?"} → ${i.suggested ?? "?"}`)
      .join(t.t("word.listJoin"));
    return say("action.schedule", { list });
  }
  const micro = batchParts(group, input.file).find((p) => p.role === "micro_batch");
  if (micro?.changed && e.batch.ratio !== null && Math.abs(e.batch.ratio - 1) < 1e-9) return say("action.sameBatch");
  return say("action.none");
}
