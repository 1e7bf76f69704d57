// Ground truth for the accuracy benchmark: steps to a target loss at each batch size, with the
// learning rate tuned per batch size and several seeds, and the S(B) fit through the medians.
// Cached in bench/results/ground-truth.json so docs and --quick runs need no retraining.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { disposeBatch } from "../src/proxy/data/make-batch.js";
import { scaledLearningRate } from "../src/proxy/learning-rate.js";
import { loadBackend } from "../src/proxy/load-backend.js";
import { prepareTask } from "../src/proxy/prepare-task.js";
import { fitSteps, medianOf, plainLine, type StepsFit } from "./accuracy-fit.js";
import { REPO_ROOT, type AccuracyTask } from "./accuracy-tasks.js";
import { heldOutBatch, stepsToTarget, type TargetRun } from "./accuracy-steps-to-target.js";
import type { machineInfo } from "./machine.js";

export interface GroundTruthPoint {
  batchSize: number;
  /** The learning rate the search chose (fewest steps summed over the search seeds), and as a multiple of the rule's
   * value. */
  learningRate: number;
  multiplier: number;
  /** True when the fastest rate was the grid's smallest or largest tried: the optimum may lie beyond it. */
  atGridEdge: boolean;
  /** Steps at the chosen rate per seed (null: not reached within the cap). */
  stepsBySeed: Array<number | null>;
  /** Median over seeds; null when the median run did not reach the target. */
  steps: number | null;
  /** Median milliseconds per training step over every run at this batch size. */
  stepMs: number;
  /** Every run, including learning rates that lost (stopped once slower than the best). */
  runs: TargetRun[];
}

export interface TaskGroundTruth {
  task: string;
  title: string;
  /** What was trained, so a cache is only reused for the same setup. */
  spec: string;
  targetLoss: number;
  seeds: number[];
  learningRateRule: string;
  points: GroundTruthPoint[];
  /** S(B) = S_min(1 + B_crit/B) through the median steps, relatively weighted; null with fewer than three points. */
  fit: (StepsFit & { unweightedBCrit: { steps: number; examples: number } }) | null;
  seconds: number;
}

export interface GroundTruthFile {
  machine: ReturnType<typeof machineInfo>;
  tasks: TaskGroundTruth[];
}

/** Seeds that score each learning rate in the search; the rest only run at the chosen rate. */
const SEARCH_SEEDS = 2;

export const GROUND_TRUTH_PATH = new URL("./results/ground-truth.json", import.meta.url);

/** A task's identity for the cache: everything that changes what is trained. */
export function taskSpec(task: AccuracyTask, seeds: number[]): string {
  const { model, data, optimizer, learningRate, seed, batchSizes } = task.plan;
  // A task kept as files is the same task only while its files are: their digest joins the key.
  const files = task.files && { model: digest(task.files.model), data: digest(task.files.data) };
  return JSON.stringify({
    model,
    data,
    optimizer,
    learningRate,
    seed,
    ruleBatch: batchSizes[0],
    sizes: task.batchSizes,
    target: task.targetLoss,
    grid: task.learningRateGrid,
    maxExamples: task.maxExamples,
    seeds,
    files,
  });
}

function digest(path: string): string {
  return createHash("sha256")
    .update(readFileSync(new URL(path, `file://${REPO_ROOT}`)))
    .digest("hex")
    .slice(0, 16);
}

export function readGroundTruth(): GroundTruthFile | undefined {
  if (!existsSync(GROUND_TRUTH_PATH)) return undefined;
  return JSON.parse(readFileSync(GROUND_TRUTH_PATH, "utf8")) as GroundTruthFile;
}

