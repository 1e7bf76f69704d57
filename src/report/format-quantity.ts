import type { Quantity, Unit } from "../estimate/types.js";
import {
  exponent,
  factorDigits,
  formatBytes,
  formatMs,
  formatNumber,
  formatRange,
  formatSeconds,
} from "./format-number.js";
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
 * A quantity for a table cell: value, interval in parentheses, provenance marker; an uncertain
 * one shows only its interval ("48.5–108 GiB"), never a confident number.
 * @example quantityCell(q, { t, notes }) // "18.0 GiB (16.0–20.0 GiB)<sup>1</sup>"
 */
export function quantityCell(q: Quantity | undefined, ctx: { t: Translator; notes: Footnotes }): string {
  if (!q) return "—";
  const show = (v: number) => formatValue(v, q.unit);
  const range =
    q.low !== undefined && q.high !== undefined && q.low !== q.high
      ? formatRange(Math.min(q.low, q.high), Math.max(q.low, q.high), show)
      : undefined;
  const mark = ctx.notes.mark(q.source);
  // An uncertain value has no point figure: its interval, or the word when there is none.
  if (q.uncertain) return `${range ?? ctx.t.t("cell.uncertain")}${mark}`;
  return `${show(q.value)}${range ? ` (${range})` : ""}${mark}`;
}

/**
 * A ratio new ÷ old in words, the same factors in every language: "1.93× fewer steps (1.92–1.95×)"
 * ("訓練步數減為 1/1.93"), "about the same". An uncertain ratio has no point value, only its
 * range: "1.02–1.99× fewer steps"; without a range it is "uncertain".
 * @example ratioPhrase({ value: 0.517, unit: "ratio", source: "…" }, "steps", ctx) // "1.93× fewer steps<sup>1</sup>"
 */
export function ratioPhrase(
  q: Quantity | undefined,
  noun: RatioNoun,
  ctx: { t: Translator; notes?: Footnotes /** Leave the interval out (one-line verdicts). */; bare?: boolean },
): string {
  if (!q) return "—";
  const mark = ctx.notes ? ctx.notes.mark(q.source) : "";
  const t = ctx.t;
  // Intervals are read low to high whatever order they arrive in.
  if (q.low !== undefined && q.high !== undefined && q.low > q.high) q = { ...q, low: q.high, high: q.low };
  const what = t.t(`noun.${noun}` as MessageId);
  const ranged = q.low !== undefined && q.high !== undefined && q.low > 0 && q.low !== q.high;
  const down = (r: number) => r < 1;
  const id = (r: number, range: boolean): MessageId => {
    const base = down(r) ? (COUNTABLE.includes(noun) ? "ratio.fewer" : "ratio.less") : "ratio.more";
    return (range ? `${base}Range` : base) as MessageId;
  };
  // Factors are read as "N× fewer" below 1: the range's ends swap when inverted.
  const factors = (low: number, high: number) => (down(high) ? [1 / high, 1 / low] : [low, high]);
  if (q.uncertain) {
    // An interval that straddles 1 says no direction: only "uncertain", with the raw range.
    if (!ranged || (q.low! < 1 && q.high! > 1)) {
      const raw = ranged ? t.t("ratio.rawRange", { range: formatRange(q.low!, q.high!) }) : "";
      return `${t.t("ratio.uncertain", { what })}${raw}${mark}`;
    }
    const [lo, hi] = factors(q.low!, q.high!);
    return `${t.t(id(q.high!, true), { what, lo: factorDigits(lo), hi: factorDigits(hi) })}${mark}`;
  }
  const r = q.value;
  if (!(r > 0) || !Number.isFinite(r)) return `—${mark}`;
  if (Math.abs(r - 1) < 0.005) return `${t.t("ratio.same", { what })}${mark}`;
  const x = down(r) ? 1 / r : r;
  let xRange = "";
  if (ranged && !ctx.bare && (down(q.high!) === down(r) || q.high === 1) && (down(q.low!) === down(r) || q.low === 1)) {
    const [lo, hi] = factors(q.low!, q.high!).map(factorDigits);
    // A range that rounds to one number says nothing the value does not.
    if (lo !== hi) xRange = t.t(down(r) ? "ratio.rangeDown" : "ratio.range", { lo, hi });
  }
  return `${t.t(id(r, false), { x: factorDigits(x), what, xRange })}${mark}`;
}
