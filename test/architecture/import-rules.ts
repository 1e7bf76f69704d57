import type { Import } from "./import-graph.js";

/**
 * The rules of docs/architecture.md ("Import rules") over the import graph of src/. Each rule is
 * a sentence; a broken one names the file, the line and what it imported.
 */

/** The stages in pipeline order: data flows from a lower rank to a higher one, never back. */
const STAGES = ["source", "detect", "workload", "proxy", "measurements", "estimate", "report"] as const;
const RANK: Record<string, number> = {
  source: 0,
  detect: 1,
  workload: 2,
  proxy: 3,
  measurements: 3,
  estimate: 4,
  report: 5,
};
const FRONTS = ["cli", "action", "app"] as const;

export type Area =
  | (typeof STAGES)[number]
  | (typeof FRONTS)[number]
  | "util"
  | "config"
  | "version"
  | "advisor"
  | "library"
  | "github"
  | "outside";

/** The area a file of src/ belongs to: its folder, or the door file beside that folder. */
export function areaOf(path: string): Area {
  const match = /^src\/([^/.]+)(?:\.ts$|\/)/.exec(path);
  if (!match) return "outside";
  const name = match[1];
  if (name === "index") return "library";
  if ((STAGES as readonly string[]).includes(name) || (FRONTS as readonly string[]).includes(name)) return name as Area;
  if (["util", "config", "version", "advisor", "github"].includes(name)) return name as Area;
  return "outside";
}

const isStage = (a: Area) => a in RANK;
const isFront = (a: Area) => (FRONTS as readonly string[]).includes(a);

/**
 * Files any stage may take values from although they belong to an earlier stage: facilities with
 * no stage of their own to move to, each named with why in docs/architecture.md.
 */
export const SHARED_FACILITIES: ReadonlyArray<{ named: string; path: RegExp; why: string }> = [
  { named: "src/util/", path: /^src\/util\//, why: "pure helpers that belong to no stage" },
  {
    named: "src/source/read-regular-file.ts",
    path: /^src\/source\/read-regular-file\.ts$/,
    why: "the one bounded, root-confined local file reader",
  },
  {
    named: "src/detect/parse/parse-config.ts",
    path: /^src\/detect\/parse\/parse-config\.ts$/,
    why: "the safe parsers: every config text is parsed, never executed, the same way",
  },
  {
    named: "src/workload/catalogue/",
    path: /^src\/workload\/catalogue\//,
    why: "the model and GPU catalogues are data with lookups",
  },
];

/**
 * The report's text faces a sink writes a Report with: the renderers, the verdict line, the
 * message catalogues and the one escaping function.
 */
const REPORT_RENDERERS = /^src\/report\/((render-[\w-]+|untrusted|verdict-text)\.ts$|messages\/)/;

/**
 * Value imports from an earlier stage that break the rules today, each with the reason it stays
 * and where it goes. The test fails when one is no longer there, so this list only shrinks.
 */
export const KNOWN_DEPARTURES: ReadonlyArray<{ from: string; to: string; why: string }> = [
  {
    from: "src/estimate/estimate.ts",
    to: "src/workload/read-workload.ts",
    why:
      "estimateChange builds a workload from the model hints for callers that read none (tests, the bench); " +
      "it moves to the callers",
  },
];

const facility = (to: string) => SHARED_FACILITIES.some((f) => f.path.test(to));

/** Every broken rule in the graph, as "file:line imports target: rule". */
export function violations(imports: Import[]): string[] {
  const broken: string[] = [];
  for (const i of imports) {
    const from = areaOf(i.from);
    const to = areaOf(i.to);
    if (from === "outside" || from === to) continue;
    const say = (rule: string) =>
      broken.push(`${i.from}:${i.line} imports ${i.to}${i.typeOnly ? " (types)" : ""}: ${rule}`);
    const departure = KNOWN_DEPARTURES.some((d) => d.from === i.from && d.to === i.to);
    const value = !i.typeOnly;

    // Named rules first: they say the sentence the architecture page says.
    if (
      from === "detect" &&
      (["proxy", "measurements", "github", "estimate", "report", "workload", "advisor", "library"].includes(to) ||
        isFront(to))
    )
      say(`detect never imports ${to}`);
    else if (from === "report" && to === "github") say("report never imports github");
    else if (from === "estimate" && to === "proxy" && value) say("estimate takes only types from proxy");
    else if (from === "workload" && ["proxy", "report", "github"].includes(to)) say(`workload never imports ${to}`);
    // The pipeline: one way, and only types from the stages before.
    else if (isStage(from) && isStage(to) && RANK[to] > RANK[from] && !(from === "proxy" && to === "measurements"))
      say(`${from} never imports a later stage (${to})`);
    else if (isStage(from) && isStage(to) && value && !facility(i.to) && !departure)
      say(`${from} takes only types from ${to}, an earlier stage (or a shared facility)`);
    else if (isStage(from) && (isFront(to) || ["advisor", "library"].includes(to))) say(`a stage never imports ${to}`);
    else if (isStage(from) && to === "github" && !(i.typeOnly && from === "source"))
      say(`${from} never imports github (the source stage may name its client type)`);
    else if (isStage(from) && to === "config" && value) say(`${from} takes only the bot config's types`);
    // Shared ground below the stages.
    else if (from === "util" && value && to !== "util") say("util takes values from nothing else in src/");
    else if (from === "config" && value && !facility(i.to))
      say("config takes values only from config and shared facilities");
    // Sinks and fronts.
    else if (from === "github" && value && !["config", "util", "version"].includes(to) && !REPORT_RENDERERS.test(i.to))
      say("github takes values only from config and the report's text faces");
    else if (isFront(from) && isFront(to)) say("a front never imports another front");
    else if (isFront(from) && value && !frontMayUse(i.to, to))
      say(`a front reaches the core only through src/advisor.ts (not ${i.to})`);
  }
  return broken;
}

/** What a front may take values from: the core's door and the edges it assembles and writes to. */
function frontMayUse(path: string, area: Area): boolean {
  if (path === "src/advisor.ts") return true;
  if (["config", "source", "github", "version", "util"].includes(area)) return true;
  return REPORT_RENDERERS.test(path) || /^src\/workload\/catalogue\//.test(path);
}

/** Known departures that no longer exist: the list must shrink with the code. */
export function staleDepartures(imports: Import[]): string[] {
  return KNOWN_DEPARTURES.filter((d) => !imports.some((i) => i.from === d.from && i.to === d.to && !i.typeOnly)).map(
    (d) => `${d.from} → ${d.to}`,
  );
}
