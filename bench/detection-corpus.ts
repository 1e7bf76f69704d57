// Detection on real configs: every file of bench/corpus/ goes through detectConfig (the path
// `batch-advisor detect` and the PR path share, inheritance and launch-script search included, over
// the other corpus files of the same repository) and is scored against the line, value, role and
// effective batch written by hand in bench/corpus/corpus.json. Writes the `corpus` part of
// bench/results/detection.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { detectConfig } from "../src/detect/detect-config.js";
import type { BatchSetting, FileReport, Role } from "../src/detect/types.js";

const CORPUS = fileURLToPath(new URL("./corpus/", import.meta.url));
const RESULT = new URL("./results/detection.json", import.meta.url);
const BATCH_ROLES = new Set<Role>(["micro_batch", "global_batch", "tokens_per_batch"]);

export interface CorpusEntry {
  repo: string;
  path: string;
  commit: string;
  format: string;
  /** The training batch as written, or null when the file writes none (it is then right when none is reported). */
  expected: { line: number; value: number | string; role: Role; source?: string } | null;
  /** The effective batch, or "undetermined" when the file and its siblings cannot tell. */
  effective: { value: number; unit: "samples" | "tokens"; assumed?: boolean } | "undetermined";
  why: string;
}

export interface CorpusMiss {
  repo: string;
  path: string;
  format: string;
  framework: string;
  /** What went wrong: not-found, wrong-line, wrong-value, wrong-role, competing, false-positive, parse-error,
   * effective. */
  cause: string;
  expected: string;
  found: string;
}

/** Scores one corpus entry; the miss (if any) names its cause. */
export function scoreEntry(
  entry: CorpusEntry,
  report: FileReport | null,
): {
  right: boolean;
  effectiveRight: boolean | null;
  honestUnknown: boolean | null;
  miss?: CorpusMiss;
  effectiveMiss?: CorpusMiss;
} {
  const base = { repo: entry.repo, path: entry.path, format: entry.format, framework: report?.framework ?? "none" };
  const batches = (report?.settings ?? []).filter((s) => BATCH_ROLES.has(s.role));
  const own = batches.filter((s) => !s.source);
  const show = (s: BatchSetting) => `${s.role} ${s.key} = ${s.raw} @ ${s.source ? `${s.source}:` : ""}${s.line}`;
  const found =
    batches.map(show).join("; ") ||
    (report?.errors.length ? `errors: ${report.errors.map((e) => e.message).join("; ")}` : "nothing");
  let miss: CorpusMiss | undefined;
  const ex = entry.expected;
  if (!ex) {
    if (own.length) miss = { ...base, cause: "false-positive", expected: "no training batch written", found };
  } else {
    const expectedText = `${ex.role} = ${ex.value} @ ${ex.source ? `${ex.source}:` : ""}${ex.line}`;
    const sameSource = batches.filter((s) => (s.source ?? undefined) === (ex.source ?? undefined));
    const atLine = sameSource.filter((s) => s.line === ex.line);
    const hit = atLine.find((s) => s.role === ex.role && valueMatches(s, ex.value));
    if (hit) {
      const competing = sameSource.filter((s) => s !== hit && s.role === ex.role && s.line !== ex.line);
      if (competing.length) miss = { ...base, cause: "competing", expected: expectedText, found };
    } else if (!report || (report.errors.length && !batches.length))
      miss = { ...base, cause: "parse-error", expected: expectedText, found };
    else if (!batches.length) miss = { ...base, cause: "not-found", expected: expectedText, found };
    else if (atLine.some((s) => s.role === ex.role))
      miss = { ...base, cause: "wrong-value", expected: expectedText, found };
    else if (atLine.length) miss = { ...base, cause: "wrong-role", expected: expectedText, found };
    else miss = { ...base, cause: "wrong-line", expected: expectedText, found };
  }
  const eff = report?.effective;
  const effText = eff
    ? `${eff.value ?? "unknown"} ${eff.unit} (${eff.formula}${unknownParts(eff.unknown)})`
    : "no report";
  if (entry.effective === "undetermined") {
    // A value the detector gives is honest here only when it says which defaults it assumed.
    const honest = eff?.value == null || (eff.assumed?.length ?? 0) > 0;
    return {
      right: !miss,
      effectiveRight: null,
      honestUnknown: honest,
      miss,
      effectiveMiss: honest
        ? undefined
        : { ...base, cause: "effective-guessed", expected: "undetermined", found: effText },
    };
  }
  const effectiveRight = eff ? sameBatch(eff, entry.effective) : false;
  return {
    right: !miss,
    effectiveRight,
    honestUnknown: null,
    miss,
    effectiveMiss: effectiveRight
      ? undefined
      : { ...base, cause: "effective", expected: `${entry.effective.value} ${entry.effective.unit}`, found: effText },
  };
}

/**
 * Samples and tokens are the same batch when the sequence length is known: 256 sequences of 2048
 * tokens is 524,288 tokens, so either count is right.
 */
