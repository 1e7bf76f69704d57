import { markdownTable } from "markdown-table";
import type { FileReport, Scalar } from "../detect/types.js";
import type { Estimate, Quantity } from "../estimate/types.js";
import { batchParts, type PartRole } from "./batch-parts.js";
import { escapeCell } from "./escape-cell.js";
import { formatNumber, formatPercentChange, formatRange } from "./format-number.js";
import { formatValue, quantityCell, ratioPhrase } from "./format-quantity.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import { renderMemoryParts } from "./memory-parts.js";
import { Footnotes, type ProxyNamed } from "./provenance.js";
import type { ChangeGroup } from "./types.js";
import { groupLevel } from "./level.js";
import { untrusted } from "./untrusted.js";
import { verdictText } from "./verdict-text.js";

export interface ChangeTableInput {
  group: ChangeGroup;
  file?: FileReport;
  /** The proxy description (and its id), for the "measured" footnote. */
  proxy?: ProxyNamed;
  /** The comment's first line already gives this group's verdict: the row shows only its level. */
  verdictShown?: boolean;
  /** Footnotes shared with the headline table, so one legend explains both. */
  notes?: Footnotes;
  t: Translator;
}

const PART_ROW: Record<PartRole, MessageId> = {
  micro_batch: "row.micro",
  grad_accum: "row.accum",
  devices: "row.devices",
};

/**
 * The before/after/change table of one file's change, each number with its interval and a
 * footnote marker for where it came from, and the legend of those markers under it.
 * @example renderChangeTable({ group, file, t: translator("en") }) // "| | Before | After | Change |\n…"
 */
export function renderChangeTable(input: ChangeTableInput): string {
  const { group, t } = input;
  const e = group.estimate;
  const notes = input.notes ?? new Footnotes(t, input.proxy);
  const ctx = { t, notes };
  const rows: string[][] = [];
  const unit = t.t(e.batch.unit === "tokens" ? "unit.tokens" : "unit.samples");

  rows.push([
    t.t("row.effective"),
    batchCell(e.batch.before, unit, t),
    batchCell(e.batch.after, unit, t),
    e.batch.ratio === null ? t.t("cell.unknown") : `×${formatNumber(e.batch.ratio)}`,
  ]);
  for (const part of batchParts(group, input.file)) {
    const change = part.changed
      ? changeOf(part.before, part.after, t)
      : part.before === part.after && part.after !== undefined
        ? t.t("cell.unchanged")
        : "";
    rows.push([t.t(PART_ROW[part.role]), scalarCell(part.before, t), scalarCell(part.after, t), change]);
  }
  rows.push(learningRateRow(e, ctx));

  const c = e.convergence;
  if (c) {
    rows.push([t.t("row.steps"), "1", ratioCell(c.stepsRatio, ctx), ratioPhrase(c.stepsRatio, "steps", { t })]);
    rows.push([
      t.t("row.examples"),
      "1",
      ratioCell(c.examplesRatio, ctx),
      ratioPhrase(c.examplesRatio, "examples", { t }),
    ]);
  }
  const s = e.speed;
  if (s) rows.push(...speedRows(s, ctx));
  // As in the headline: an uncertain time after the change has no point ratio either.
  if (s?.wallTime?.before && s.wallTime.after)
    rows.push([
      t.t("row.wallTimeSeconds", { steps: formatNumber(s.wallTime.steps ?? 0) }),
      quantityCell(s.wallTime.before, ctx),
      quantityCell(s.wallTime.after, ctx),
      ratioPhrase(s.wallTime.after.uncertain ? { ...s.wallTime.ratio, uncertain: true } : s.wallTime.ratio, "time", {
        t,
      }),
    ]);
  else if (c?.wallTimeRatio)
    rows.push([t.t("row.wallTime"), "1", ratioCell(c.wallTimeRatio, ctx), ratioPhrase(c.wallTimeRatio, "time", { t })]);

  const m = e.memory;
  const basis = t.t(`memory.basis.${m.peak.basis}` as MessageId);
  if (m.peak.before || m.peak.after || m.peak.ratio) {
    const change = m.peak.ratio ? ratioPhrase(m.peak.ratio, "memory", { t, notes }) : "";
    rows.push([
      t.t("row.memory", { basis }),
      quantityCell(m.peak.before, ctx),
      quantityCell(m.peak.after, ctx),
      change,
    ]);
  }
  if (m.budget) {
    const b = m.budget;
    // A status of "warn" is either over a warn-level budget or near any budget: the message id tells which.
    const shown = b.message.id === "budget-over" ? "error" : b.status;
    const status = t.t(`budget.${shown}` as MessageId, { budget: untrusted(b.budget, "text", { t }) });
    rows.push([
      t.t("row.budget"),
      "",
      b.compared ? budgetCompared(b.compared, b.kind, ctx) : "—",
      b.status === "ok" || b.status === "unknown" ? status : `**${status}**`,
    ]);
  }
  const max = m.maxBatchPerDevice;
  if (max) {
    const advice =
      max.value === 0
        ? `**${t.t("maxBatch.none")}**`
        : max.accumulation
          ? `**${t.t("maxBatch.split", {
              micro: formatNumber(max.accumulation.micro),
              accumulation: formatNumber(max.accumulation.accumulation),
            })}**`
          : max.fitsAtHigh === false
            ? t.t("maxBatch.fitsCentral", { low: formatNumber(max.low ?? 0) })
            : t.t("maxBatch.fits");
    const largest = max.low === undefined ? formatNumber(max.value) : formatRange(max.low, max.value);
    rows.push([t.t("row.maxBatch"), "", largest, advice]);
  }
  const level = `**${t.t(`level.${groupLevel(group)}` as MessageId)}**`;
  const verdict = untrusted(verdictText(e, t, { group, file: input.file }), "text", { t });
  rows.push([t.t("row.verdict"), "", "", input.verdictShown ? level : `${level} — ${verdict}`]);

  const table = markdownTable(
    [["", t.t("table.before"), t.t("table.after"), t.t("table.change")], ...rows.map((r) => r.map(escapeCell))],
    { align: ["l", "r", "r", "l"], alignDelimiters: false },
  );
  // Shared footnotes are explained once, by the caller, under both tables.
  const legend = input.notes ? "" : notes.legend();
  const parts = renderMemoryParts({ memory: m, workload: e.workload, t });
  return [table, legend, parts].filter(Boolean).join("\n\n");
}

