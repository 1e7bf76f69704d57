import { createBatchOrder } from "./data/batch-order.js";
import { disposeBatch, makeBatch } from "./data/make-batch.js";
import type { ProxyTask } from "./prepare-task.js";
import { seededRandom } from "./seeded-random.js";
import type { Budget } from "./time-budget.js";
import { createOptimizer, disposeTrainer, evaluateLoss, trainOnNext } from "./train-step.js";
import type { OptimizerKind } from "./types.js";

export interface LearningRateSearch {
  /** The rate that reached the lowest held-out loss; `base` when every larger one diverged or did worse. */
  best: number;
  /** Each candidate's held-out loss after the search's steps (Infinity when it diverged). */
  tried: Array<{ learningRate: number; loss: number }>;
  /** Set when the budget ran out before every candidate was tried; `best` is then among those tried. */
  stopped?: boolean;
}

/**
 * A short learning-rate search at one batch size: from the same initial weights and the same batch
 * order, `steps` steps at base × each multiplier, then the held-out loss. The gradient noise scale
 * reads high by the factor the learning rate is too small (it scales as 1/T, T = ε/B: McCandlish et
 * al. 2018 App. C), and a critical batch is defined at the tuned rate of each size (App. A.2), so the
 * noise scale is measured at the rate this picks. A tie keeps the smaller rate.
 * @example tuneLearningRate(task, { optimizer: "adam", base: 1e-3, batch: 32, multipliers: [1, 2, 4], steps: 64,
 * seed: 1, budget }).best
 */
export function tuneLearningRate(
  task: ProxyTask,
  options: {
    optimizer: OptimizerKind;
    base: number;
    batch: number;
    multipliers: number[];
    steps: number;
    seed: number;
    budget: Budget;
  },
): LearningRateSearch {
  const heldOut = task.dataset.eval.count > 0 ? task.dataset.eval : task.dataset.train;
  const indices = createBatchOrder(heldOut.count, seededRandom(options.seed, "lr-search-eval")).next(
    Math.min(1024, heldOut.count),
  );
  const evalBatch = makeBatch(task.dataset, heldOut, indices);
  const tried: LearningRateSearch["tried"] = [];
  let stopped = false;
  try {
    for (const multiplier of [...options.multipliers].sort((a, b) => a - b)) {
      if (options.budget.expired()) {
        stopped = true;
        break;
      }
      const learningRate = options.base * multiplier;
      const trainer = {
        model: task.createModel(),
        dataset: task.dataset,
        optimizer: createOptimizer(options.optimizer, learningRate),
      };
      try {
        const order = createBatchOrder(task.dataset.train.count, seededRandom(options.seed, "lr-search"));
        let diverged = false;
        for (let s = 0; s < options.steps && !diverged; s++)
          diverged = !Number.isFinite(trainOnNext(trainer, order, options.batch));
        const loss = diverged ? Infinity : evaluateLoss(trainer, evalBatch);
        tried.push({ learningRate, loss: Number.isFinite(loss) ? loss : Infinity });
      } finally {
        disposeTrainer(trainer);
      }
    }
  } finally {
    disposeBatch(evalBatch);
  }
  const best = tried.reduce<{ learningRate: number; loss: number } | undefined>(
    (b, t) => (b === undefined || t.loss < b.loss ? t : b),
    undefined,
  );
  return {
    best: best && Number.isFinite(best.loss) ? best.learningRate : options.base,
    tried,
    ...(stopped ? { stopped } : {}),
  };
}
