import { markdownTable } from "markdown-table";
import type { ConvergenceEstimate, CurvePoint } from "../estimate/types.js";
import { formatNumber } from "./format-number.js";
import type { Translator } from "./messages/translate.js";

/** More points than this crowd the x-axis; the marks are always kept. */
const MAX_POINTS = 12;

/**
 * Steps (and examples, time) to the same loss against batch size: a small table of the numbers,
 * then right after it a Mermaid `xychart-beta` of the steps with bars on the old and new batch.
 * @example renderConvergenceChart({ convergence, t }) // "| Batch size | Steps … |\n…\n```mermaid\nxychart-beta\n…"
 */
export function renderConvergenceChart(input: { convergence: ConvergenceEstimate; t: Translator }): string {
  const { convergence: c, t } = input;
  const points = pickPoints(c.curve, c.marks);
  if (points.length < 2) return "";
  const unit = t.t(c.frame.unit === "tokens" ? "unit.axis.tokens" : "unit.axis.samples");
  const withTime = points.every((p) => p.time !== undefined);
  const mark = (b: number) =>
    b === c.marks.before ? ` ← ${t.t("chart.before")}` : b === c.marks.after ? ` ← ${t.t("chart.after")}` : "";
  const header = [
    t.t("chart.col.batch", { unit }),
    t.t("chart.col.steps"),
    t.t("chart.col.perfect"),
    t.t("chart.col.examples"),
    ...(withTime ? [t.t("chart.col.time")] : []),
  ];
  const rows = points.map((p) => [
    `${formatNumber(p.batchSize)}${mark(p.batchSize)}`,
    formatNumber(p.steps),
    formatNumber(c.marks.before / p.batchSize),
    formatNumber(p.examples),
    ...(withTime ? [formatNumber(p.time!)] : []),
  ]);
  const table = markdownTable([header, ...rows], { align: ["r", "r", "r", "r", "r"], alignDelimiters: false });
  const top = niceCeiling(Math.max(...points.map((p) => p.steps)) * 1.1);
  const marks = { before: formatNumber(c.marks.before), after: formatNumber(c.marks.after) };
  const marked = (p: { batchSize: number }) => p.batchSize === c.marks.before || p.batchSize === c.marks.after;
  const chart = [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(t.t("chart.title", marks))}`,
    `  x-axis ${quote(t.t("chart.xAxis", { unit }))} ` +
      `[${points.map((p) => quote(formatNumber(p.batchSize))).join(", ")}]`,
    `  y-axis ${quote(t.t("chart.yAxis"))} 0 --> ${plain(top)}`,
    `  line [${points.map((p) => plain(p.steps)).join(", ")}]`,
    `  bar [${points.map((p) => (marked(p) ? plain(p.steps) : "0")).join(", ")}]`,
    "```",
  ].join("\n");
  const caption = t.t("chart.caption", marks);
  const uncertain = c.stepsRatio.uncertain || c.bCrit.uncertain;
  const caveat = uncertain
    ? t.t("word.sentenceJoin") +
      t.t("chart.uncertain", {
        low: formatNumber(c.bCrit.low ?? c.bCrit.value),
        high: formatNumber(c.bCrit.high ?? c.bCrit.value),
      })
    : "";
  return `${caption}${caveat}\n\n${table}\n\n${chart}`;
}

/** Sorted, finite, at most MAX_POINTS, the old and new batch always among them. */
export function pickPoints(curve: CurvePoint[], marks: { before: number; after: number }): CurvePoint[] {
  const sorted = [...curve]
    .filter((p) => p.batchSize > 0 && Number.isFinite(p.steps) && Number.isFinite(p.examples))
    .sort((a, b) => a.batchSize - b.batchSize);
  const unique = sorted.filter((p, i) => i === 0 || p.batchSize !== sorted[i - 1].batchSize);
  if (unique.length <= MAX_POINTS) return unique;
  const keep = new Set(unique.filter((p) => p.batchSize === marks.before || p.batchSize === marks.after));
  const stride = (unique.length - 1) / (MAX_POINTS - keep.size - 1);
  for (let i = 0; keep.size < MAX_POINTS && i < MAX_POINTS; i++)
    keep.add(unique[Math.min(unique.length - 1, Math.round(i * stride))]);
  return unique.filter((p) => keep.has(p));
}

/** Mermaid strings are double-quoted and cannot hold a double quote. */
function quote(s: string): string {
  return `"${s.replace(/"/g, "'")}"`;
}

/** A number Mermaid's grammar accepts: no exponent, no grouping. */
function plain(n: number): string {
  return String(Number(n.toFixed(n >= 100 ? 0 : 4)));
}

function niceCeiling(n: number): number {
  if (!(n > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(n)) / 2;
  return Math.ceil(n / step) * step;
}
