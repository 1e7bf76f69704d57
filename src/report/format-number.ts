/**
 * Numbers as a reader wants them in a comment: three significant digits, thousands grouped,
 * bytes in binary units, factors with a "×". Language-neutral: the words around them come from
 * the message catalogues.
 */

/** Shared with the estimate stage, whose English messages print the same bytes. */
export { formatBytes } from "../util/format-bytes.js";

/**
 * Three significant digits; integers below a trillion keep every digit, grouped by thousands.
 * @example formatNumber(0.51724) // "0.517"; formatNumber(10000) // "10,000"; formatNumber(0.000141) // "1.41e-4"
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "—";
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return group(String(n));
  const abs = Math.abs(n);
  if (abs === 0) return "0";
  if (abs < 1e-3 || abs >= 1e12) return exponent(n);
  if (abs >= 100) return group(String(Math.round(n)));
  return trimZeros(n.toPrecision(3));
}

/**
 * A number in "1.0e-4" style (one decimal kept, as configs write learning rates).
 * @example exponent(0.0001) // "1.0e-4"
 */
export function exponent(n: number): string {
  const [mantissa, power] = n.toExponential(2).split("e");
  const m = trimZeros(mantissa).includes(".") ? trimZeros(mantissa) : `${trimZeros(mantissa)}.0`;
  return `${m}e${power.replace("+", "")}`;
}

/**
 * A factor (≥ 0) with "×": three significant digits, at most two decimals.
 * @example formatFactor(1.9337) // "1.93×"; formatFactor(12.04) // "12×"
 */
export function formatFactor(x: number): string {
  return `${factorDigits(x)}×`;
}

/**
 * An interval of factors with one "×": "1.8–2.1×".
 * @example formatFactorRange(1.8, 2.1) // "1.8–2.1×"
 */
export function formatFactorRange(low: number, high: number): string {
  return `${factorDigits(low)}–${factorDigits(high)}×`;
}

/**
 * An interval: "0.49–0.55"; with a unit shown once, "24.0–29.0 GiB".
 * @example formatRange(0.49, 0.55) // "0.49–0.55"
 */
export function formatRange(low: number, high: number, show: (n: number) => string = formatNumber): string {
  const [a, b] = [show(low), show(high)];
  // "24.0–29.0 GiB" rather than "24.0 GiB–29.0 GiB": one unit when both ends share it.
  const unit = (s: string) => (s.includes(" ") ? s.slice(s.lastIndexOf(" ")) : "");
  const shared = unit(a);
  if (shared && shared === unit(b)) return `${a.slice(0, -shared.length)}–${b}`;
  return a.startsWith("×") && b.startsWith("×") ? `${a}–${b.slice(1)}` : `${a}–${b}`;
}

/**
 * Milliseconds as ms or s.
 * @example formatMs(12.345) // "12.3 ms"; formatMs(2500) // "2.5 s"
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  return ms >= 1000 ? `${formatNumber(ms / 1000)} s` : `${formatNumber(ms)} ms`;
}

/**
 * Seconds as s or min.
 * @example formatSeconds(95) // "1.6 min"
 */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return "—";
  return s >= 90 ? `${formatNumber(s / 60)} min` : `${formatNumber(s)} s`;
}

/**
 * A signed percentage of a ratio's change: 1.034 → "+3%", 0.517 → "−48%".
 * @example formatPercentChange(1.1) // "+10%"
 */
export function formatPercentChange(ratio: number): string {
  const pct = Math.round((ratio - 1) * 100);
  return `${pct > 0 ? "+" : pct < 0 ? "−" : "±"}${Math.abs(pct)}%`;
}

/** A factor's digits without its "×" (the catalogue places the sign per language). */
export function factorDigits(x: number): string {
  if (!Number.isFinite(x)) return "—";
  if (x >= 100) return group(String(Math.round(x)));
  if (x >= 10) return trimZeros(x.toFixed(1));
  return trimZeros(x.toFixed(2));
}

function group(digits: string): string {
  const [int, frac] = digits.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

function trimZeros(s: string): string {
  return s.includes(".") && !s.includes("e") ? s.replace(/\.?0+$/, "") : s;
}
