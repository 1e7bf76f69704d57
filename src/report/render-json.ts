import type { Report } from "./types.js";

/** One model (or "measured") and where in the JSON its numbers are. */
export interface SourceUse {
  source: string;
  measured: boolean;
  /** JSON pointers of the quantities it produced, e.g. "/groups/0/estimate/convergence/stepsRatio". */
  used: string[];
}

/** The report as JSON: everything but the Markdown, every number keeping its `source`, plus an index of sources. */
export type ReportJson = Omit<Report, "markdown"> & { generator: "batch-advisor"; sources: SourceUse[] };

/**
 * The JSON form of a report (schema `version` 1): the full Report minus its Markdown, with an
 * index of every source behind a number so a reader can tell measured from derived.
 * @example reportJson(report).sources[0]
 *   // { source: "measured", measured: true, used: ["/groups/0/estimate/speed/stepTime/before", …] }
 */
export function reportJson(report: Report): ReportJson {
  const { markdown: _markdown, ...rest } = report;
  return { ...rest, generator: "batch-advisor", sources: collectSources(rest) };
}

/**
 * The JSON text, two-space indented with a final newline.
 * @example renderJson(report) // "{\n  \"version\": 1,\n …"
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}

/** Every Quantity-shaped object (value, unit, source) under `root`, grouped by source. */
export function collectSources(root: unknown): SourceUse[] {
  const bySource = new Map<string, string[]>();
  const walk = (v: unknown, pointer: string) => {
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${pointer}/${i}`));
    const o = v as Record<string, unknown>;
    if (typeof o.value === "number" && typeof o.unit === "string" && typeof o.source === "string") {
      bySource.set(o.source, [...(bySource.get(o.source) ?? []), pointer]);
    }
    for (const [k, x] of Object.entries(o)) walk(x, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  };
  walk(root, "");
  return [...bySource].map(([source, used]) => ({ source, measured: source === "measured", used }));
}
