// What the advisor predicts for a task: its default proxy plan run once (runProxy, the path
// `analyze` takes), then estimateChange — the function the comment is written from — for each
// pair of batch sizes, on a generated config change so detection hands it a real BatchChange.
import { groupChanges } from "../src/advisor/group-changes.js";
import { defaultConfig } from "../src/config.js";
import { detectChanges } from "../src/detect/detect-changes.js";
import { estimateChange } from "../src/estimate/estimate.js";
import type { Quantity } from "../src/estimate/types.js";
import { defaultPlan } from "../src/proxy/default-plan.js";
import { runProxy } from "../src/proxy/run-proxy.js";
import type { Measurements } from "../src/proxy/types.js";
import { MemorySource } from "../src/source/memory-source.js";
import type { AccuracyTask } from "./accuracy-tasks.js";

export interface PredictedRatios {
  stepsRatio: number;
  examplesRatio: number;
  timeRatio: number;
}

export interface PredictedPair {
  bOld: number;
  bNew: number;
  predicted: PredictedRatios;
  /** The steps ratio's interval and whether the comment would call it uncertain. */
  stepsInterval: [number, number];
  uncertain: boolean;
  /** Step time new ÷ old from the proxy's timing fit (the time ratio is steps ratio × this). */
  stepTimeRatio: number;
}

export interface TaskPrediction {
  task: string;
  quick: boolean;
  /** The plan's own change (proxy batch sizes), where the noise scale was measured. */
  change: [number, number];
  bCrit: { value: number; low: number; high: number; source: string; uncertain: boolean };
  /** The proxy run's noise-scale measurement and wall time, without the raw samples. */
  proxy: {
    wallSeconds: number;
    partial: boolean;
    bSimple?: number;
    interval?: [number, number];
    atLoss?: number;
    trainBatch: number;
    notes: string[];
  };
  pairs: PredictedPair[];
}

/**
 * Runs the task's default plan (quick or not) on wasm and predicts every pair from it.
 * @example (await predictTask(accuracyTasks()[0], { pairs: [[32, 64]] })).pairs[0].predicted.stepsRatio
 */
export async function predictTask(
  task: AccuracyTask,
  options: { pairs: Array<[number, number]>; quick?: boolean },
): Promise<{ prediction: TaskPrediction; measurements: Measurements }> {
  const quick = options.quick ?? false;
  const plan = defaultPlan({ ...task.planInput, quick });
  const m = await runProxy(plan, { backend: "wasm" });
  const pairs: PredictedPair[] = [];
  let bCrit: Quantity | undefined;
  for (const [bOld, bNew] of options.pairs) {
    const estimate = await estimateFor(m, bOld, bNew);
    const c = estimate.convergence;
    if (!c || !c.wallTimeRatio)
      throw new Error(
        `${task.name}: no convergence or wall-time estimate for ${bOld} → ${bNew} (${m.notes?.join("; ")})`,
      );
    bCrit = c.bCrit;
    pairs.push({
      bOld,
      bNew,
      predicted: {
        stepsRatio: c.stepsRatio.value,
        examplesRatio: c.examplesRatio.value,
        timeRatio: c.wallTimeRatio.value,
      },
      stepsInterval: [c.stepsRatio.low ?? c.stepsRatio.value, c.stepsRatio.high ?? c.stepsRatio.value],
      uncertain: Boolean(c.stepsRatio.uncertain),
      stepTimeRatio: c.wallTimeRatio.value / c.stepsRatio.value,
    });
  }
  if (!bCrit) throw new Error(`${task.name}: no pairs to predict`);
  const noise = m.noise;
  return {
    measurements: m,
    prediction: {
      task: task.name,
      quick,
      change: plan.batchSizes,
      bCrit: {
        value: bCrit.value,
        low: bCrit.low ?? bCrit.value,
        high: bCrit.high ?? bCrit.value,
        source: bCrit.source,
        uncertain: Boolean(bCrit.uncertain),
      },
      proxy: {
        wallSeconds: m.wallSeconds,
        partial: m.partial,
        ...(noise ? { bSimple: noise.bSimple, interval: noise.interval, atLoss: noise.atLoss } : {}),
        trainBatch: Math.min(...plan.batchSizes),
        notes: m.notes ?? [],
      },
      pairs,
    },
  };
}

/**
 * estimateChange for a `batch_size: bOld` → `bNew` config on one device, with the proxy run
 * standing for this pair's batches. The ground-truth task is the proxy's own task, so the pair is
 * evaluated at its own batch sizes rather than mapped to proxy scale as a real model's would be.
 */
async function estimateFor(m: Measurements, bOld: number, bNew: number) {
  const text = (b: number) => `batch_size: ${b}\noptimizer: ${m.plan.optimizer === "adam" ? "adam" : "sgd"}\n`;
  const source = new MemorySource(
    { base: { "train.yaml": text(bOld) }, head: { "train.yaml": text(bNew) } },
    `${bOld} → ${bNew}`,
  );
  const detection = await detectChanges(source, { devices: 1 });
  const [group] = groupChanges(detection);
  if (!group) throw new Error(`no batch change detected for ${bOld} → ${bNew}`);
  const measurements: Measurements = { ...m, plan: { ...m.plan, batchSizes: [bOld, bNew] } };
  return estimateChange({
    change: group.primary,
    file: group.head,
    baseFile: group.base,
    measurements,
    config: defaultConfig(),
  });
}