function sameBatch(eff: FileReport["effective"], expected: { value: number; unit: "samples" | "tokens" }): boolean {
  if (eff.value == null) return false;
  if (eff.unit === expected.unit) return eff.value === expected.value;
  const seqLen = eff.parts.seqLen;
  if (!seqLen) return false;
  return eff.unit === "tokens" ? eff.value / seqLen === expected.value : eff.value * seqLen === expected.value;
}

function valueMatches(s: BatchSetting, expected: number | string): boolean {
  if (typeof expected === "number") return s.value === expected;
  return (
    s.raw
      .trim()
      .replace(/^["']|["']$/g, "")
      .toLowerCase() === expected.toLowerCase()
  );
}

/** Runs the corpus through detectConfig and writes the score beside the speed results. */
export async function benchDetectionCorpus() {
  const corpus = JSON.parse(readFileSync(join(CORPUS, "corpus.json"), "utf8")) as { files: CorpusEntry[] };
  const trees = new Map<string, string[]>();
  const treeOf = (slug: string) => {
    let files = trees.get(slug);
    if (!files) {
      const root = join(CORPUS, "files", slug);
      files = readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(root, join(d.parentPath, d.name)).split("\\").join("/"))
        .sort();
      trees.set(slug, files);
    }
    return files;
  };
  const misses: CorpusMiss[] = [];
  const effectiveMisses: CorpusMiss[] = [];
  let right = 0;
  let determined = 0;
  let effectiveRight = 0;
  let undetermined = 0;
  let honest = 0;
  const started = performance.now();
  for (const entry of corpus.files) {
    const slug = entry.repo.replace("/", "-");
    const root = join(CORPUS, "files", slug);
    const read = async (p: string) => {
      const full = join(root, p);
      return full.startsWith(root) && existsSync(full) ? readFileSync(full, "utf8") : null;
    };
    const report = await detectConfig({ path: entry.path, read, files: async () => treeOf(slug) });
    const score = scoreEntry(entry, report);
    if (score.right) right++;
    else if (score.miss) misses.push(score.miss);
    if (score.effectiveRight !== null) {
      determined++;
      if (score.effectiveRight) effectiveRight++;
    }
    if (score.honestUnknown !== null) {
      undetermined++;
      if (score.honestUnknown) honest++;
    }
    if (score.effectiveMiss) effectiveMisses.push(score.effectiveMiss);
  }
  const files = corpus.files.length;
  const byCause = (list: CorpusMiss[]) =>
    Object.fromEntries(
      [...new Set(list.map((m) => m.cause))].sort().map((c) => [c, list.filter((m) => m.cause === c).length]),
    );
  const result = {
    goal:
      "≥ 95 % of real configs right (line + value + role); effective batch right " +
      "on ≥ 90 % of the files where it is determined",
    files,
    repositories: new Set(corpus.files.map((f) => f.repo)).size,
    formats: Object.fromEntries(
      [...new Set(corpus.files.map((f) => f.format))]
        .sort()
        .map((f) => [f, corpus.files.filter((e) => e.format === f).length]),
    ),
    right,
    rate: right / files,
    effectiveDetermined: determined,
    effectiveRight,
    effectiveRate: determined ? effectiveRight / determined : null,
    undetermined,
    undeterminedSaidUnknown: honest,
    seconds: (performance.now() - started) / 1000,
    missesByCause: byCause(misses),
    misses,
    effectiveMissesByCause: byCause(effectiveMisses),
    effectiveMisses,
  };
  const previous = existsSync(RESULT) ? (JSON.parse(readFileSync(RESULT, "utf8")) as Record<string, unknown>) : {};
  writeFileSync(RESULT, `${JSON.stringify({ ...previous, corpus: result }, null, 2)}\n`);
  return result;
}

/** One line for `npm run bench`. */
export function summariseDetectionCorpus(r: Awaited<ReturnType<typeof benchDetectionCorpus>>): string {
  const pct = (x: number | null) => (x == null ? "—" : `${(100 * x).toFixed(1)} %`);
  return (
    `${r.right}/${r.files} real configs right (${pct(r.rate)}; goal ≥ 95 %), ` +
    `effective batch ${r.effectiveRight}/${r.effectiveDetermined} ` +
    `(${pct(r.effectiveRate)}; goal ≥ 90 ` +
    `%), ${r.undeterminedSaidUnknown}/${r.undetermined} undetermined said ` +
    `unknown, ${r.repositories} repositories`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDetectionCorpus();
  console.log(`detection-corpus: ${summariseDetectionCorpus(r)}`);
  if (process.argv.includes("--misses"))
    for (const m of [...r.misses, ...r.effectiveMisses])
      console.log(
        `${m.cause.padEnd(18)} ${m.repo}/${m.path} [${m.framework}] expected ${m.expected}; found ${m.found}`,
      );
}

function unknownParts(unknown: readonly unknown[]): string {
  return unknown.length ? `; unknown: ${unknown.join("; ")}` : "";
}