/** Step time, throughput, time per epoch and GPU-hours on the user's GPU (or as measured on their job). */
function speedRows(s: NonNullable<Estimate["speed"]>, ctx: { t: Translator; notes: Footnotes }): string[][] {
  const { t } = ctx;
  const on = s.gpu ? untrusted(s.gpu.id, "text", { t }) : t.t("speed.yourGpu");
  const rows = [
    [
      t.t("row.stepTimeGpu", { gpu: on }),
      quantityCell(s.stepTime.before, ctx),
      quantityCell(s.stepTime.after, ctx),
      ratioPhrase(s.stepTime.ratio, "time", { t }),
    ],
  ];
  rows.push([
    t.t(s.throughput.before.unit === "tokens/s" ? "row.tokensPerSecond" : "row.examplesPerSecond"),
    quantityCell(s.throughput.before, ctx),
    quantityCell(s.throughput.after, ctx),
    ratioPhrase(s.throughput.ratio, "throughput", { t }),
  ]);
  if (s.epochTime)
    rows.push([
      t.t("row.epochTimeGpu", { gpu: on, examples: formatNumber(s.epochTime.examples) }),
      quantityCell(s.epochTime.before, ctx),
      quantityCell(s.epochTime.after, ctx),
      ratioPhrase(s.epochTimeRatio, "time", { t }),
    ]);
  else
    rows.push([
      t.t("row.epochTimeRatio", { gpu: on }),
      "1",
      ratioCell(s.epochTimeRatio, ctx),
      ratioPhrase(s.epochTimeRatio, "time", { t }),
    ]);
  const f = s.fixedLength;
  if (f?.gpuHours)
    rows.push([
      t.t("row.gpuHours", { key: untrusted(f.key, "code", { t }), value: formatNumber(f.value) }),
      quantityCell(f.gpuHours.before, ctx),
      quantityCell(f.gpuHours.after, ctx),
      ratioPhrase(f.gpuHoursRatio, "time", { t }),
    ]);
  return rows;
}

function learningRateRow(e: Estimate, ctx: { t: Translator; notes: Footnotes }): string[] {
  const { t } = ctx;
  const lr = e.learningRate;
  const show = (v: number | null) => (v === null ? t.t("cell.unknown") : formatValue(v, "learning-rate"));
  let change = t.t(`lr.status.${lr.status}` as MessageId);
  if (lr.suggested) {
    const value = lr.suggestedRaw
      ? untrusted(lr.suggestedRaw, "text", { t })
      : formatValue(lr.suggested.value, "learning-rate");
    const shown = lr.suggested.uncertain ? t.t("cell.uncertain") : value;
    const rule = t.t(`lr.rule.${lr.rule}` as MessageId);
    const suggested = `${t.t("lr.suggested", { value: `**${shown}**`, rule })}${ctx.notes.mark(lr.suggested.source)}`;
    change = t.t("lr.cell", { status: change, suggested });
  }
  return [t.t("row.lr"), show(lr.before), show(lr.after), change];
}

function budgetCompared(q: Quantity, kind: "absolute" | "relative", ctx: { t: Translator; notes: Footnotes }): string {
  if (kind === "absolute") return quantityCell(q, ctx);
  // A relative budget compares the ratio new ÷ old, which reads best as a percentage change.
  return `${q.uncertain ? ctx.t.t("cell.uncertain") : formatPercentChange(q.value)}${ctx.notes.mark(q.source)}`;
}

/** A ratio in the "after" column of a row whose "before" is 1: a plain number, not "×0.52". */
function ratioCell(q: Quantity, ctx: { t: Translator; notes: Footnotes }): string {
  return quantityCell({ ...q, unit: "steps" }, ctx);
}

function batchCell(v: number | null, unit: string, t: Translator): string {
  return v === null ? t.t("cell.unknown") : `${formatNumber(v)} ${unit}`;
}

function scalarCell(v: Scalar | undefined, t: Translator): string {
  if (v === undefined || v === null) return t.t("cell.unknown");
  return typeof v === "number" ? formatNumber(v) : untrusted(v, "code", { t });
}

function changeOf(before: Scalar | undefined, after: Scalar | undefined, t: Translator): string {
  if (typeof before === "number" && typeof after === "number" && before > 0) return `×${formatNumber(after / before)}`;
  return t.t("cell.changed");
}
