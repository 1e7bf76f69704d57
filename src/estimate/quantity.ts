import type { Provenance, Quantity, Unit } from "./types.js";

/**
 * Builds a Quantity; the interval is sorted and dropped when it is not finite.
 * @example quantity(0.517, "ratio", "McCandlish et al. 2018 …", { low: 0.5, high: 0.6 })
 */
export function quantity(
  value: number,
  unit: Unit,
  source: Provenance,
  extra: { low?: number; high?: number; note?: string } = {},
): Quantity {
  const q: Quantity = { value, unit, source };
  const { low, high } = extra;
  if (low !== undefined && high !== undefined && Number.isFinite(low) && Number.isFinite(high)) {
    q.low = Math.min(low, high, value);
    q.high = Math.max(low, high, value);
  }
  if (extra.note) q.note = extra.note;
  return q;
}

/**
 * Applies a monotone function to a quantity's value and both ends of its interval: the ends of a
 * monotone function's range are the images of the interval's ends.
 * @example mapQuantity(bCrit, (b) => stepsRatio(b), "ratio", SOURCES.steps)
 */
export function mapQuantity(q: Quantity, f: (x: number) => number, unit: Unit, source: Provenance): Quantity {
  const hasInterval = q.low !== undefined && q.high !== undefined;
  return quantity(f(q.value), unit, source, hasInterval ? { low: f(q.low!), high: f(q.high!) } : {});
}

/**
 * Product (or quotient, with `divide`) of two positive quantities; the interval takes the
 * extreme combinations, which is conservative when the two are independent.
 */
export function combine(
  a: Quantity,
  b: Quantity,
  options: { unit: Unit; source: Provenance; divide?: boolean },
): Quantity {
  const op = (x: number, y: number) => (options.divide ? x / y : x * y);
  const ends = (q: Quantity) => [q.low ?? q.value, q.high ?? q.value];
  const candidates = ends(a).flatMap((x) => ends(b).map((y) => op(x, y)));
  const interval = a.low !== undefined || b.low !== undefined;
  return quantity(
    op(a.value, b.value),
    options.unit,
    options.source,
    interval ? { low: Math.min(...candidates), high: Math.max(...candidates) } : {},
  );
}

/** True when a quantity's interval spans more than `ratio` (high ÷ low), the config's uncertainty threshold. */
export function isTooWide(q: Quantity, ratio: number): boolean {
  if (q.low === undefined || q.high === undefined) return false;
  if (q.low <= 0) return q.high > 0;
  return q.high / q.low > ratio;
}

/**
 * Marks every Quantity inside `value` (walked deeply) whose interval is too wide as uncertain.
 * @example markUncertain(estimate, 2) // estimate.convergence.bCrit.uncertain === true when high/low > 2
 */
export function markUncertain(value: unknown, ratio: number): void {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    value.forEach((v) => markUncertain(v, ratio));
    return;
  }
  const record = value as Record<string, unknown>;
  if (isQuantity(record) && isTooWide(record, ratio)) record.uncertain = true;
  for (const v of Object.values(record)) markUncertain(v, ratio);
}

function isQuantity(v: Record<string, unknown>): v is Quantity & Record<string, unknown> {
  return typeof v.value === "number" && typeof v.unit === "string" && typeof v.source === "string";
}
