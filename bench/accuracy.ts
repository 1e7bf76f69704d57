// The accuracy suite: ground truth (cached), the advisor's predictions, the comparison, memory.
// Writes bench/results/accuracy.json in the shape other tools read.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { comparedPairs, medianOf } from "./accuracy-fit.js";
import { comparePairs, summarise, type ComparedPair } from "./accuracy-compare.js";
import {
  measureGroundTruth,
  readGroundTruth,
  taskSpec,
  writeGroundTruth,
  type TaskGroundTruth,
} from "./accuracy-ground-truth.js";
import { checkMemory, type MemoryCheck } from "./accuracy-memory.js";
import { predictTask, type TaskPrediction } from "./accuracy-predictions.js";
import { accuracyTasks } from "./accuracy-tasks.js";
import { benchUserTasks, type UserTasksResult } from "./accuracy-user-tasks.js";
import { machineInfo } from "./machine.js";

export interface AccuracyOptions {
  quick?: boolean;
  /** Retrain the ground truth even when bench/results/ground-truth.json holds it for the same setup. */
  retrain?: boolean;
  log?: (line: string) => void;
}

const SEEDS = [1, 2, 3];
/** Without a cache, --quick trains a much smaller ground truth: one seed, the rule's learning rate only. */
const QUICK_SEEDS = [1];

/**
 * Ground truth from the cache when it matches the task, else trained (and cached unless it is
 * the reduced --quick kind); the default plan's predictions; every pair compared; memory.
 * @example const r = await benchAccuracy({ quick: true }); r.summary.medianRelErrorSteps
 */
