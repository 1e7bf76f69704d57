// Absolute peak memory against published measured peaks of public fine-tuning and training recipes:
// for every row of bench/memory-recipes/rows.json, the bot reads the recipe's own config file
// through the path `analyze` takes (detection → parsed entries → workload → estimateMemory) and
// its predicted peak and interval are set beside the published number. Pure arithmetic, no training.
import { readFileSync, writeFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { detectFile } from "../src/detect/detect-file.js";
import { parseConfig } from "../src/detect/parse/parse-config.js";
import { estimateMemory } from "../src/estimate/memory.js";
import type { MemoryParts } from "../src/estimate/types.js";
import { readWorkload } from "../src/workload/read-workload.js";
import { median } from "./machine.js";

/** Issue 10's accuracy goal. */
export const MEMORY_GOAL = { medianError: 0.1, worstError: 0.3, coverage: 0.8, rows: 8 } as const;

/** What a published number counts, and so which of the bot's parts it is compared with. */
export type Measure = "allocated" | "reserved" | "model-states";

export interface RecipeRow {
  id: string;
  source: string;
  url: string;
  config: { file: string; repo?: string; path?: string; commit?: string; written?: string; note?: string };
  gpu: string;
  devices: number;
  /** `.github/batch-advisor.yml` text, only for settings the source states and the config does not hold. */
  hints?: string;
  hintsWhy?: string;
  /** The public pages `hintsWhy` cites. */
  hintsSources?: string[];
  measured: { gb: number; what: Measure };
}

export interface MemoryRow {
  id: string;
  source: string;
  url: string;
  config: RecipeRow["config"];
  gpu: string;
  devices: number;
  hints?: string;
  hintsWhy?: string;
  hintsSources?: string[];
  framework: string;
  model: string | null;
  method: string | null;
  microBatch: number | null;
  seqLen: number | null;
  measure: Measure;
  /** Bytes (1 GB = 1e9). */
  measured: number;
  predicted: number | null;
  low: number | null;
  high: number | null;
  /** |predicted − measured| ÷ measured. */
  error: number | null;
  /** predicted ÷ measured − 1: negative when the bot under-predicts. */
  signedError: number | null;
  withinInterval: boolean;
  /** The bot's parts in bytes at the recipe's per-device batch. */
  parts: Record<string, number> | null;
  /** The assumptions and problems the bot reported for this config (ids). */
  notes: string[];
}

export interface MemoryResult {
  goal: typeof MEMORY_GOAL;
  rows: MemoryRow[];
  excluded: Array<{ row: string; why: string }>;
  /** Every row. */
  summary: GroupSummary;
  /** The published recipe rows alone, without the ZeRO paper's model-state rows. */
  recipes: GroupSummary;
}

/** The goal's figures over a group of rows. A row the bot gives no peak for counts as an infinite error. */
export interface GroupSummary {
  rows: number;
  medianError: number;
  /** The worst error among the rows with a prediction. */
  worstError: number;
  worstRow: string;
  /** Rows the bot gave no peak for (ids), e.g. a config that sets no sequence length. */
  unanswered: string[];
  withinInterval: number;
  coverage: number;
  met: { median: boolean; worst: boolean; coverage: boolean; rows: boolean };
}

/**
 * The goal's figures over some rows: the median over all of them (a row without a prediction counts
 * as an infinite error, so declining never lowers it), the worst over those with a prediction (a
 * declined row is not an error of a figure: it is listed, and counts as outside the interval).
 * @example summarise(result.rows).medianError
 */
export function summarise(rows: MemoryRow[]): GroupSummary {
  const errors = rows.map((r) => r.error ?? Infinity);
  const answered = rows.filter((r) => r.error !== null);
  const worst = answered.reduce<MemoryRow | undefined>((w, r) => (!w || r.error! > w.error! ? r : w), undefined);
  const withinInterval = rows.filter((r) => r.withinInterval).length;
  const medianError = median(errors);
  const worstError = worst?.error ?? Infinity;
  const unanswered = rows.filter((r) => r.error === null).map((r) => r.id);
  const coverage = withinInterval / rows.length;
  return {
    rows: rows.length,
    medianError,
    worstError,
    worstRow: worst?.id ?? "",
    unanswered,
    withinInterval,
    coverage,
    met: {
      median: medianError <= MEMORY_GOAL.medianError,
      worst: worstError <= MEMORY_GOAL.worstError,
      coverage: coverage >= MEMORY_GOAL.coverage,
      rows: rows.length >= MEMORY_GOAL.rows,
    },
  };
}

const recipes = new URL("./memory-recipes/", import.meta.url);

/** Half a unit of the published number's last digit, in bytes: "31.4 GB" is any value from 31.35 to 31.45 GB. */
function halfUnit(gb: number): number {
  const decimals = (String(gb).split(".")[1] ?? "").length;
  return 0.5 * 10 ** -decimals * 1e9;
}

/** Which of the bot's parts a published number counts: everything but the CUDA context for allocator peaks; weights,
 * gradients and optimizer states for model states. */
function comparedParts(what: Measure): Array<keyof MemoryParts> {
  return what === "model-states"
    ? ["weights", "gradients", "optimizer"]
    : ["weights", "gradients", "optimizer", "activations", "logits"];
}

/**
 * One recipe through the bot: its config detected and parsed as `analyze` reads it, the files it
 * names read beside it, the workload built with the row's hints, and the peak at its own per-device batch.
 * @example (await predictRow(row)).error // 0.04
 */
export async function predictRow(row: RecipeRow): Promise<MemoryRow> {
  const text = readFileSync(new URL(row.config.file, recipes), "utf8");
  const { config, errors } = loadConfig(row.hints ?? "");
  if (errors.length) throw new Error(`${row.id}: hints do not parse: ${errors.map((e) => e.message).join("; ")}`);
  const file = detectFile(row.config.file, text, { devices: config.devices });
  const entries = parseConfig(row.config.file, text).entries;
  const read = async (path: string) => {
    try {
      return readFileSync(new URL(path, recipes), "utf8");
    } catch {
      return null;
    }
  };
  const workload = await readWorkload({ file, entries, config, read });
  const micro = file.effective.parts.micro;
  const memory = estimateMemory({ workload: { after: workload }, microBatch: { before: micro, after: micro } });
  const parts = memory.parts?.after;
  const wanted = comparedParts(row.measured.what);
  // Model states do not need a batch: read them from the model when the parts are absent.
  const states = memory.model && {
    weights: memory.model.weights,
    gradients: memory.model.gradients,
    optimizer: memory.model.optimizerStates,
  };
  const source = parts ?? (row.measured.what === "model-states" ? states : undefined);
  const sum = (f: (q: { value: number; low?: number; high?: number }) => number) =>
    source
      ? wanted.reduce((t, k) => t + f((source as Record<string, { value: number; low?: number; high?: number }>)[k]), 0)
      : null;
  const predicted = sum((q) => q.value);
  const low = sum((q) => q.low ?? q.value);
  const high = sum((q) => q.high ?? q.value);
  const measured = row.measured.gb * 1e9;
  const error = predicted === null ? null : Math.abs(predicted - measured) / measured;
  return {
    id: row.id,
    source: row.source,
    url: row.url,
    config: row.config,
    gpu: row.gpu,
    devices: row.devices,
    ...(row.hints ? { hints: row.hints } : {}),
    ...(row.hintsWhy ? { hintsWhy: row.hintsWhy } : {}),
    ...(row.hintsSources ? { hintsSources: row.hintsSources } : {}),
    framework: file.framework,
    model: workload.model.value?.id ?? null,
    method: workload.method.value,
    microBatch: micro,
    seqLen: workload.seqLen.value,
    measure: row.measured.what,
    measured,
    predicted,
    low,
    high,
    error,
    signedError: predicted === null ? null : predicted / measured - 1,
    withinInterval:
      low !== null &&
      high !== null &&
      measured + halfUnit(row.measured.gb) >= low &&
      measured - halfUnit(row.measured.gb) <= high,
    parts: parts ? Object.fromEntries(Object.entries(parts).map(([k, q]) => [k, q.value])) : null,
    notes: [...memory.notes.map((n) => n.id), ...workload.issues.map((i) => i.id)],
  };
}

/**
 * Every row of bench/memory-recipes/rows.json, with the summary against issue 10's goal.
 * @example (await memoryComparison()).summary.medianError
 */
export async function memoryComparison(): Promise<MemoryResult> {
  const table = JSON.parse(readFileSync(new URL("rows.json", recipes), "utf8")) as {
    rows: RecipeRow[];
    excluded: MemoryResult["excluded"];
  };
  const rows: MemoryRow[] = [];
  for (const row of table.rows) rows.push(await predictRow(row));
  return {
    goal: MEMORY_GOAL,
    rows,
    excluded: table.excluded,
    summary: summarise(rows),
    recipes: summarise(rows.filter((r) => !r.id.startsWith("zero/"))),
  };
}

/** The suite for bench/run.ts: writes bench/results/memory.json. */
export async function benchMemory(): Promise<MemoryResult> {
  const result = await memoryComparison();
  writeFileSync(new URL("./results/memory.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export function summariseMemory(r: MemoryResult): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const line = (s: GroupSummary, what: string) =>
    `${s.rows} ${what}: median error ${pct(s.medianError)} (goal ≤ 10 %), worst ${pct(s.worstError)} ` +
    `(${s.worstRow}; goal ≤ 30 %)` +
    (s.unanswered.length ? `, ${s.unanswered.length} without a prediction` : "") +
    `, ${s.withinInterval}/${s.rows} inside the interval (goal ≥ 80 %)`;
  return `${line(r.summary, "published peaks")}; ${line(r.recipes, "recipe rows alone")}`;
}
