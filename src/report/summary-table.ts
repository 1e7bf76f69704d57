import { markdownTable } from "markdown-table";
import { escapeCell } from "./escape-cell.js";
import type { Finding } from "./findings.js";
import { formatNumber } from "./format-number.js";
import { formatValue, quantityCell, ratioPhrase } from "./format-quantity.js";
import { groupLevel } from "./level.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { Footnotes } from "./provenance.js";
import { untrusted } from "./untrusted.js";

/** Rows shown before "…and N more": the table stays readable and the comment under GitHub's limit. */
export const MAX_SUMMARY_ROWS = 25;

/**
 * Many findings in one PR: one table, a row per finding (the edited file, effective batch, peak
 * memory per device, steps to the same loss, learning rate, level), worst first.
 * @example renderSummaryTable({ findings, t, notes }) // "| Config | Effective batch | …"
 */
export function renderSummaryTable(input: { findings: Finding[]; t: Translator; notes: Footnotes }): string {
  const { t } = input;
  const ctx = { t, notes: input.notes };
  const rows = input.findings.slice(0, MAX_SUMMARY_ROWS).map(({ group, edited, affects }) => {
    const e = group.estimate;
    const b = e.batch;
    const side = (v: number | null) => (v === null ? "?" : formatNumber(v));
    const batch = `${side(b.before)} → ${side(b.after)}${b.ratio !== null ? ` (×${formatNumber(b.ratio)})` : ""}`;
    const peak = e.memory.peak;
    const memory =
      peak.before && peak.after
        ? `${quantityCell(peak.before, ctx)} → ${quantityCell(peak.after, ctx)}`
        : peak.ratio
          ? ratioPhrase(peak.ratio, "memory", ctx)
          : t.t("cell.notPredicted");
    const budget = e.memory.budget;
    const over =
      budget && budget.status !== "ok" && budget.status !== "unknown"
        ? ` **${t.t(`budget.${budget.message.id === "budget-over" ? "error" : budget.status}` as MessageId, {
            budget: untrusted(budget.budget, "text", { t }),
          })}**`
        : "";
    const steps = e.convergence ? ratioPhrase(e.convergence.stepsRatio, "steps", ctx) : t.t("cell.notPredicted");
    const lr = e.learningRate;
    const lrCell =
      lr.suggestedRaw && (lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule")
        ? t.t("lr.suggested", {
            value: untrusted(lr.suggestedRaw, "text", { t }),
            rule: t.t(`lr.rule.${lr.rule}` as MessageId),
          })
        : `${lr.after === null ? t.t("cell.unknown") : formatValue(lr.after, "learning-rate")}: ` +
          t.t(`lr.status.${lr.status}` as MessageId);
    const where =
      affects.length > 1
        ? `${untrusted(edited, "code", { t })} (+${affects.length - 1})`
        : untrusted(edited, "code", { t });
    return [where, batch, `${memory}${over}`, steps, lrCell, `**${t.t(`level.${groupLevel(group)}` as MessageId)}**`];
  });
  const header = ["config", "batch", "memory", "steps", "lr", "verdict"].map((c) =>
    t.t(`summary.col.${c}` as MessageId),
  );
  const table = markdownTable([header, ...rows.map((r) => r.map(escapeCell))], {
    align: ["l", "r", "r", "l", "l", "l"],
    alignDelimiters: false,
  });
  const more = input.findings.length - rows.length;
  return more > 0 ? `${table}\n\n${t.t("summary.more", { count: String(more) })}` : table;
}