export async function benchAccuracy(options: AccuracyOptions = {}) {
  const log = options.log ?? (() => {});
  const quick = options.quick ?? false;
  const tasks = accuracyTasks();
  const cache = readGroundTruth();
  const truths: Array<TaskGroundTruth & { reused: boolean; reduced: boolean }> = [];
  for (const task of tasks) {
    const cached = cache?.tasks.find((t) => t.spec === taskSpec(task, SEEDS));
    if (cached && !options.retrain) {
      truths.push({ ...cached, reused: true, reduced: false });
      continue;
    }
    const reduced = quick && !options.retrain;
    log(`  ground truth for ${task.name}${reduced ? " (reduced: one seed, the rule's learning rate)" : ""}…`);
    const run = reduced ? { ...task, learningRateGrid: [1] } : task;
    truths.push({
      ...(await measureGroundTruth(run, { seeds: reduced ? QUICK_SEEDS : SEEDS, log })),
      reused: false,
      reduced,
    });
  }
  const fresh = truths.filter((t) => !t.reused && !t.reduced);
  if (fresh.length) {
    const kept = (cache?.tasks ?? []).filter((c) => !fresh.some((f) => f.task === c.task));
    writeGroundTruth({ machine: machineInfo(), tasks: [...kept, ...fresh.map(({ reused, reduced, ...t }) => t)] });
  }

  // The default plan is what the comment is written from; a full run also asks the quick plan, to
  // show how much B_simple moves with where and how long the proxy measured it.
  const predictions: TaskPrediction[] = [];
  const compared: ComparedPair[] = [];
  const alternatives: Array<{
    task: string;
    quick: boolean;
    bCrit: TaskPrediction["bCrit"];
    atLoss?: number;
    summary: ReturnType<typeof summarise>;
  }> = [];
  for (const [i, task] of tasks.entries()) {
    for (const mode of quick ? [true] : [false, true]) {
      log(`  advisor's ${mode ? "quick " : ""}default plan on ${task.name}…`);
      const { prediction } = await predictTask(task, { pairs: comparedPairs(task.batchSizes), quick: mode });
      const pairs = comparePairs(truths[i], prediction);
      if (mode === quick) {
        predictions.push(prediction);
        compared.push(...pairs);
      } else {
        alternatives.push({
          task: task.name,
          quick: mode,
          bCrit: prediction.bCrit,
          atLoss: prediction.proxy.atLoss,
          summary: summarise(task.name, pairs),
        });
      }
    }
  }
  const memory: MemoryCheck[] = [];
  for (const task of tasks) {
    // Fit at the four smallest batch sizes, predict the (up to three) largest beyond them.
    memory.push(
      await checkMemory(task, {
        fitSizes: task.batchSizes.slice(0, 4),
        checkSizes: task.batchSizes.slice(4).slice(-3),
      }),
    );
  }

  // Tasks kept as a user's files, predicted through the CLI (≈1 min per pair): a --quick bench keeps the stored
  // section.
  const userTasks = quick ? storedUserTasks() : await benchUserTasks({ retrain: options.retrain, log });

  const all = summarise("all", compared);
  const result = {
    name: "accuracy",
    machine: machineInfo(),
    command: quick ? "npm run bench -- --quick" : "npm run bench",
    goals: {
      medianRelErrorSteps: "≤ 0.12 over all pairs",
      beatsNaive: "median below the naive baseline's on every task",
      worstRelErrorSteps: "≤ 0.40",
      memoryRelError: "≤ 0.05 at the new batch on the proxy",
    },
    tasks: tasks.map((task, i) => ({
      task: task.name,
      title: task.title,
      optimizer: task.plan.optimizer,
      targetLoss: task.targetLoss,
      bCrit: {
        measured: truths[i].fit?.bCrit ?? null,
        predicted: predictions[i].bCrit.value,
        predictedInterval: [predictions[i].bCrit.low, predictions[i].bCrit.high],
        predictedSource: predictions[i].bCrit.source,
        ratioMeasuredToPredicted: truths[i].fit ? truths[i].fit!.bCrit / predictions[i].bCrit.value : null,
      },
      summary: summarise(
        task.name,
        compared.filter((p) => p.task === task.name),
      ),
      groundTruth: {
        reused: truths[i].reused,
        reduced: truths[i].reduced,
        seconds: truths[i].seconds,
        seeds: truths[i].seeds,
      },
    })),
    pairs: compared,
    summary: {
      medianRelErrorSteps: all.medianRelErrorSteps.predicted,
      worstRelErrorSteps: all.worstRelErrorSteps.predicted,
      medianRelErrorTime: all.medianRelErrorTime.predicted,
      medianRelErrorExamples: all.medianRelErrorExamples.predicted,
      baselines: { naive: pick(all, "naive"), oracle: pick(all, "oracle") },
      beatsNaiveOnEveryTask: tasks.every(
        (t) =>
          summarise(
            t.name,
            compared.filter((p) => p.task === t.name),
          ).beatsNaive,
      ),
      pairsInsideInterval: all.insideInterval,
      pairs: all.pairs,
      memoryMedianRelError: medianOf(memory.flatMap((m) => m.points.map((p) => p.relError))),
      memoryWorstRelError: Math.max(...memory.flatMap((m) => m.points.map((p) => p.relError))),
    },
    predictions,
    /** The other plan's predictions (a full run: the quick plan's), summarised. */
    alternatives,
    memory,
    /** Tasks kept as a user's model.json and sample, predicted through the CLI (bench/accuracy-user-tasks.ts). */
    userTasks,
  };
  writeFileSync(new URL("./results/accuracy.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

function storedUserTasks(): (UserTasksResult & { reused?: true }) | undefined {
  const path = new URL("./results/accuracy.json", import.meta.url);
  const stored = existsSync(path)
    ? (JSON.parse(readFileSync(path, "utf8")).userTasks as UserTasksResult | undefined)
    : undefined;
  return stored && { ...stored, reused: true };
}

function pick(s: ReturnType<typeof summarise>, key: "naive" | "oracle") {
  return {
    medianRelErrorSteps: s.medianRelErrorSteps[key],
    worstRelErrorSteps: s.worstRelErrorSteps[key],
    medianRelErrorTime: s.medianRelErrorTime[key],
  };
}

/** One line for the bench runner. */
export function summariseAccuracy(r: Awaited<ReturnType<typeof benchAccuracy>>): string {
  const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
  const s = r.summary;
  return (
    `steps ratio: median error ${pct(s.medianRelErrorSteps)} ` +
    `(naive ${pct(s.baselines.naive.medianRelErrorSteps)}, ` +
    `oracle ${pct(s.baselines.oracle.medianRelErrorSteps)}), ` +
    `worst ${pct(s.worstRelErrorSteps)}; time ratio ` +
    `median ${pct(s.medianRelErrorTime)}; memory ` +
    `worst ${pct(s.memoryWorstRelError)}; beats naive on every ` +
    `task: ${s.beatsNaiveOnEveryTask ? "yes" : "no"}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchAccuracy({
    quick: process.argv.includes("--quick"),
    retrain: process.argv.includes("--retrain"),
    log: console.log,
  });
  console.log(`accuracy: ${summariseAccuracy(r)}`);
}
