import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importGraph, importsOf } from "./import-graph.js";
import { areaOf, KNOWN_DEPARTURES, SHARED_FACILITIES, staleDepartures, violations } from "./import-rules.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the import rules of docs/architecture.md", () => {
  const graph = importGraph(ROOT);

  it("reads the graph of src/ (hundreds of imports, types told from values)", () => {
    expect(graph.length).toBeGreaterThan(500);
    expect(graph.some((i) => i.typeOnly)).toBe(true);
    expect(graph.some((i) => !i.typeOnly)).toBe(true);
  });

  it("holds for every import under src/", () => {
    expect(violations(graph)).toEqual([]);
  });

  it("lists only departures that still exist", () => {
    expect(staleDepartures(graph)).toEqual([]);
  });

  it("are the ones docs/architecture.md states: every shared facility and departure is named there", () => {
    const page = readFileSync(`${ROOT}/docs/architecture.md`, "utf8");
    const rules = page.slice(page.indexOf("## Import rules"), page.indexOf("## The workload in one paragraph"));
    const named = [...SHARED_FACILITIES.map((f) => f.named), ...KNOWN_DEPARTURES.flatMap((d) => [d.from, d.to])];
    expect(named.filter((path) => !rules.includes(`\`${path}\``))).toEqual([]);
  });
});

/** One import written into a file of src/, checked alone. */
const check = (path: string, line: string) => violations(importsOf(path, line));

describe("each rule catches what it forbids", () => {
  it("a value from an earlier stage, as estimate/speed.ts once took fitLine from proxy", () => {
    expect(check("src/estimate/speed.ts", 'import { fitLine } from "../proxy/fit-line.js";')).toEqual([
      "src/estimate/speed.ts:1 imports src/proxy/fit-line.ts: estimate takes only types from proxy",
    ]);
    expect(check("src/report/format-number.ts", 'export { formatBytes } from "../estimate/format-bytes.js";')).toEqual([
      "src/report/format-number.ts:1 imports src/estimate/format-bytes.ts: " +
        "report takes only types from estimate, an earlier stage (or a shared facility)",
    ]);
  });

  it("types from an earlier stage pass, in every spelling", () => {
    expect(check("src/report/x.ts", 'import type { Estimate } from "../estimate/types.js";')).toEqual([]);
    expect(check("src/report/x.ts", 'import { type Estimate, type Quantity } from "../estimate/types.js";')).toEqual(
      [],
    );
    expect(check("src/report/x.ts", 'export type { Estimate } from "../estimate/types.js";')).toEqual([]);
    expect(check("src/report/x.ts", 'let e: import("../estimate/types.js").Estimate;')).toEqual([]);
  });

  it("a mixed import, a side-effect import and a dynamic import are values", () => {
    expect(
      check("src/report/x.ts", 'import { estimateChange, type Estimate } from "../estimate/estimate.js";'),
    ).toHaveLength(1);
    expect(check("src/report/x.ts", 'import "../estimate/estimate.js";')).toHaveLength(1);
    expect(check("src/report/x.ts", 'const m = await import("../estimate/estimate.js");')).toHaveLength(1);
  });

  it("data flows one way: no stage imports a later one, not even its types", () => {
    expect(check("src/detect/x.ts", 'import type { Workload } from "../workload/types.js";')).toEqual([
      "src/detect/x.ts:1 imports src/workload/types.ts (types): detect never imports workload",
    ]);
    expect(check("src/workload/x.ts", 'import type { Measurements } from "../proxy/types.js";')).toEqual([
      "src/workload/x.ts:1 imports src/proxy/types.ts (types): workload never imports proxy",
    ]);
    expect(check("src/proxy/x.ts", 'import type { Estimate } from "../estimate/types.js";')).toEqual([
      "src/proxy/x.ts:1 imports src/estimate/types.ts (types): proxy never imports a later stage (estimate)",
    ]);
  });

  it("detect never imports proxy, github, estimate, report or a front; report never imports github", () => {
    for (const target of [
      "../proxy/run-proxy.js",
      "../github/post-comment.js",
      "../estimate/estimate.js",
      "../report/build-report.js",
      "../cli/run-cli.js",
      "../action.js",
    ]) {
      expect(check("src/detect/x.ts", `import { x } from "${target}";`)).toHaveLength(1);
    }
    expect(check("src/report/x.ts", 'import type { GitHub } from "../github/create-octokit.js";')).toEqual([
      "src/report/x.ts:1 imports src/github/create-octokit.ts (types): report never imports github",
    ]);
  });

  it("fronts reach the core only through src/advisor.ts, and use the edges they assemble", () => {
    expect(check("src/cli/x.ts", 'import { detectChanges } from "../detect/detect-changes.js";')).toEqual([
      "src/cli/x.ts:1 imports src/detect/detect-changes.ts: " +
        "a front reaches the core only through src/advisor.ts (not src/detect/detect-changes.ts)",
    ]);
    expect(check("src/app/x.ts", 'import { detectGroups } from "../advisor/detect-groups.js";')).toHaveLength(1);
    expect(check("src/action.ts", 'import { estimateChange } from "./estimate/estimate.js";')).toHaveLength(1);
    expect(check("src/cli/x.ts", 'import { analyze, detectGroups } from "../advisor.js";')).toEqual([]);
    expect(check("src/cli/x.ts", 'import type { DetectResult } from "../detect/detect-changes.js";')).toEqual([]);
    expect(check("src/action/x.ts", 'import { renderSummary } from "../report/render-summary.js";')).toEqual([]);
    expect(check("src/action/x.ts", 'import { buildReport } from "../report/build-report.js";')).toHaveLength(1);
    expect(check("src/app/x.ts", 'import { runCli } from "../cli/run-cli.js";')).toEqual([
      "src/app/x.ts:1 imports src/cli/run-cli.ts: a front never imports another front",
    ]);
  });

  it("shared facilities are open to every stage; util depends on nothing", () => {
    expect(check("src/workload/x.ts", 'import { parseConfig } from "../detect/parse/parse-config.js";')).toEqual([]);
    expect(check("src/estimate/x.ts", 'import { findGpu } from "../workload/catalogue/find-gpu.js";')).toEqual([]);
    expect(check("src/proxy/x.ts", 'import { readRegularFile } from "../source/read-regular-file.js";')).toEqual([]);
    expect(check("src/util/x.ts", 'import { formatNumber } from "../report/format-number.js";')).toHaveLength(1);
  });

  it("names each file's area by its folder or door file", () => {
    expect(
      [
        "src/cli.ts",
        "src/cli/run-cli.ts",
        "src/advisor.ts",
        "src/advisor/detect-groups.ts",
        "src/index.ts",
        "src/config.ts",
        "src/util/fit-line.ts",
      ].map(areaOf),
    ).toEqual(["cli", "cli", "advisor", "advisor", "library", "config", "util"]);
  });
});
