import type { FileReport } from "../detect/types.js";
import type { Estimate, Quantity } from "../estimate/types.js";
import { batchParts } from "./batch-parts.js";
import { formatBytes, formatNumber, formatRange } from "./format-number.js";
import { ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

/** The group and its file, when the caller has them: they say which parts of an unknown batch are known. */
export interface VerdictContext {
  group?: ChangeGroup;
  file?: FileReport;
}

/**
 * A group's one-line verdict in the report's language, as plain text (a PR's value in it is made
 * visible, not escaped: Markdown callers pass the whole line through `untrusted(…, "text")`).
 * The same facts in every language (batch, steps and examples to the same loss, peak memory,
 * budget, learning rate, schedule), composed here from catalogue parts, since the verdict's parts
 * are optional and one template cannot hold them. When the effective batch is unknown the head says what is known
 * instead of
 * "Batch ? → ?": a value that cannot be read, or the parts that changed and the ones unknown.
 * @example verdictText(estimate, translator("zh-TW")) // "批次 32 → 64（×2）：達到相同損失時訓練步數降為 0.517 倍…。"
 */
export function verdictText(e: Estimate, t: Translator, context: VerdictContext = {}): string {
  const b = e.batch;
  const known = b.before !== null && b.after !== null;
  const head = known
    ? t.t("verdict.head", {
        before: formatNumber(b.before!),
        after: formatNumber(b.after!),
        ratio: ratioText(b.ratio, t),
      })
    : unknownBatchHead(e, t, context);
  const parts: string[] = [];
  const c = e.convergence;
  if (c)
    parts.push(
      t.t("verdict.convergence", {
        steps: ratioPhrase(c.stepsRatio, "steps", { t, bare: true }),
        examples: ratioPhrase(c.examplesRatio, "examples", { t, bare: true }),
      }),
    );
  const peak = e.memory.peak;
  if (peak.before && peak.after)
    parts.push(t.t("verdict.peak", { before: bytesText(peak.before), after: bytesText(peak.after), uncertain: "" }));
  else if (peak.ratio && peak.basis === "activations")
    parts.push(t.t("verdict.activationPeak", { ratio: formatNumber(peak.ratio.value) }));
  else if (peak.ratio && Math.abs(peak.ratio.value - 1) > 0.005)
    parts.push(t.t("verdict.proxyPeak", { ratio: formatNumber(peak.ratio.value), uncertain: flag(t, peak.ratio) }));
  const budget = e.memory.budget;
  if (budget && (budget.status === "warn" || budget.status === "error")) {
    const near = budget.status === "warn" && budget.compared !== undefined && budget.compared.value <= budget.limit;
    parts.push(t.t(near ? "verdict.budgetNear" : "verdict.budgetOver", { budget: budget.budget }));
  }
  const lr = e.learningRate;
  if ((lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule") && lr.suggestedRaw) {
    const lower = lr.before !== null && lr.suggested !== undefined && lr.suggested.value < lr.before;
    parts.push(
      t.t(lower ? "verdict.lrLower" : "verdict.lrRaise", {
        lr: lr.suggestedRaw,
        rule: t.t(`lr.rule.${lr.rule}` as MessageId),
      }),
    );
  }
  if (e.schedule.shouldScale) parts.push(t.t((b.ratio ?? 1) > 1 ? "verdict.scheduleMore" : "verdict.scheduleFewer"));
  return parts.length
    ? t.t("verdict.sentence", { head, parts: parts.join(t.t("verdict.join")) })
    : t.t("verdict.headOnly", { head });
}

/**
 * The head when the effective batch is unknown: "Cannot read the new value of per_device_train_batch_size
 * (line 3): ${oc.env:BS}", else "Batch per-device 8 → 32 (×4), devices unknown".
 */
function unknownBatchHead(e: Estimate, t: Translator, context: VerdictContext): string {
  const b = e.batch;
  const changes = context.group?.changes ?? [];
  const unreadable = changes.flatMap((c) => (c.unreadable ?? []).map((u) => ({ change: c, ...u })));
  const blocking = unreadable.find((u) => u.side === "after") ?? unreadable[0];
  if (blocking) {
    const line = blocking.side === "before" ? (blocking.change.baseLine ?? blocking.change.line) : blocking.change.line;
    return t.t(blocking.side === "after" ? "verdict.unreadable" : "verdict.unreadableBefore", {
      key: untrusted(blocking.change.key, "plain", { t }),
      where: t.t("word.line", { line: String(line) }),
      value: untrusted(blocking.raw, "plain", { t }),
    });
  }
  const parts = context.group ? batchParts(context.group, context.file) : [];
  const changed = parts
    .filter((p) => p.changed && typeof p.before === "number" && typeof p.after === "number")
    .map((p) =>
      t.t("verdict.part", {
        name: t.t(`verdict.part.${p.role}` as MessageId),
        before: formatNumber(p.before as number),
        after: formatNumber(p.after as number),
      }),
    );
  const unknown = parts
    .filter((p) => p.before === undefined || p.after === undefined)
    .map((p) => t.t(`verdict.part.${p.role}` as MessageId));
  if (!changed.length) {
    const side = (v: number | null) => (v === null ? "?" : formatNumber(v));
    return t.t("verdict.head", { before: side(b.before), after: side(b.after), ratio: ratioText(b.ratio, t) });
  }
  const list = changed.join(t.t("word.listJoin"));
  if (!unknown.length) return t.t("verdict.headPartsKnown", { changed: list, ratio: ratioText(b.ratio, t) });
  return t.t("verdict.headParts", {
    changed: list,
    ratio: ratioText(b.ratio, t),
    unknown: t.t("verdict.unknownParts", { parts: unknown.join(t.t("word.listJoin")) }),
  });
}

function ratioText(ratio: number | null, t: Translator): string {
  return ratio ? t.t("verdict.ratio", { ratio: formatNumber(ratio) }) : "";
}

/** Bytes as a value, or as its interval when the value is uncertain: no point figure in a headline for an uncertain
 * peak. */
function bytesText(q: Quantity): string {
  return q.uncertain && q.low !== undefined && q.high !== undefined
    ? formatRange(q.low, q.high, formatBytes)
    : formatBytes(q.value);
}

function flag(t: Translator, q: Quantity): string {
  return q.uncertain ? t.t("verdict.uncertain") : "";
}
