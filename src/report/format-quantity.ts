import type { Quantity, Unit } from "../estimate/types.js";
import { exponent, formatBytes, formatFactor, formatFactorRange, formatMs, formatNumber, formatRange, formatSeconds } from "./format-number.js";
import type { MessageId } from "./messages/en.js";
import type { Translator } from "./messages/translate.js";
import type { Footnotes } from "./provenance.js";

/** What a ratio counts, which picks "fewer"/"less" and the noun. */
export type RatioNoun = "steps" | "examples" | "time" | "memory" | "throughput";

const COUNTABLE: RatioNoun[] = ["steps", "examples"];

/**
 * A number in its unit: bytes in GiB/MiB, times in ms/s, learning rates in "1.0e-4" style.
 * @example formatValue(19327352832, "bytes") // "18.0 GiB"
 */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "bytes":
      return formatBytes(value);
    case "bytes/example":
      return `${formatBytes(value)}/ex.`;
    case "ms":
      return formatMs(value);
    case "s":
      return formatSeconds(value);
    case "tokens/s":
      return `${formatNumber(value)} tok/s`;
    case "examples/s":
      return `${formatNumber(value)} ex./s`;
    case "GPU-hours":
      return `${formatNumber(value)} GPU·h`;
    case "learning-rate":
      return Math.abs(value) < 0.01 && value !== 0 ? exponent(value) : formatNumber(value);
    case "ratio":
      return `×${formatNumber(value)}`;
    default:
      return formatNumber(value);
  }
}

/**
 * A quantity for a table cell: value, interval in parentheses, provenance marker; "uncertain"
 * (with the wide interval) instead of a confident number.
 * @example quantityCell(q, { t, notes }) // "18.0 GiB (16.0–20.0 GiB)<sup>1</sup>"
 */
export function quantityCell(q: Quantity | undefined, ctx: { t: Translator; notes: Footnotes }): string {
  if (!q) return "—";
  const show = (v: number) => formatValue(v, q.unit);
  const range = q.low !== undefined && q.high !== undefined && q.low !== q.high ? formatRange(Math.min(q.low, q.high), Math.max(q.low, q.high), show) : undefined;
  const mark = ctx.notes.mark(q.source);
  if (q.uncertain) return `${ctx.t.t("cell.uncertain")}${range ? ` (${range})` : ""}${mark}`;
  return `${show(q.value)}${range ? ` (${range})` : ""}${mark}`;
}

/**
 * A ratio new ÷ old in words: "1.93× fewer steps (1.8–2.1×)", "about the same", or "uncertain".
 * @example ratioPhrase({ value: 0.517, unit: "ratio", source: "…" }, "steps", ctx) // "1.93× fewer steps<sup>1</sup>"
 */
export function ratioPhrase(q: Quantity | undefined, noun: RatioNoun, ctx: { t: Translator; notes?: Footnotes; /** Leave the interval out (one-line verdicts). */ bare?: boolean }): string {
  if (!q) return "—";
  const mark = ctx.notes ? ctx.notes.mark(q.source) : "";
  const t = ctx.t;
  // Intervals are read low to high whatever order they arrive in.
  if (q.low !== undefined && q.high !== undefined && q.low > q.high) q = { ...q, low: q.high, high: q.low };
  const what = t.t(`noun.${noun}` as MessageId);
  const hasRange = !ctx.bare && q.low !== undefined && q.high !== undefined && q.low > 0 && q.low !== q.high;
  if (q.uncertain) {
    return `${t.t("ratio.uncertain", { what })}${hasRange ? ` (${formatFactorRange(q.low!, q.high!)})` : ""}${mark}`;
  }
  const r = q.value;
  if (!(r > 0) || !Number.isFinite(r)) return `—${mark}`;
  if (Math.abs(r - 1) < 0.005) return `${t.t("ratio.same", { what })}${mark}`;
  const down = r < 1;
  const x = down ? 1 / r : r;
  const [lo, hi] = hasRange ? (down ? [1 / q.high!, 1 / q.low!] : [q.low!, q.high!]) : [undefined, undefined];
  const id: MessageId = down ? (COUNTABLE.includes(noun) ? "ratio.fewer" : "ratio.less") : "ratio.more";
  const xRange = lo !== undefined && hi !== undefined ? t.t("ratio.range", { range: formatFactorRange(lo, hi) }) : "";
  const rRange = hasRange ? t.t("ratio.rawRange", { range: formatRange(q.low!, q.high!) }) : "";
  return `${t.t(id, { x: formatFactor(x), what, r: formatNumber(r), xRange, rRange, pct: String(Math.round(Math.abs(r - 1) * 100)) })}${mark}`;
}
