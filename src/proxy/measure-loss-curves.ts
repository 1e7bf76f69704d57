import { createBatchOrder, type BatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch, type Batch } from "./data/make-batch.js";
import { planLearningRate } from "./learning-rate.js";
import type { PhaseContext, PhaseResult } from "./phase-context.js";
import { seededRandom } from "./seeded-random.js";
import { createOptimizer, disposeTrainer, evaluateLoss, trainOnNext, type Trainer } from "./train-step.js";
import type { LossCurve } from "./types.js";

export interface LossCurveOptions {
  examplesPerCurve: number;
  /** Recorded points per curve (each the mean training loss since the previous one, plus the held-out loss). */
  points?: number;
  /** Held-out examples for evalLoss; 0 turns it off. */
  evalExamples?: number;
}

interface Run {
  trainer: Trainer;
  order: BatchOrder;
  curve: LossCurve;
  steps: number;
  examples: number;
  window: number[];
  nextPoint: number;
  diverged: boolean;
}

/**
 * Loss against examples seen for each batch size, from the same initial weights and the same
 * example order, each with its learning rate scaled from the plan's by the optimizer's rule. The
 * plan sets the examples per curve; when the budget stops the runs first, no curve is returned.
 * @example (await measureLossCurves(context, { examplesPerCurve: 16384 })).value[1].learningRate
 */
export async function measureLossCurves(
  context: PhaseContext,
  options: LossCurveOptions,
): Promise<PhaseResult<LossCurve[]>> {
  const { plan, task, budget, progress } = context;
  const total = options.examplesPerCurve;
  const pointCount = options.points ?? 24;
  const evalCount = Math.min(options.evalExamples ?? 256, task.dataset.eval.count);
  const evalBatch: Batch | null =
    evalCount > 0
      ? makeBatch(
          task.dataset,
          task.dataset.eval,
          Array.from({ length: evalCount }, (_, i) => i),
        )
      : null;
  const runs: Run[] = plan.batchSizes.map((batchSize) => {
    const learningRate = planLearningRate(plan, batchSize);
    return {
      trainer: {
        model: task.createModel(),
        dataset: task.dataset,
        optimizer: createOptimizer(plan.optimizer, learningRate),
      },
      // The same stream for every run: both batch sizes see the same examples in the same order.
      order: createBatchOrder(task.dataset.train.count, seededRandom(plan.seed, "curve-order")),
      curve: { batchSize, learningRate, points: [] },
      steps: 0,
      examples: 0,
      window: [],
      nextPoint: 1,
      diverged: false,
    };
  });
  const notes: string[] = [];
  let stopped: string | undefined;
  try {
    for (;;) {
      const active = runs.filter((r) => !r.diverged && r.examples < total);
      if (active.length === 0) break;
      if (budget.expired()) {
        stopped = `${budget.reason()} after ${Math.min(...runs.map((r) => r.examples))} of ${total} examples per curve`;
        break;
      }
      const run = active.reduce((a, b) => (b.examples < a.examples ? b : a));
      const size = run.curve.batchSize;
      const initialEval = run.steps === 0 && evalBatch ? evaluateLoss(run.trainer, evalBatch) : undefined;
      const loss = trainOnNext(run.trainer, run.order, size);
      if (!Number.isFinite(loss)) {
        run.diverged = true;
        notes.push(`loss: batch ${size} diverged at step ${run.steps + 1} (lr ${run.curve.learningRate})`);
        continue;
      }
      if (run.steps === 0) {
        // The first step's loss is taken before any update: the curve's starting point.
        run.curve.points.push({
          step: 0,
          examples: 0,
          loss,
          ...(initialEval !== undefined ? { evalLoss: initialEval } : {}),
        });
      }
      run.steps++;
      run.examples += size;
      run.window.push(loss);
      if (run.examples >= (run.nextPoint * total) / pointCount || run.examples >= total) {
        recordPoint(run, evalBatch);
        while ((run.nextPoint * total) / pointCount <= run.examples) run.nextPoint++;
      }
      progress("loss", Math.min(...runs.map((r) => r.examples)), total);
    }
    for (const run of runs) if (run.window.length > 0) recordPoint(run, evalBatch);
  } finally {
    for (const run of runs) disposeTrainer(run.trainer);
    if (evalBatch) disposeBatch(evalBatch);
  }
  // Curves cut short by the budget would be other numbers than the plan's: left out, and said.
  if (stopped) return { value: [], stopped: `${stopped}; the loss curves are left out`, notes };
  return { value: runs.map((r) => r.curve), stopped, notes };
}

/** Closes the current window: its mean training loss, and the held-out loss now. */
function recordPoint(run: Run, evalBatch: Batch | null): void {
  const mean = run.window.reduce((a, b) => a + b, 0) / run.window.length;
  run.curve.points.push({
    step: run.steps,
    examples: run.examples,
    loss: mean,
    ...(evalBatch ? { evalLoss: evaluateLoss(run.trainer, evalBatch) } : {}),
  });
  run.window = [];
}
