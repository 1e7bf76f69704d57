import { createBatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch, type Batch } from "./data/make-batch.js";
import { fitLine } from "../util/fit-line.js";
import { LEARNING_RATE_RULES, planLearningRate } from "./learning-rate.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { seededRandom } from "./seeded-random.js";
import { createOptimizer, disposeTrainer, evaluateLoss, trainOnNext, type Trainer } from "./train-step.js";
import type { CriticalBatchMeasurement } from "./types.js";

export interface CriticalBatchOptions {
  /** Held-out loss every run must reach. */
  targetLoss: number;
  batchSizes: number[];
  /** Cap on examples per run; a run that has not reached the target by then counts as not reached. */
  maxExamples: number;
}

const WINDOW = 5;

/**
 * Steps to a target loss at several batch sizes, then a fit of S(B) = S_min·(1 + B_crit/B),
 * which is linear in 1/B: S = S_min + S_min·B_crit·(1/B) (McCandlish et al. 2018 eq. 2.11).
 * A run is checked on held-out data once its recent training losses come near the target.
 * Larger batches need fewer steps, so each run is also capped at 1.5× the previous run's steps.
 * @example (await measureCriticalBatch(context, { targetLoss: 0.5, batchSizes: [16, 32, 64, 128], maxExamples: 60000
 * })).value?.bCrit
 */
export async function measureCriticalBatch(
  context: PhaseContext,
  options: CriticalBatchOptions,
): Promise<PhaseResult<CriticalBatchMeasurement | undefined>> {
  const { plan, task, budget, progress } = context;
  const sizes = [...new Set(options.batchSizes)].sort((a, b) => a - b);
  const evalBatch = makeBatch(
    task.dataset,
    task.dataset.eval,
    Array.from({ length: Math.min(512, task.dataset.eval.count) }, (_, i) => i),
  );
  const points: CriticalBatchMeasurement["points"] = [];
  const notes: string[] = [];
  let stopped: string | undefined;
  let stepCap = Infinity;
  try {
    for (const [index, size] of sizes.entries()) {
      progress("critical-batch", index, sizes.length, `batch ${size}`);
      const learningRate = planLearningRate(plan, size);
      const steps = stepsToTarget({
        context,
        size,
        learningRate,
        evalBatch,
        target: options.targetLoss,
        maxSteps: Math.min(stepCap, Math.ceil(options.maxExamples / size)),
      });
      if (steps === "budget") {
        stopped = `${budget.reason()} after ${points.length} of ${sizes.length} batch sizes`;
        break;
      }
      points.push({ batchSize: size, steps, learningRate });
      if (steps !== null) stepCap = Math.ceil(1.5 * steps) + WINDOW;
    }
  } finally {
    disposeBatch(evalBatch);
  }
  progress("critical-batch", sizes.length, sizes.length);
  if (stopped) return { value: undefined, stopped: `${stopped}; no direct critical batch`, notes };
  const reached = points.filter(
    (p): p is { batchSize: number; steps: number; learningRate: number } => p.steps !== null,
  );
  if (reached.length < 3) {
    return {
      value: undefined,
      stopped,
      notes: [
        ...notes,
        `critical batch: only ${reached.length} of ${sizes.length} runs reached ` +
          `loss ${options.targetLoss.toFixed(3)}; no fit`,
      ],
    };
  }
  const fit = fitLine(reached.map((p) => [1 / p.batchSize, p.steps]));
  if (fit.intercept <= 0 || fit.slope <= 0) {
    const listed = reached.map((p) => `B=${p.batchSize}: ${p.steps} steps`).join(", ");
    return {
      value: undefined,
      stopped,
      notes: [
        ...notes,
        "critical batch: steps-to-target do not follow S_min·(1 + B_crit/B) " +
          `(S_min ${fit.intercept.toFixed(1)}, slope ${fit.slope.toFixed(1)}; ${listed})`,
      ],
    };
  }
  return {
    value: {
      bCrit: fit.slope / fit.intercept,
      sMin: fit.intercept,
      targetLoss: options.targetLoss,
      points,
      r2: fit.r2,
      learningRateRule: LEARNING_RATE_RULES[plan.optimizer],
    },
    stopped,
    notes,
  };
}

function stepsToTarget(args: {
  context: PhaseContext;
  size: number;
  learningRate: number;
  evalBatch: Batch;
  target: number;
  maxSteps: number;
}): number | null | "budget" {
  const { context, size, evalBatch, target } = args;
  const { plan, task, budget } = context;
  const trainer: Trainer = {
    model: task.createModel(),
    dataset: task.dataset,
    optimizer: createOptimizer(plan.optimizer, args.learningRate),
  };
  const order = createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "critical-order"));
  const recent: number[] = [];
  const initial = evaluateLoss(trainer, evalBatch);
  // Training losses are noisy: confirm on held-out data once the recent mean is within 10 % of the remaining fall.
  const margin = 0.1 * Math.max(initial - target, 0);
  try {
    for (let step = 1; step <= args.maxSteps; step++) {
      if (budget.expired()) return "budget";
      const loss = trainOnNext(trainer, order, size);
      if (!Number.isFinite(loss)) return null;
      recent.push(loss);
      if (recent.length > WINDOW) recent.shift();
      const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
      if (mean <= target + margin && evaluateLoss(trainer, evalBatch) <= target) return step;
    }
    return null;
  } finally {
    disposeTrainer(trainer);
  }
}
