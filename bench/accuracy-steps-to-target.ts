// One ground-truth run: train from a seeded start at one batch size and learning rate until the
// held-out loss reaches the target. Built from the proxy's own pieces (model, data, batch order,
// train step, task loss), so ground truth and prediction train the very same network on the same data.
import type { BatchOrder } from "../src/proxy/data/batch-order.js";
import { createBatchOrder } from "../src/proxy/data/batch-order.js";
import type { Dataset } from "../src/proxy/data/dataset.js";
import { disposeBatch, makeBatch, type Batch } from "../src/proxy/data/make-batch.js";
import { buildModel } from "../src/proxy/models/build-model.js";
import type { TopologySpec } from "../src/proxy/models/topology-spec.js";
import { seededRandom } from "../src/proxy/seeded-random.js";
import { createOptimizer, disposeTrainer, evaluateLoss, trainStep, type Trainer } from "../src/proxy/train-step.js";
import type { ProxyPlan } from "../src/proxy/types.js";

export interface TargetRun {
  batchSize: number;
  learningRate: number;
  seed: number;
  /** Steps until the held-out loss first read ≤ target; null when the cap came first. */
  steps: number | null;
  /** "cap": maxSteps came first (the example cap, or the step count of a faster learning rate). */
  endedBy: "target" | "cap" | "diverged";
  maxSteps: number;
  /** Seconds inside training steps only (held-out checks excluded), and the mean per step. */
  trainSeconds: number;
  stepMs: number;
}

export interface TargetRunOptions {
  plan: ProxyPlan;
  dataset: Dataset;
  /** A user task's topology (prepareTask's), when the plan's model is "user". */
  topology?: TopologySpec;
  /** The held-out examples, as one batch, evaluated at every check. */
  evalBatch: Batch;
  batchSize: number;
  learningRate: number;
  /** Initial weights and example order; the data itself stays the plan's. */
  seed: number;
  targetLoss: number;
  maxSteps: number;
}

/** Held-out checks near the target come every this many examples (at least every step), so a check costs about what
 * training between checks does. */
const CHECK_EXAMPLES = 96;

/**
 * Steps to a held-out target loss, McCandlish et al. 2018 App. A's unit of measurement. The held-out
 * set is only evaluated once the smoothed training loss is within a tenth of the initial gap of the
 * target (it cannot be reached much before), then every ~96 examples: the step count is exact for
 * B ≥ 96 and at most ⌈96/B⌉ − 1 steps late below.
 * @example stepsToTarget({ plan, dataset, evalBatch, batchSize: 64, learningRate: 2e-3, seed: 1, targetLoss: 0.3,
 * maxSteps: 5000 }).steps
 */
export function stepsToTarget(options: TargetRunOptions): TargetRun {
  const { plan, dataset, evalBatch, batchSize, targetLoss } = options;
  const trainer: Trainer = {
    model: buildModel({
      plan,
      dataset,
      topology: options.topology,
      rng: seededRandom(options.seed, "ground-truth-init"),
    }),
    dataset,
    optimizer: createOptimizer(plan.optimizer, options.learningRate),
  };
  const order: BatchOrder = createBatchOrder(dataset.train.count, seededRandom(options.seed, "ground-truth-order"));
  const checkEvery = Math.max(1, Math.round(CHECK_EXAMPLES / batchSize));
  const smoothing = Math.max(0.5, 1 - batchSize / 256);
  const base = { batchSize, learningRate: options.learningRate, seed: options.seed, maxSteps: options.maxSteps };
  let trainMs = 0;
  let ema = 0;
  try {
    const initial = evaluateLoss(trainer, evalBatch);
    const gate = targetLoss + 0.1 * Math.max(initial - targetLoss, 0);
    for (let step = 1; step <= options.maxSteps; step++) {
      const batch = makeBatch(dataset, dataset.train, order.next(batchSize));
      const started = performance.now();
      const loss = trainStep(trainer, batch);
      trainMs += performance.now() - started;
      disposeBatch(batch);
      if (!Number.isFinite(loss))
        return { ...base, steps: null, endedBy: "diverged", trainSeconds: trainMs / 1000, stepMs: trainMs / step };
      ema = smoothing * ema + (1 - smoothing) * loss;
      const smoothed = ema / (1 - smoothing ** step);
      if (smoothed <= gate && step % checkEvery === 0 && evaluateLoss(trainer, evalBatch) <= targetLoss) {
        return { ...base, steps: step, endedBy: "target", trainSeconds: trainMs / 1000, stepMs: trainMs / step };
      }
    }
    return {
      ...base,
      steps: null,
      endedBy: "cap",
      trainSeconds: trainMs / 1000,
      stepMs: trainMs / Math.max(1, options.maxSteps),
    };
  } finally {
    disposeTrainer(trainer);
  }
}

/** The held-out set as one batch (at most `limit` examples), for stepsToTarget. The caller disposes it. */
export function heldOutBatch(dataset: Dataset, limit = 1024): Batch {
  return makeBatch(
    dataset,
    dataset.eval,
    Array.from({ length: Math.min(limit, dataset.eval.count) }, (_, i) => i),
  );
}
