// Number formats and the table helper shared by the generated benchmark docs.
import { markdownTable } from "markdown-table";

/** 0.136 → "14 %". */
export function pct(x: number | null | undefined, digits = 0): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "—" : `${(100 * x).toFixed(digits)} %`;
}

/** Three significant figures, plain notation. */
export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return "—";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "—";
  return Math.abs(x) >= 10 ** digits ? Math.round(x).toLocaleString("en-US") : Number(x.toPrecision(digits)).toString();
}

/** Seconds, or milliseconds below a tenth of a second. */
export function seconds(x: number | null | undefined): string {
  if (x === null || x === undefined) return "—";
  if (x < 0.1) return `${(1000 * x).toPrecision(2)} ms`;
  return `${x < 10 ? x.toFixed(2) : x.toFixed(1)} s`;
}

export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

/** "yes" / "**no**" for a goal. */
export function met(ok: boolean): string {
  return ok ? "yes" : "**no**";
}

/** A markdown table whose first column is left-aligned and the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  return markdownTable([header, ...rows], { align: header.map((_, i) => (i === 0 ? "l" : "r")) });
}
