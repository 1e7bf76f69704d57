import type { Estimate, Verdict } from "./types.js";

/**
 * The level a reviewer reads first — the worst risk's — with the numbers the verdict sentence
 * names. The sentence itself is the report's (src/report/verdict-text.ts), in the reader's language.
 * @example verdict(estimate) // { id: "verdict-warn", level: "warn", params: { before: 32, after: 64, ratio: 2 } }
 */
export function verdict(estimate: Omit<Estimate, "verdict">): Verdict {
  const level = estimate.risks.some((r) => r.level === "error")
    ? "error"
    : estimate.risks.some((r) => r.level === "warn")
      ? "warn"
      : "ok";
  const { batch } = estimate;
  const params: Record<string, string | number> = { before: batch.before ?? "?", after: batch.after ?? "?" };
  if (batch.ratio !== null) params.ratio = batch.ratio;
  return { level, id: `verdict-${level}`, params };
}
