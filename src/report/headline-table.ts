import { markdownTable } from "markdown-table";
import type { FileReport } from "../detect/types.js";
import type { Quantity } from "../estimate/types.js";
import { batchParts } from "./batch-parts.js";
import { escapeCell } from "./escape-cell.js";
import { formatNumber, formatRange } from "./format-number.js";
import { formatValue, quantityCell, ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { Footnotes } from "./provenance.js";
import type { ChangeGroup } from "./types.js";
import { untrusted } from "./untrusted.js";

export interface HeadlineTableInput {
  group: ChangeGroup;
  file?: FileReport;
  t: Translator;
  /** Shared with the finding's full table, whose legend explains the marks. */
  notes: Footnotes;
}

/**
 * The one table above the fold: effective batch (and how it is formed), peak memory per device
 * against the budget, step time and time to the same loss, steps and epochs to the same loss,
 * and the learning rate. Each cell is a value or a range with its source's footnote mark; a row
 * the estimate could not fill says so instead of vanishing.
 * @example renderHeadlineTable({ group, file, t, notes }) // "| | Before | After | Change |\n…"
 */
export function renderHeadlineTable(input: HeadlineTableInput): string {
  const { group, t } = input;
  const e = group.estimate;
  const ctx = { t, notes: input.notes };
  const none = t.t("cell.notPredicted");
  const rows: string[][] = [];

  const unit = t.t(e.batch.unit === "tokens" ? "unit.tokens" : "unit.samples");
  const [formedBefore, formedAfter] = formed(group, input.file);
  const side = (v: number | null, how: string) => {
    if (v === null) return t.t("cell.unknown");
    const batch = `${formatNumber(v)} ${unit}`;
    return how ? t.t("head.formed", { batch, how }) : batch;
  };
  const batchChange =
    e.batch.ratio === null
      ? t.t("cell.unknown")
      : Math.abs(e.batch.ratio - 1) < 1e-9
        ? t.t("cell.unchanged")
        : `×${formatNumber(e.batch.ratio)}`;
  rows.push([t.t("head.row.batch"), side(e.batch.before, formedBefore), side(e.batch.after, formedAfter), batchChange]);

  const m = e.memory;
  const budget = m.budget;
  const memoryLabel = budget
    ? t.t("head.row.memoryBudget", { budget: untrusted(budget.budget, "text", { t }) })
    : t.t("head.row.memory");
  let memoryChange = m.peak.ratio ? ratioPhrase(m.peak.ratio, "memory", { t }) : none;
  if (budget && budget.status !== "ok") {
    const shown = budget.message.id === "budget-over" ? "error" : budget.status;
    memoryChange = `**${t.t(`budget.${shown}` as MessageId, { budget: untrusted(budget.budget, "text", { t }) })}**`;
  } else if (budget?.status === "ok" && m.peak.ratio)
    memoryChange = `${memoryChange}, ${t.t("budget.ok", { budget: untrusted(budget.budget, "text", { t }) })}`;
  rows.push([
    memoryLabel,
    // Without bytes the row is relative, like the steps rows: before = 1, after its ratio.
    m.peak.before ? quantityCell(m.peak.before, ctx) : m.peak.ratio && !m.peak.after ? "1" : "—",
    m.peak.after ? quantityCell(m.peak.after, ctx) : m.peak.ratio ? ratioAfter(m.peak.ratio, ctx) : "—",
    memoryChange,
  ]);

  const s = e.speed;
  if (s)
    rows.push([
      t.t("head.row.stepTime"),
      quantityCell(s.stepTime.before, ctx),
      quantityCell(s.stepTime.after, ctx),
      ratioPhrase(s.stepTime.ratio, "time", { t }),
    ]);
  else rows.push([t.t("head.row.stepTime"), "—", "—", none]);
  const c = e.convergence;
  const wall = s?.wallTime?.ratio ?? c?.wallTimeRatio;
  if (s?.wallTime?.before && s.wallTime.after) {
    // An uncertain time after the change makes its ratio uncertain too: no point figure for it.
    const ratio = s.wallTime.after.uncertain ? { ...s.wallTime.ratio, uncertain: true } : s.wallTime.ratio;
    rows.push([
      t.t("head.row.timeToLossAbsolute"),
      quantityCell(s.wallTime.before, ctx),
      quantityCell(s.wallTime.after, ctx),
      ratioPhrase(ratio, "time", { t }),
    ]);
  } else
    rows.push([
      t.t("head.row.timeToLoss"),
      wall ? "1" : "—",
      wall ? ratioAfter(wall, ctx) : "—",
      wall ? ratioPhrase(wall, "time", { t }) : none,
    ]);

  if (c) {
    rows.push([t.t("head.row.steps"), "1", ratioAfter(c.stepsRatio, ctx), ratioPhrase(c.stepsRatio, "steps", { t })]);
    rows.push([
      t.t("head.row.epochs"),
      "1",
      ratioAfter(c.examplesRatio, ctx),
      ratioPhrase(c.examplesRatio, "examples", { t }),
    ]);
  } else {
    rows.push([t.t("head.row.steps"), "—", "—", none]);
    rows.push([t.t("head.row.epochs"), "—", "—", none]);
  }

  const lr = e.learningRate;
  const show = (v: number | null) => (v === null ? t.t("cell.unknown") : formatValue(v, "learning-rate"));
  let lrChange = t.t(`lr.status.${lr.status}` as MessageId);
  if (lr.suggested && (lr.status === "unchanged-needs-scaling" || lr.status === "differs-from-rule")) {
    const value = lr.suggestedRaw
      ? untrusted(lr.suggestedRaw, "text", { t })
      : formatValue(lr.suggested.value, "learning-rate");
    const rule = t.t(`lr.rule.${lr.rule}` as MessageId);
    lrChange = `${t.t("lr.suggested", { value: `**${value}**`, rule })}${input.notes.mark(lr.suggested.source)}`;
  }
  rows.push([t.t("head.row.lr"), show(lr.before), show(lr.after), lrChange]);

  return markdownTable(
    [["", t.t("table.before"), t.t("table.after"), t.t("table.change")], ...rows.map((r) => r.map(escapeCell))],
    { align: ["l", "r", "r", "l"], alignDelimiters: false },
  );
}

/** "8 × 2 × 4": per-device batch × accumulation × devices on each side, when all three are known. */
function formed(group: ChangeGroup, file?: FileReport): [string, string] {
  const parts = batchParts(group, file);
  const side = (pick: "before" | "after") => {
    const values = parts.map((p) => p[pick]);
    return values.every((v) => typeof v === "number") ? values.map((v) => formatNumber(v as number)).join(" × ") : "";
  };
  return [side("before"), side("after")];
}

/** A ratio in the "after" column of a row whose "before" is 1: the number, or its range when uncertain. */
function ratioAfter(q: Quantity, ctx: { t: Translator; notes: Footnotes }): string {
  if (q.uncertain && q.low !== undefined && q.high !== undefined)
    return `${formatRange(Math.min(q.low, q.high), Math.max(q.low, q.high))}${ctx.notes.mark(q.source)}`;
  return quantityCell({ ...q, unit: "steps" }, ctx);
}
