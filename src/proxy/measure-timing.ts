import { quantile } from "simple-statistics";
import { createBatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch } from "./data/make-batch.js";
import { planLearningRate } from "./learning-rate.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { seededRandom } from "./seeded-random.js";
import { createOptimizer, trainStep, type Trainer } from "./train-step.js";
import type { StepTiming } from "./types.js";

export interface TimingOptions {
  warmupSteps?: number;
  /** Timed steps per batch size: a fixed count, so the plan (not the machine's load) decides how many steps run. */
  repeats?: number;
}

/** Timed steps per batch size when the plan does not say. */
export const TIMED_REPEATS = 10;

/**
 * Milliseconds per training step at each batch size after warm-up (the first steps pay for kernel
 * set-up and allocation), as median and 10th/90th percentiles over repeated steps on one batch.
 * The batch is built before the clock starts: a real data loader overlaps with compute.
 * @example (await measureTiming(context, [32, 128])).value[0].samplesPerSecond
 */
export async function measureTiming(
  context: PhaseContext,
  batchSizes: number[],
  options: TimingOptions = {},
): Promise<PhaseResult<StepTiming[]>> {
  const { plan, task, budget, progress } = context;
  const warmup = options.warmupSteps ?? 2;
  const repeats = options.repeats ?? TIMED_REPEATS;
  const order = createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "timing"));
  const timings: StepTiming[] = [];
  let stopped: string | undefined;
  const model = task.createModel();
  // Each size gets its own optimizer (its learning rate by the rule); the model is shared, its weights do not affect
  // timing.
  let trainer: Trainer | undefined;
  try {
    for (const [index, size] of batchSizes.entries()) {
      progress("timing", index, batchSizes.length, `batch ${size}`);
      trainer?.optimizer.dispose();
      trainer = {
        model,
        dataset: task.dataset,
        optimizer: createOptimizer(plan.optimizer, planLearningRate(plan, size)),
      };
      const batch = makeBatch(task.dataset, task.dataset.train, order.next(size));
      const times: number[] = [];
      try {
        for (let i = 0; i < warmup && !budget.expired(); i++) trainStep(trainer, batch);
        while (times.length < repeats && !budget.expired()) {
          const start = performance.now();
          trainStep(trainer, batch);
          times.push(performance.now() - start);
        }
      } finally {
        disposeBatch(batch);
      }
      if (times.length > 0) timings.push(summarise(size, times));
      if (budget.expired()) {
        stopped = `${budget.reason()} after ${timings.length} of ${batchSizes.length} batch sizes`;
        break;
      }
    }
  } finally {
    trainer?.optimizer.dispose();
    model.dispose();
  }
  progress("timing", batchSizes.length, batchSizes.length);
  return { value: timings, stopped };
}

function summarise(batchSize: number, times: number[]): StepTiming {
  const medianMs = quantile(times, 0.5);
  return {
    batchSize,
    medianMs,
    p10Ms: quantile(times, 0.1),
    p90Ms: quantile(times, 0.9),
    repeats: times.length,
    samplesPerSecond: (batchSize / medianMs) * 1000,
  };
}