export function writeGroundTruth(file: GroundTruthFile): void {
  writeFileSync(GROUND_TRUTH_PATH, `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * Trains one task at every batch size. The learning rate is searched on a grid of multiples of the
 * rule's value (the plan's rate scaled from its old batch: √ for Adam, linear for SGD), scored by
 * the steps of the first two seeds, moving ×2 towards fewer steps until it stops helping
 * (McCandlish et al. 2018 App. A: the fastest run per batch size); the remaining seeds run at the
 * chosen rate. Steps are the median over all seeds.
 * @example (await measureGroundTruth(accuracyTasks()[0], { seeds: [1, 2, 3] })).fit?.bCrit
 */
export async function measureGroundTruth(
  task: AccuracyTask,
  options: { seeds: number[]; log?: (line: string) => void },
): Promise<TaskGroundTruth> {
  const started = performance.now();
  await loadBackend({ force: "wasm" });
  const { plan } = task;
  // prepareTask is what runProxy loads: the built-in data, or a user's topology and sample (paths from the repository
  // root).
  const { dataset, topology } = await prepareTask(plan, { baseDir: REPO_ROOT });
  const evalBatch = heldOutBatch(dataset);
  const points: GroundTruthPoint[] = [];
  try {
    // The best multiplier moves slowly with B: each batch size's search starts at the previous one's.
    let start = task.learningRateGrid[0];
    for (const batchSize of task.batchSizes) {
      const rule = scaledLearningRate({
        optimizer: plan.optimizer,
        base: plan.learningRate,
        baseBatch: plan.batchSizes[0],
        batch: batchSize,
      });
      const cap = Math.ceil(task.maxExamples / batchSize);
      const run = (multiplier: number, seed: number, maxSteps: number) =>
        stepsToTarget({
          plan,
          dataset,
          topology,
          evalBatch,
          batchSize,
          learningRate: rule * multiplier,
          seed,
          targetLoss: task.targetLoss,
          maxSteps,
        });
      const searchSeeds = options.seeds.slice(0, SEARCH_SEEDS);
      const search = searchLearningRate({ grid: task.learningRateGrid, start, seeds: searchSeeds, cap, run });
      const best = search.best;
      const slowest = Math.max(...best.runs.map((r) => r.steps ?? cap));
      const others = options.seeds
        .slice(SEARCH_SEEDS)
        .map((seed) => run(best.multiplier, seed, Math.min(cap, 3 * slowest)));
      const stepsBySeed = [...best.runs.map((r) => r.steps), ...others.map((r) => r.steps)];
      const m = medianOf(stepsBySeed.map((s) => s ?? Infinity));
      const runs = [...search.runs, ...others];
      if (Number.isFinite(best.score)) start = best.multiplier;
      points.push({
        batchSize,
        learningRate: rule * best.multiplier,
        multiplier: best.multiplier,
        atGridEdge: search.atEdge,
        stepsBySeed,
        steps: Number.isFinite(m) ? m : null,
        stepMs: medianOf(runs.filter((r) => r.endedBy !== "diverged").map((r) => r.stepMs)),
        runs,
      });
      options.log?.(
        `  ${task.name} B=${batchSize}: ${stepsBySeed.join("/")} steps at ` +
          `lr ${(rule * best.multiplier).toPrecision(3)} (×${best.multiplier} the ` +
          `rule)${search.atEdge ? ", at the grid's edge" : ""}`,
      );
    }
  } finally {
    disposeBatch(evalBatch);
  }
  const reached = points.filter((p): p is GroundTruthPoint & { steps: number } => p.steps !== null);
  const fit = reached.length >= 3 ? fitSteps(reached) : null;
  const unweighted = (pairs: Array<[number, number]>, examples: boolean) => {
    const { intercept, slope } = plainLine(pairs);
    // S = S_min + E_min·(1/B) and E = E_min + S_min·B: B_crit = E_min ÷ S_min either way.
    return examples ? intercept / slope : slope / intercept;
  };
  return {
    task: task.name,
    title: task.title,
    spec: taskSpec(task, options.seeds),
    targetLoss: task.targetLoss,
    seeds: options.seeds,
    learningRateRule:
      `${plan.optimizer === "adam" ? "√B" : "linear in B"} ` +
      `from ${plan.learningRate} at B=${plan.batchSizes[0]} (the advisor's default ` +
      `plan), searched over ×${task.learningRateGrid.join(", ×")}`,
    points,
    fit: fit && {
      ...fit,
      unweightedBCrit: {
        steps: unweighted(
          reached.map((p) => [1 / p.batchSize, p.steps]),
          false,
        ),
        examples: unweighted(
          reached.map((p) => [p.batchSize, p.batchSize * p.steps]),
          true,
        ),
      },
    },
    seconds: (performance.now() - started) / 1000,
  };
}

interface SearchResult {
  best: { multiplier: number; runs: TargetRun[]; score: number };
  runs: TargetRun[];
  atEdge: boolean;
}

/**
 * Line search on the multiplier grid, scored by the summed steps of the search seeds (one seed's
 * lucky run must not pick the rate): `start`, then its neighbours in ×2 steps towards whichever is
 * faster, until a step does not help or the grid ends. Unreached runs count as slowest; each
 * challenger's runs are capped so that it stops as soon as it can no longer win.
 * @example searchLearningRate({ grid: [0.5, 1, 2], start: 1, seeds: [1, 2], cap: 5000, run }).best.multiplier
 */
export function searchLearningRate(options: {
  grid: number[];
  start: number;
  seeds: number[];
  cap: number;
  run: (multiplier: number, seed: number, maxSteps: number) => TargetRun;
}): SearchResult {
  const grid = [...new Set(options.grid)].sort((a, b) => a - b);
  const runs: TargetRun[] = [];
  let best: SearchResult["best"] | undefined;
  const evaluate = (multiplier: number) => {
    const mine: TargetRun[] = [];
    let spent = 0;
    for (const seed of options.seeds) {
      const budget = best && Number.isFinite(best.score) ? best.score - 1 - spent : options.cap;
      if (budget < 1) return { multiplier, runs: mine, score: Infinity };
      const run = options.run(multiplier, seed, Math.min(options.cap, budget));
      mine.push(run);
      runs.push(run);
      if (run.steps === null) return { multiplier, runs: mine, score: Infinity };
      spent += run.steps;
    }
    return { multiplier, runs: mine, score: spent };
  };
  const tried = new Set<number>();
  const tryAt = (index: number): boolean => {
    if (index < 0 || index >= grid.length || tried.has(grid[index])) return false;
    tried.add(grid[index]);
    const result = evaluate(grid[index]);
    if (!best || result.score < best.score) {
      best = result;
      return true;
    }
    return false;
  };
  const i0 = Math.max(0, grid.indexOf(options.start));
  tryAt(i0);
  const direction = tryAt(i0 + 1) ? 1 : tryAt(i0 - 1) ? -1 : 0;
  let index = i0 + direction;
  while (direction !== 0 && tryAt(index + direction)) index += direction;
  const chosen = best!;
  const bestIndex = grid.indexOf(chosen.multiplier);
  const atEdge = (bestIndex === 0 || bestIndex === grid.length - 1) && Number.isFinite(chosen.score);
  return { best: chosen, runs, atEdge };
}
